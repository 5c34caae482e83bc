package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.envelope.EnvelopeBody;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.testkit.SampleData;
import org.fmishare.disclosure.ClauseCatalog;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiShares;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.fmishare.transport.taxii.stix.StixShareInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taxii pull} against a real loopback TAXII endpoint. */
class TaxiiCliTest {
    @Test
    void pullVerifiesEveryShareInTheCollection(@TempDir Path dir) throws Exception {
        TestPki.Authority ca = TestPki.authority("cli taxii CA");
        SigningCredential sender = ca.issue("FITF signer", KeyAlgorithm.EC_P256);
        Files.writeString(dir.resolve("ca.pem"), Credentials.toPem(ca.certificate()));
        Files.writeString(dir.resolve("other.pem"), Credentials.toPem(TestPki.authority("other").certificate()));
        ComplianceSummary pass = new ComplianceSummary(Verdict.PASS, SampleData.RULE_SET_ID, "1.0.0",
                Disclosure.digestOf("r"));
        SignedEnvelope env = EnvelopeSigner.builder(sender, "fitf").build().sign(new EnvelopeBody.Share(SampleData.passingShare()), pass,
                ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE));
        char[] pw = "pw".toCharArray();
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .user("agency", pw).start()) {
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).basicAuth("agency", pw).build();
            TaxiiShares.publish(client, client.collection(server.apiRootUri(), "shares"), new StixShareInput(
                    SampleData.passingShare(), ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE), pass, env.envelopeId(), env.digest(),
                    new String(env.serialized(), java.nio.charset.StandardCharsets.UTF_8), env.issuedAt()));
            String root = server.apiRootUri().toString();
            CliTest.Result ok = CliTest.run("taxii", "pull", root, "--collection", "shares", "--trust",
                    dir.resolve("ca.pem").toString(), "--user", "agency", "--password", "pw");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("1 share(s) pulled, 1 verified, 0 rejected");
            CliTest.Result untrusted = CliTest.run("taxii", "pull", root, "--collection", "shares", "--trust",
                    dir.resolve("other.pem").toString(), "--user", "agency", "--password", "pw");
            assertThat(untrusted.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(untrusted.err()).contains("share-2026-0001 rejected");
            CliTest.Result badAuth = CliTest.run("taxii", "pull", root, "--collection", "shares", "--trust",
                    dir.resolve("ca.pem").toString(), "--user", "agency", "--password", "wrong");
            assertThat(badAuth.code()).isNotZero();
            assertThat(badAuth.err()).contains("401");
        }
    }
}
