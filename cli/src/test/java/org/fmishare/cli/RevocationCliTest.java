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
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --crl}: a revoked signer is refused (exit 1, check {@code revoked}); CRLs are read as PEM or DER. */
class RevocationCliTest {
    private static final String PW = "s3cret";
    private static final TestPki.Authority CA = TestPki.authority("fmi-share CLI revocation CA");
    private static final SigningCredential SENDER = CA.issueEnvelopeSigner("fitf", "FITF envelope signer",
            KeyAlgorithm.EC_P256);

    @TempDir
    static Path dir;
    static Path env;

    @BeforeAll
    static void sign() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), Credentials.toPem(CA.certificate()));
        Files.write(dir.resolve("sender.p12"), Credentials.toPkcs12(SENDER, "sender", PW.toCharArray()));
        env = dir.resolve("share.jws.json");
        CliTest.Result r = CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json")
                .toString(), "--key", dir.resolve("sender.p12").toString(), "--password", PW, "-o", env.toString());
        assertThat(r.code()).as(r.err()).isZero();
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
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("verify", env.toString(),
                "--signer-trust", dir.resolve("ca.pem").toString()));
        for (String f : crlFiles) {
            args.add("--crl");
            args.add(dir.resolve(f).toString());
        }
        return CliTest.run(args.toArray(String[]::new));
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
