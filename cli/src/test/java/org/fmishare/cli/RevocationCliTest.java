package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --crl}: a revoked signer is refused (exit 1, check {@code revoked}); CRLs are read as PEM or DER. */
class RevocationCliTest {
    private static final TestPki.Authority CA = TestPki.authority("fmi-share CLI revocation CA");
    private static final SigningCredential SENDER = CA.issueEnvelopeSigner("fitf", "FITF envelope signer",
            KeyAlgorithm.EC_P256);

    @TempDir
    static Path dir;
    static SignedShareFiles files;

    @BeforeAll
    static void sign() throws Exception {
        files = SignedShareFiles.write(dir, CA, SENDER);
        Instant now = Instant.now();
        X509CRL none = CA.crl(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), Map.of());
        X509CRL revoked = CA.crl(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
                Map.of(SENDER.certificate(), now.minus(Duration.ofHours(2))));
        Files.write(dir.resolve("none.crl"), none.getEncoded());
        Files.writeString(dir.resolve("revoked.pem"), "-----BEGIN X509 CRL-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        revoked.getEncoded()) + "\n-----END X509 CRL-----\n");
        Files.writeString(dir.resolve("not-a-crl.pem"), Credentials.toPem(CA.certificate()));
    }

    private static CliTest.Result verify(String... crlFiles) {
        java.util.List<String> args = new java.util.ArrayList<>();
        for (String f : crlFiles) {
            args.add("--crl");
            args.add(dir.resolve(f).toString());
        }
        return files.verify(args.toArray(String[]::new));
    }

    @Test
    void aSignerOnTheCrlIsRefusedNamingTheCheck() {
        CliTest.Result ok = verify("none.crl");
        assertThat(ok.code()).as(ok.err()).isZero();
        CliTest.Result revoked = verify("revoked.pem");
        assertThat(revoked.code()).as(revoked.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(revoked.err()).contains("envelope rejected: revoked:");
    }

    @Test
    void anUnreadableCrlFileIsUnreadableInput() {
        CliTest.Result bad = verify("not-a-crl.pem");
        assertThat(bad.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(bad.err()).contains("not-a-crl.pem");
        CliTest.Result missing = verify("missing.crl");
        assertThat(missing.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(missing.err()).contains("missing.crl").contains("no such file");
    }
}
