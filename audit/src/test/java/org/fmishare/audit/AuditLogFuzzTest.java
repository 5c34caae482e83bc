package org.fmishare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.fmishare.core.keys.Credentials;
import org.fmishare.testkit.FuzzCorpus;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile audit files for the read-only store and the verifier: a file verifies, or is refused with
 * {@link AuditException}; the file is never changed. Any other exception, a hang or an {@link OutOfMemoryError} is a
 * finding. The valid seed is sealed by a fixed PKI kept beside the corpus, so mutations reach the seal checks.
 */
class AuditLogFuzzTest {
    /** Read on first use, so that writing a new anchor does not need the old one. */
    private static final class Anchor {
        static final X509Certificate ROOT = Credentials.certificatesFromPem(readAnchor()).get(0);
    }
    private static final Path WORK = tempDir();

    @FuzzTest
    @Timeout(120)
    void verifyAuditFile(byte[] input) throws IOException {
        Path file = WORK.resolve("audit.jsonl");
        Files.write(file, input);
        try (ReadOnlyFileAuditStore store = ReadOnlyFileAuditStore.open(file)) {
            AuditVerification v = AuditStoreContract.verifier(Anchor.ROOT).build().verify(store);
            assertThat(v.entries()).isNotNegative();
        } catch (AuditException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("Optional[");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(input);
    }

    /** The valid seed still verifies: otherwise the corpus only exercises the first refusal. */
    @Test
    void theValidSeedStillVerifies() {
        Path seed = FuzzCorpus.directory(AuditLogFuzzTest.class, "verifyAuditFile").resolve("valid-13-entries");
        try (ReadOnlyFileAuditStore store = ReadOnlyFileAuditStore.open(seed)) {
            assertThat(AuditStoreContract.verifier(Anchor.ROOT).build().verify(store).entries()).isEqualTo(13);
        }
    }

    /** Writes a fixed anchor and the valid seed (run once with -Dfmishare.fuzz.writeSeeds=true). */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws IOException {
        Path dir = FuzzCorpus.sourceDirectory(AuditLogFuzzTest.class, "verifyAuditFile");
        Files.writeString(dir.getParent().resolve("anchor.pem"), Credentials.toPem(AuditStoreContract.anchor()));
        Path file = WORK.resolve("seed.jsonl");
        try (AuditStore store = FileAuditStore.open(file); AuditLog log = AuditStoreContract.log(store, 4)) {
            AuditStoreContract.events(10).forEach(log::append);
        }
        byte[] valid = Files.readAllBytes(file);
        FuzzCorpus.write(dir, "valid-13-entries", valid);
        String text = new String(valid, java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        String swapped = String.join("\n", lines[1], lines[0]) + "\n" + String.join("\n",
                java.util.Arrays.copyOfRange(lines, 2, lines.length)) + "\n";
        FuzzCorpus.write(dir, "invalid-swapped-entries", swapped.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        FuzzCorpus.write(dir, "invalid-trailing-nul", java.util.Arrays.copyOf(valid, valid.length + 16));
    }

    private static String readAnchor() {
        try {
            return Files.readString(TestResources.path(AuditLogFuzzTest.class,
                    "/org/fmishare/audit/AuditLogFuzzTestInputs/anchor.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("audit-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
