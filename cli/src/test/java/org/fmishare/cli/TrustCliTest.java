package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 through the command line: every key {@code keys init --tls} writes can sign, but only the envelope
 * signer may speak as the office; the others are refused by {@code verify} with exit 1 naming the binding check.
 */
class TrustCliTest {
    private static final String PW = "s3cret";

    @TempDir
    static Path keys;

    @BeforeAll
    static void initKeys() {
        CliTest.Result r = CliTest.run("keys", "init", keys.toString(), "--password", PW, "--tls");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("senders.json");
    }

    private static Path signWith(String p12, Path dir) {
        Path env = dir.resolve(p12 + ".jws.json");
        CliTest.Result sign = CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json")
                .toString(), "--key", keys.resolve(p12).toString(), "--password", PW, "-o", env.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
        return env;
    }

    @Test
    void keysInitWritesAnAuditSealerBoundToTheSenderId() {
        Path p12 = keys.resolve("audit-sealer.p12");
        assertThat(p12).isRegularFile();
        java.security.cert.X509Certificate sealer = Secrets.credential(p12, PW.toCharArray()).certificate();
        assertThat(org.fmishare.core.jose.KeyPurposes.hasPurpose(sealer,
                org.fmishare.core.jose.KeyPurposes.AUDIT_SEALING)).isTrue();
        assertThat(org.fmishare.core.jose.KeyPurposes.hasPurpose(sealer,
                org.fmishare.core.jose.KeyPurposes.ENVELOPE_SIGNING)).isFalse();
        assertThat(org.fmishare.core.jose.KeyPurposes.speaksFor(sealer, "fitf")).isTrue();
    }

    @Test
    void onlyTheEnvelopeSignerSpeaksAsTheOffice(@TempDir Path dir) {
        CliTest.Result ok = CliTest.run("verify", signWith("sender.p12", dir).toString(), "--signer-trust",
                keys.resolve("ca.pem").toString(), "--recipient", "smc-examplesocial");
        assertThat(ok.code()).as(ok.err()).isZero();
        for (String p12 : new String[] {"recipient.p12", "audit-sealer.p12", "server-tls.p12", "client-tls.p12"}) {
            CliTest.Result r = CliTest.run("verify", signWith(p12, dir).toString(), "--signer-trust",
                    keys.resolve("ca.pem").toString(), "--recipient", "smc-examplesocial");
            assertThat(r.code()).as(p12 + ": " + r.out()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.err()).as(p12).startsWith("fmi-share: ").contains("envelope rejected: signer-binding:");
        }
    }

    @Test
    void verifyLoadsTheSenderDirectoryKeysInitWrote(@TempDir Path dir) throws Exception {
        Path env = signWith("sender.p12", dir);
        CliTest.Result ok = CliTest.run("verify", env.toString(), "--signer-trust", keys.resolve("ca.pem").toString(),
                "--senders", keys.resolve("senders.json").toString());
        assertThat(ok.code()).as(ok.err()).isZero();

        Path other = dir.resolve("other-senders.json");
        Files.writeString(other, "{\"senders\":{\"fo-western\":[{\"sanUri\":\"urn:fmishare:sender:fo-western\"}]}}",
                StandardCharsets.UTF_8);
        CliTest.Result unlisted = CliTest.run("verify", env.toString(), "--signer-trust", keys.resolve("ca.pem").toString(),
                "--senders", other.toString());
        assertThat(unlisted.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(unlisted.err()).contains("signer-binding").contains("does not list it");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"senders\":{\"fitf\":[]}}", StandardCharsets.UTF_8);
        CliTest.Result bad = CliTest.run("verify", env.toString(), "--signer-trust", keys.resolve("ca.pem").toString(),
                "--senders", broken.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    }
}
