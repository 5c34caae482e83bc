package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fmishare.transport.email.MailFixture.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An independent S/MIME implementation verifies what this transport signs: {@code openssl smime -verify} with the
 * test CA as {@code -CAfile}, for each supported S/MIME key type. Skipped, with a message, without openssl.
 */
class OpensslInteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenssl() {
        boolean present;
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "openssl is not on the PATH: S/MIME interop with OpenSSL not tested");
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_2048"})
    void opensslVerifiesTheSmimeSignatureAndRejectsATamperedCopy(KeyAlgorithm alg) throws Exception {
        SigningCredential smime = CA.issue("FITF mail signer " + alg, alg);
        SmtpSettings unused = SmtpSettings.builder("localhost", 465, SmtpSecurity.SMTPS).build();
        EmailTransport t = EmailTransport.builder(unused, FITF, smime,
                BodyRenderer.standard()).build();
        byte[] message = t.render(share(), SMC_INBOX);

        Path eml = dir.resolve("share.eml");
        Files.write(eml, message);
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, pem(CA.certificate().getEncoded()));

        Result ok = openssl(eml, ca);
        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(ok.output).contains("Verification successful");
        assertThat(Files.readString(dir.resolve("content.txt"))).contains("Important notice")
                .contains("application/jose+json");

        String raw = new String(message, StandardCharsets.ISO_8859_1);
        Files.writeString(eml, raw.replaceFirst("Important notice", "Important notise"),
                StandardCharsets.ISO_8859_1);
        Result bad = openssl(eml, ca);
        assertThat(bad.exit).as(bad.output).isNotZero();
    }

    record Result(int exit, String output) {}

    private Result openssl(Path eml, Path ca) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "smime", "-verify", "-in", eml.toString(),
                "-CAfile", ca.toString(), "-out", dir.resolve("content.txt").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
