package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.envelope.EnvelopeBody;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.TestPki;
import org.fmishare.testkit.SampleData;
import org.fmishare.disclosure.ClauseCatalog;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.sop.SopValidator;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiCollection;
import org.fmishare.transport.taxii.TaxiiShares;
import org.fmishare.transport.taxii.stix.FmiStixExtension;
import org.fmishare.transport.taxii.stix.StixObject;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.fmishare.transport.taxii.stix.StixShareInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taxii pull} against a real loopback TAXII endpoint. */
class TaxiiCliTest {
    @Test
    void pullVerifiesEveryShareInTheCollection(@TempDir Path dir) throws Exception {
        TestPki.Authority ca = TestPki.authority("cli taxii CA");
        SigningCredential sender = ca.issueEnvelopeSigner("fitf", "FITF signer", KeyAlgorithm.EC_P256);
        Files.writeString(dir.resolve("ca.pem"), Credentials.toPem(ca.certificate()));
        Files.writeString(dir.resolve("other.pem"), Credentials.toPem(TestPki.authority("other").certificate()));
        ComplianceSummary pass = summaryOf(SampleData.passingShare());
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
            CliTest.Result ok = CliTest.run("taxii", "pull", root, "--collection", "shares", "--signer-trust",
                    dir.resolve("ca.pem").toString(), "--user", "agency", "--password", "pw");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("1 share(s) pulled, 1 verified, 0 rejected, 0 skipped");
            CliTest.Result untrusted = CliTest.run("taxii", "pull", root, "--collection", "shares", "--signer-trust",
                    dir.resolve("other.pem").toString(), "--user", "agency", "--password", "pw");
            assertThat(untrusted.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(untrusted.err()).contains("share-2026-0001 rejected");
            CliTest.Result badAuth = CliTest.run("taxii", "pull", root, "--collection", "shares", "--signer-trust",
                    dir.resolve("ca.pem").toString(), "--user", "agency", "--password", "wrong");
            assertThat(badAuth.code()).isNotZero();
            assertThat(badAuth.err()).contains("401");
        }
    }

    /** The summary of the report the sender's validator gives, which the pulling side's re-check reproduces. */
    static ComplianceSummary summaryOf(ThreatShare share) {
        return SopValidator.standard().validate(share, DisclosureRenderer.standard().renderShare(share, Format.TEXT)
                .body()).summary();
    }

