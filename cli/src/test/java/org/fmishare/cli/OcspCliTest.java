package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestOcspResponder;
import org.fmishare.testkit.TestPki;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --ocsp-responder}: a signer the responder reports revoked is refused (exit 1, check
 * {@code revoked}), a good one verifies; an unreachable responder refuses unless {@code --ocsp-soft-fail}.
 */
class OcspCliTest {
    private static final String PW = "s3cret";
    private static final TestPki.Authority CA = TestPki.authority("fmi-share CLI OCSP CA");
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
    }

    private static CliTest.Result verify(String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("verify", env.toString(),
                "--signer-trust", dir.resolve("ca.pem").toString()));
        args.addAll(java.util.List.of(extra));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void aSignerTheResponderReportsRevokedIsRefusedAndAGoodOneVerifies() {
        try (TestOcspResponder responder = TestOcspResponder.start(CA, Clock.systemUTC())) {
            responder.good(SENDER.certificate());
            CliTest.Result ok = verify("--ocsp-responder", responder.uri().toString());
            assertThat(ok.code()).as(ok.err()).isZero();
            responder.revoked(SENDER.certificate(), Instant.now().minusSeconds(3600));
            CliTest.Result revoked = verify("--ocsp-responder", responder.uri().toString());
            assertThat(revoked.code()).as(revoked.out()).isEqualTo(ExitCodes.FAILED);
            assertThat(revoked.err()).contains("envelope rejected: revoked:");
        }
    }

    @Test
    void anUnreachableResponderRefusesUnlessSoftFailIsAsked() {
        TestOcspResponder responder = TestOcspResponder.start(CA, Clock.systemUTC());
        String down = responder.uri().toString();
        responder.close();
        CliTest.Result hard = verify("--ocsp-responder", down);
        assertThat(hard.code()).as(hard.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(hard.err()).contains("revoked:").contains("status unknown");
        CliTest.Result soft = verify("--ocsp-responder", down, "--ocsp-soft-fail");
        assertThat(soft.code()).as(soft.err()).isZero();
    }

    @Test
    void softFailWithoutOcspOrANonHttpResponderIsAUsageError() {
        assertThat(verify("--ocsp-soft-fail").code()).isEqualTo(ExitCodes.USAGE);
        CliTest.Result ldap = verify("--ocsp-responder", "ldap://example.org/");
        assertThat(ldap.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ldap.err()).contains("--ocsp-responder");
    }
}
