package org.fmishare.cli;

import org.fmishare.testkit.TestResources;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keys init, sign and verify as a harness would drive them: real files, exit codes and messages. */
class SignVerifyCliTest {
    @TempDir
    static Path keys;

    static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    @BeforeAll
    static void initKeys() {
        CliTest.Result r = run("keys", "init", keys.toString(), "--password", "s3cret");
        assertThat(r.code()).as(r.err()).isZero();
    }

    static String share(String name) {
        return TestResources.samplesDirectory().resolve(name).toString();
    }

    @Test
    void keysInitWritesItsFilesAndRefusesToOverwrite() {
        assertThat(keys.resolve("ca.pem")).exists();
        assertThat(keys.resolve("sender.p12")).exists();
        assertThat(keys.resolve("sender-cert.pem")).exists();
        assertThat(keys.resolve("recipient.p12")).exists();
        assertThat(keys.resolve("recipient-cert.pem")).exists();
        assertThat(keys.resolve("senders.json")).exists();
        CliTest.Result again = run("keys", "init", keys.toString(), "--password", "s3cret");
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("exists");
    }

    @Test
    void signThenVerifyPassesAndATamperedCopyFails(@TempDir Path dir) throws Exception {
        Path env = dir.resolve("share.jws.json");
        CliTest.Result sign = run("sign", share("passing-share.json"), "--key", keys.resolve("sender.p12").toString(),
                "--password", "s3cret", "--cms", "-o", env.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
        assertThat(dir.resolve("share.jws.json.p7s")).exists();
        CliTest.Result ok = run("verify", env.toString(), "--signer-trust", keys.resolve("ca.pem").toString(),
                "--recipient", "smc-examplesocial");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("PASS under sop-2024-02").contains("verified: every check passed");

        byte[] bytes = Files.readAllBytes(env);
        bytes[bytes.length / 2] ^= 0x01;
        Path bad = dir.resolve("tampered.json");
        Files.write(bad, bytes);
        CliTest.Result rejected = run("verify", bad.toString(), "--signer-trust", keys.resolve("ca.pem").toString());
        assertThat(rejected.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(rejected.err()).startsWith("fmi-share: " + bad + ": envelope rejected:");

        CliTest.Result wrongRecipient = run("verify", env.toString(), "--signer-trust", keys.resolve("ca.pem").toString(),
                "--recipient", "smc-other");
        assertThat(wrongRecipient.code()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void verifyReChecksTheSopAndRefusesACoerciveShareWhoseEnvelopeClaimsPass(@TempDir Path dir) throws Exception {
        Path lie = CoerciveEnvelopes.write(keys, "s3cret", dir.resolve("lie.json"));
        CliTest.Result r = run("verify", lie.toString(), "--signer-trust", keys.resolve("ca.pem").toString(),
                "--recipient", "smc-examplesocial");
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).startsWith("fmi-share: " + lie + ": envelope rejected: compliance-recheck: ")
                .contains("claims PASS", "gives FAIL", "P1-NO-COERCION $.narrative");

        Path genuine = dir.resolve("genuine.json");
        assertThat(run("sign", share("passing-share.json"), "--key", keys.resolve("sender.p12").toString(),
                "--password", "s3cret", "-o", genuine.toString()).code()).isZero();
        CliTest.Result ok = run("verify", genuine.toString(), "--signer-trust", keys.resolve("ca.pem").toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("(re-checked by this receiver)");
    }

    @Test
    void signRefusesAShareThatFailsTheSop(@TempDir Path dir) {
        CliTest.Result r = run("sign", share("failing-share.json"), "--key", keys.resolve("sender.p12").toString(),
                "--password", "s3cret", "-o", dir.resolve("x.json").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("refusing to sign: SOP verdict is FAIL").contains("P1-NO-COERCION");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void encryptedEnvelopeVerifiesOnlyWithTheRecipientKey(@TempDir Path dir) {
        Path env = dir.resolve("enc.json");
        // The sample share is sent by the FITF, whose id the development signer's certificate is bound to.
        CliTest.Result sign = run("sign", share("passing-share.json"), "--key",
                keys.resolve("sender.p12").toString(), "--password", "s3cret", "--encrypt-to",
                keys.resolve("recipient-cert.pem").toString(), "-o", env.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
        CliTest.Result noKey = run("verify", env.toString(), "--signer-trust", keys.resolve("ca.pem").toString());
        assertThat(noKey.code()).isEqualTo(ExitCodes.FAILED);
        CliTest.Result ok = run("verify", env.toString(), "--signer-trust", keys.resolve("ca.pem").toString(),
                "--decrypt-key", keys.resolve("recipient.p12").toString(), "--password", "s3cret");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("THREAT_SHARE");
    }

    @Test
    void badKeystoreArgumentsAreClearErrors(@TempDir Path dir) {
        CliTest.Result wrongPw = run("sign", share("passing-share.json"), "--key",
                keys.resolve("sender.p12").toString(), "--password", "nope", "-o", dir.resolve("x").toString());
        assertThat(wrongPw.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(wrongPw.err()).contains("sender.p12");
        CliTest.Result badAlg = run("sign", share("passing-share.json"), "--key",
                keys.resolve("sender.p12").toString(), "--password", "s3cret", "--alg", "HS256", "-o",
                dir.resolve("x").toString());
        assertThat(badAlg.code()).isEqualTo(ExitCodes.USAGE);
        CliTest.Result mismatched = run("sign", share("passing-share.json"), "--key",
                keys.resolve("sender.p12").toString(), "--password", "s3cret", "--alg", "EdDSA", "-o",
                dir.resolve("x").toString());
        assertThat(mismatched.code()).isEqualTo(ExitCodes.USAGE);
        CliTest.Result missing = run("verify", dir.resolve("none.json").toString(), "--signer-trust",
                keys.resolve("ca.pem").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    }
}
