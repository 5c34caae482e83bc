package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.FuzzCorpus;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile bytes for the envelope verifier, signed (JWS) and encrypted (JWE): it verifies, or refuses with
 * {@link EnvelopeException.Rejected}. A {@link EnvelopeException.ProcessingFailed} means a library failed on the
 * input and the verifier only caught it, so it is a finding too, as is a hang or an {@link OutOfMemoryError}.
 *
 * <p>The seeds are signed with a fixed PKI kept beside the corpus ({@code fuzz-pki/}), so mutations of a valid
 * envelope reach the signature, chain and content checks instead of stopping at the first one.
 */
class EnvelopeVerifierFuzzTest {
    private static final String PKI = "/org/fmishare/core/envelope/fuzz-pki/";

    /** Read on first use, so that writing a new PKI does not need the old one. */
    private static final class Pki {
        static final X509Certificate ROOT = Credentials.certificatesFromPem(read("root.pem")).get(0);
        static final PrivateKey RECIPIENT_KEY = Credentials.privateKeyFromPem(read("recipient-key.pem"));
    }

    private static EnvelopeVerifier verifier() {
        // A fresh replay cache per input: a replay verdict would hide what the input does to the later checks.
        return EnvelopeVerifier.builder().trustAnchor(Pki.ROOT).expectedRecipient(Fixtures.COMPANY)
                .clock(Fixtures.CLOCK).decryptionKey(Pki.RECIPIENT_KEY)
                .replayCache(InMemoryReplayCache.withCapacity(1024)).maxEnvelopeBytes(256 * 1024).build();
    }

    @FuzzTest
    @Timeout(120)
    void verifyEnvelope(byte[] input) {
        try {
            VerifiedEnvelope v = verifier().verify(input);
            assertThat(v.body()).isNotNull();
        } catch (EnvelopeException.Rejected expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("Optional[");
        }
    }

    /** The valid seeds still verify: otherwise the corpus only exercises the first refusal. */
    @Test
    void theValidSeedsStillVerify() throws IOException {
        Path dir = FuzzCorpus.directory(EnvelopeVerifierFuzzTest.class, "verifyEnvelope");
        List<Path> valid;
        try (var files = Files.list(dir)) {
            valid = files.filter(p -> p.getFileName().toString().startsWith("valid-")).toList();
        }
        assertThat(valid).hasSize(2);
        for (Path p : valid) {
            assertThat(verifier().verify(Files.readAllBytes(p)).body()).as(p.toString()).isNotNull();
        }
    }

    /** Writes a new fixed PKI and the valid seeds (run once with -Dfmishare.fuzz.writeSeeds=true). */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws IOException {
        Path pki = FuzzCorpus.sourceDirectory(EnvelopeVerifierFuzzTest.class, "verifyEnvelope").getParent().getParent()
                .resolve("fuzz-pki");
        Files.createDirectories(pki);
        Files.writeString(pki.resolve("root.pem"), Credentials.toPem(Fixtures.ROOT.certificate()));
        Files.writeString(pki.resolve("recipient-key.pem"), Credentials.toPem(Fixtures.RECIPIENT.privateKey()));
        Path dir = FuzzCorpus.sourceDirectory(EnvelopeVerifierFuzzTest.class, "verifyEnvelope");
        SignedEnvelope share = Fixtures.signedShare();
        FuzzCorpus.write(dir, "valid-jws-share", share.serialized());
        FuzzCorpus.write(dir, "valid-jwe-share", share.encryptFor(Fixtures.RECIPIENT.certificate()).serialized());
        var m = Fixtures.members(share.serialized());
        String none = b64("{\"alg\":\"none\",\"typ\":\"" + EnvelopeSigner.JOSE_TYPE + "\"}");
        FuzzCorpus.write(dir, "invalid-alg-none", Fixtures.flattened(none, m.get("payload"), ""));
        FuzzCorpus.write(dir, "invalid-signature-flipped", Fixtures.flattened(m.get("protected"),
                m.get("payload"), m.get("signature").replace(m.get("signature").charAt(5), 'A')));
        SigningCredential stranger = org.fmishare.testkit.TestPki.authority("stranger")
                .issueEnvelopeSigner(Fixtures.OFFICE, "stranger", KeyAlgorithm.EC_P256);
        FuzzCorpus.write(dir, "invalid-foreign-chain", EnvelopeSigner.builder(stranger, Fixtures.OFFICE)
                .clock(Fixtures.CLOCK).build().sign(new EnvelopeBody.Share(SampleData.passingShare()),
                        Fixtures.PASS, Fixtures.SHARE_DISCLOSURES).serialized());
        FuzzCorpus.write(dir, "invalid-empty-object", "{}".getBytes(StandardCharsets.US_ASCII));
        FuzzCorpus.write(dir, "invalid-jwe-garbage", ("{\"protected\":\"" + b64("{\"alg\":\"ECDH-ES+A256KW\","
                + "\"enc\":\"A256GCM\"}") + "\",\"encrypted_key\":\"AAAA\",\"iv\":\"AAAA\",\"ciphertext\":\"AAAA\","
                + "\"tag\":\"AAAA\"}").getBytes(StandardCharsets.US_ASCII));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String name) {
        try {
            return Files.readString(TestResources.path(EnvelopeVerifierFuzzTest.class, PKI + name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
