package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.testkit.TestResources;

/**
 * The sample passing share signed with {@code fmi-share sign} by a test CA's envelope signer, and the CA certificate
 * a verifier trusts, as files: what the revocation tests of {@code verify} start from.
 *
 * @param caPem the CA certificate (PEM), for {@code --signer-trust}
 * @param envelope the signed envelope (JWS JSON)
 */
record SignedShareFiles(Path caPem, Path envelope) {
    /** Password of the signer's keystore written beside the envelope. */
    static final String PASSWORD = "s3cret";

    /** Writes {@code ca.pem}, {@code sender.p12} and the signed {@code share.jws.json} into {@code dir}. */
    static SignedShareFiles write(Path dir, TestPki.Authority ca, SigningCredential sender) throws IOException {
        Path caPem = dir.resolve("ca.pem");
        Files.writeString(caPem, Credentials.toPem(ca.certificate()));
        Path p12 = dir.resolve("sender.p12");
        Files.write(p12, Credentials.toPkcs12(sender, "sender", PASSWORD.toCharArray()));
        Path envelope = dir.resolve("share.jws.json");
        CliTest.Result r = CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json")
                .toString(), "--key", p12.toString(), "--password", PASSWORD, "-o", envelope.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return new SignedShareFiles(caPem, envelope);
    }

    /** Runs {@code verify} on the envelope against the CA, with {@code extra} options. */
    CliTest.Result verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", envelope.toString(), "--signer-trust",
                caPem.toString()));
        args.addAll(List.of(extra));
        return CliTest.run(args.toArray(String[]::new));
    }
}
