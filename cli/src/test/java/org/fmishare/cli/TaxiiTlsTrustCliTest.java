package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.disclosure.ClauseCatalog;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPki;
import org.fmishare.transport.https.TlsContexts;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiShares;
import org.fmishare.transport.taxii.stix.StixShareInput;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taxii pull --tls-trust}: a TAXII server whose TLS certificate comes from a private CA (not the signers' CA,
 * not in the Java runtime's store) is trusted by that option alone, with no JVM flags; the signer CA is not a TLS CA.
 */
class TaxiiTlsTrustCliTest {
    @Test
    void aPrivateTlsCaIsTrustedThroughTlsTrustOnly(@TempDir Path dir) throws Exception {
        TestPki.Authority signers = TestPki.authority("cli taxii signer CA");
        TestPki.Authority tlsCa = TestPki.authority("cli taxii private TLS CA");
        SigningCredential sender = signers.issueEnvelopeSigner("fitf", "FITF signer", KeyAlgorithm.EC_P256);
        SigningCredential serverTls = tlsCa.issueTls("localhost", KeyAlgorithm.EC_P256, List.of("localhost"),
                List.of("127.0.0.1"));
        Files.writeString(dir.resolve("signers.pem"), Credentials.toPem(signers.certificate()));
        Files.writeString(dir.resolve("tls.pem"), Credentials.toPem(tlsCa.certificate()));
        // The summary the SOP validator really gives: `taxii pull` re-runs the check and compares the report digest.
        ComplianceSummary pass = TaxiiCliTest.summaryOf(SampleData.passingShare());
        List<Disclosure> clauses = ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE);
        SignedEnvelope env = EnvelopeSigner.builder(sender, "fitf").build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), pass, clauses);
        char[] pw = "pw".toCharArray();
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .user("agency", pw).tls(TlsContexts.of(serverTls, List.of(tlsCa.certificate())), false).start()) {
            assertThat(server.apiRootUri().getScheme()).isEqualTo("https");
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).basicAuth("agency", pw)
                    .sslContext(TlsContexts.trusting(List.of(tlsCa.certificate()))).build();
            TaxiiShares.publish(client, client.collection(server.apiRootUri(), "shares"), new StixShareInput(
                    SampleData.passingShare(), clauses, pass, env.envelopeId(), env.digest(),
                    new String(env.serialized(), StandardCharsets.UTF_8), env.issuedAt()));
            String root = server.apiRootUri().toString();

            CliTest.Result ok = CliTest.run("taxii", "pull", root, "--collection", "shares", "--signer-trust",
                    dir.resolve("signers.pem").toString(), "--tls-trust", dir.resolve("tls.pem").toString(),
                    "--user", "agency", "--password", "pw");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("1 share(s) pulled, 1 verified, 0 rejected, 0 skipped");

            // Without --tls-trust the Java runtime's CAs decide, and they do not know the private CA.
            CliTest.Result noTls = CliTest.run("taxii", "pull", root, "--collection", "shares", "--signer-trust",
                    dir.resolve("signers.pem").toString(), "--user", "agency", "--password", "pw");
            assertThat(noTls.code()).isEqualTo(ExitCodes.IO_FAILURE);
            // The signer CA is not a TLS CA.
            CliTest.Result signerAsTls = CliTest.run("taxii", "pull", root, "--collection", "shares",
                    "--signer-trust", dir.resolve("signers.pem").toString(), "--tls-trust",
                    dir.resolve("signers.pem").toString(), "--user", "agency", "--password", "pw");
            assertThat(signerAsTls.code()).isEqualTo(ExitCodes.IO_FAILURE);
        }
    }
}