    @Test
    void pullRefusesACoerciveShareWhoseEnvelopeClaimsPass(@TempDir Path dir) throws Exception {
        TestPki.Authority ca = TestPki.authority("cli taxii CA");
        SigningCredential sender = ca.issueEnvelopeSigner("fitf", "FITF signer", KeyAlgorithm.EC_P256);
        Files.writeString(dir.resolve("ca.pem"), Credentials.toPem(ca.certificate()));
        ThreatShare coercive = SampleData.passingShare().toBuilder()
                .narrative("We expect you to remove every account listed here by Friday.").build();
        // The lowest-level signing API signs whatever summary it is given: here the genuine share's PASS.
        SignedEnvelope lie = EnvelopeSigner.builder(sender, "fitf").build().sign(new EnvelopeBody.Share(coercive),
                summaryOf(SampleData.passingShare()), ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE));
        char[] pw = "pw".toCharArray();
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .user("agency", pw).start()) {
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).basicAuth("agency", pw).build();
            publish(client, client.collection(server.apiRootUri(), "shares"), lie);

            CliTest.Result r = CliTest.run("taxii", "pull", server.apiRootUri().toString(), "--collection",
                    "shares", "--signer-trust", dir.resolve("ca.pem").toString(), "--user", "agency", "--password", "pw");
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.out()).contains("1 share(s) pulled, 0 verified, 1 rejected");
            assertThat(r.err()).contains("share-2026-0001 rejected").contains("compliance-recheck")
                    .contains("P1-NO-COERCION");
        }
    }

    private static void publish(TaxiiClient client, TaxiiCollection col, SignedEnvelope env) {
        EnvelopeBody.Share body = (EnvelopeBody.Share) env.content().body();
        assertThat(TaxiiShares.publish(client, col, new StixShareInput(body.share(), env.content().disclosures(),
                env.content().compliance().orElseThrow(), env.envelopeId(), env.digest(),
                new String(env.serialized(), StandardCharsets.UTF_8), env.issuedAt())).delivered()).isTrue();
    }

    private static StixObject foreignReport(String shareIdOrNull) {
        String ext = shareIdOrNull == null ? "" : ",\"extensions\":{\"" + FmiStixExtension.ID + "\":{"
                + "\"extension_type\":\"property-extension\",\"share_id\":\"" + shareIdOrNull + "\"}}";
        return StixObject.parse("{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"report--"
                + UUID.randomUUID() + "\",\"created\":\"2026-10-02T00:00:00.000Z\",\"modified\":"
                + "\"2026-10-02T00:00:00.000Z\",\"name\":\"someone else's report\",\"published\":"
                + "\"2026-10-02T00:00:00.000Z\",\"object_refs\":[\"identity--" + UUID.randomUUID() + "\"]" + ext
                + "}");
    }

    @Test
    void pullKeepsGoingPastBadAndForeignReportsAndSummarises(@TempDir Path dir) throws Exception {
        TestPki.Authority ca = TestPki.authority("cli taxii CA");
        SigningCredential sender = ca.issueEnvelopeSigner("fitf", "FITF signer", KeyAlgorithm.EC_P256);
        SigningCredential stranger = TestPki.authority("stranger CA").issueEnvelopeSigner("fitf", "stranger",
                KeyAlgorithm.EC_P256);
        Files.writeString(dir.resolve("ca.pem"), Credentials.toPem(ca.certificate()));
        List<Disclosure> clauses = ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE);
        ThreatShare first = SampleData.passingShare();
        ThreatShare second = first.toBuilder().id("share-2026-0002").build();
        ThreatShare third = first.toBuilder().id("share-2026-0003").build();
        char[] pw = "pw".toCharArray();
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .user("agency", pw).start()) {
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).basicAuth("agency", pw).build();
            TaxiiCollection col = client.collection(server.apiRootUri(), "shares");
            publish(client, col, EnvelopeSigner.builder(sender, "fitf").build().sign(new EnvelopeBody.Share(first),
                    summaryOf(first), clauses));
            // Foreign reports in server order between the shares: one claiming the first share at another id
            // (which, pulled by its claim, would verify the first envelope twice), one claiming an unknown share
            // (404 when pulled by its claim), one without the extension.
            client.awaitStatus(server.apiRootUri(), client.addObjects(col, List.of(foreignReport(first.id()),
                    foreignReport("share-unknown"), foreignReport(null))).id());
            publish(client, col, EnvelopeSigner.builder(stranger, "fitf").build()
                    .sign(new EnvelopeBody.Share(second), summaryOf(second), clauses));
            publish(client, col, EnvelopeSigner.builder(sender, "fitf").build().sign(new EnvelopeBody.Share(third),
                    summaryOf(third), clauses));

            CliTest.Result r = CliTest.run("taxii", "pull", server.apiRootUri().toString(), "--collection",
                    "shares", "--signer-trust", dir.resolve("ca.pem").toString(), "--user", "agency", "--password", "pw");
            assertThat(r.out()).as(r.err()).contains("3 share(s) pulled, 2 verified, 1 rejected, 3 skipped")
                    .contains("verified: share-2026-0001").contains("verified: share-2026-0003");
            assertThat(r.err()).contains("share-2026-0002 rejected").contains("claims share share-2026-0001")
                    .contains("claims share share-unknown").doesNotContain("REPLAY").doesNotContain("replay");
            assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        }
    }
}
