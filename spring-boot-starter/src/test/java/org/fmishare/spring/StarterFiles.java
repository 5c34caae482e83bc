package org.fmishare.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestParties;

/**
 * The files an agency's deployment has, written from the testkit's development PKI into a directory: the CA, the
 * office's envelope key, the company's receipt key, TLS keys, and properties naming them.
 */
final class StarterFiles {
    static final String PASSWORD = "starter-test-pw";

    final TestParties parties;
    final Path dir;

    StarterFiles(Path dir) {
        this.dir = dir;
        this.parties = TestParties.create("fmi-share starter test CA");
        write("ca.pem", Credentials.toPem(parties.ca().certificate()));
        writeP12("sender.p12", parties.officeSigning());
        writeP12("recipient.p12", parties.companySigning());
        writeP12("client-tls.p12", parties.clientTls());
        write("server-tls.pem", Credentials.toPem(parties.serverTls().certificate()));
        // PKCS#8, the form every PEM reader (Spring Boot's SSL bundles too) understands.
        write("server-tls-key.pem", "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(parties.serverTls().privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** {@return the office side: sender id, key, trust, outbox, the company's record} */
    List<String> sender() {
        return new ArrayList<>(List.of(
                "fmishare.sender-id=fitf",
                "fmishare.keys.pkcs12=" + file("sender.p12"),
                "fmishare.keys.password=" + PASSWORD,
                "fmishare.trust.signer-trust=" + file("ca.pem"),
                "fmishare.trust.tls-trust=" + file("ca.pem"),
                "fmishare.transports.https.client-key.pkcs12=" + file("client-tls.p12"),
                "fmishare.transports.https.client-key.password=" + PASSWORD,
                "fmishare.outbox.directory=" + file("outbox"),
                "fmishare.companies[0].id=" + parties.companyId(),
                "fmishare.companies[0].clearance=amber-strict"));
    }

    /** {@return the company side: the receiver with its receipt key} */
    List<String> receiver() {
        return new ArrayList<>(List.of(
                "fmishare.trust.signer-trust=" + file("ca.pem"),
                "fmishare.receiver.enabled=true",
                "fmishare.receiver.recipient-id=" + parties.companyId(),
                "fmishare.receiver.keys.pkcs12=" + file("recipient.p12"),
                "fmishare.receiver.keys.password=" + PASSWORD));
    }

    private void writeP12(String name, SigningCredential credential) {
        try {
            Files.write(dir.resolve(name), Credentials.toPkcs12(credential, "key", PASSWORD.toCharArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
