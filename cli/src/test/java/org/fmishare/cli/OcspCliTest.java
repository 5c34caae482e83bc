package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestOcspResponder;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --ocsp-responder}: a signer the responder reports revoked is refused (exit 1, check
 * {@code revoked}), a good one verifies; an unreachable responder refuses unless {@code --ocsp-soft-fail}.
 */
class OcspCliTest {
    private static final TestPki.Authority CA = TestPki.authority("fmi-share CLI OCSP CA");
    private static final SigningCredential SENDER = CA.issueEnvelopeSigner("fitf", "FITF envelope signer",
            KeyAlgorithm.EC_P256);

    @TempDir
    static Path dir;
    static SignedShareFiles files;

    @BeforeAll
    static void sign() throws Exception {
        files = SignedShareFiles.write(dir, CA, SENDER);
    }

    private static CliTest.Result verify(String... extra) {
        return files.verify(extra);
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
