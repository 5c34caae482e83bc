package org.fmishare.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.sample.SampleData;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.DisclosureReport;
import org.fmishare.disclosure.DisclosureVerifier;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.RenderedMessage;
import org.fmishare.core.compliance.Verdict;
import java.net.URI;
import java.util.List;
import org.fmishare.core.outbox.FileJournalStore;
import org.fmishare.core.outbox.OutboxState;
import org.fmishare.core.transport.Dispatcher;
import org.fmishare.transport.taxii.ObjectQuery;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiShares;
import org.fmishare.transport.taxii.TaxiiTransport;
import org.fmishare.transport.taxii.server.TaxiiTestServer;
import org.fmishare.transport.taxii.stix.StixObject;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.keys.TestPki;
import org.fmishare.sop.ComplianceReport;
import org.fmishare.sop.ReportRenderer;
import org.fmishare.sop.SopValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share demo}: the end-to-end flow on embedded defaults, printing each step. Every capability that has
 * landed in this build takes part; nothing needs an external server.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the end-to-end flow on embedded defaults (no external server).",
        footer = ExitCodes.HELP)
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Keep every artifact the demo makes in DIR.")
    Optional<Path> out = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private int step;
    private static final int STEPS = 9;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        if (out.isPresent()) {
            Files.createDirectories(out.get());
        }
        FmiJson json = FmiJson.standard();

        progress(o, "Building the sample share (fictional actor, 3 accounts, 4 facts)");
        ThreatShare share = SampleData.passingShare();
        o.printf("      share %s from %s to %s%n", share.id(), share.sendingOffice().name(), share.recipient().name());

        progress(o, "Checking its structure: strict JSON round trip through the model's constraints");
        byte[] bytes = json.write(share);
        ThreatShare back = json.read(bytes, ThreatShare.class);
        if (!back.equals(share)) {
            throw new CliException(ExitCodes.INTERNAL, "the share did not survive a JSON round trip");
        }
        o.printf("      structure ok: %d bytes of JSON, %d accounts, %d facts%n", bytes.length,
                back.accounts().size(), back.facts().size());

        progress(o, "Printing the share's JSON");
        String pretty = json.writePretty(share);
        o.println(pretty);
        if (out.isPresent()) {
            Files.writeString(out.get().resolve("share.json"), pretty);
        }

        progress(o, "Rendering the plain-text message with its mandatory disclosures");
        DisclosureRenderer renderer = DisclosureRenderer.standard();
        RenderedMessage text = renderer.renderShare(share, Format.TEXT);
        o.println("Subject: " + text.subject());
        o.println();
        o.println(text.body());
        DisclosureReport clauses = DisclosureVerifier.standard().verifyRendered(text).requireAllPresent();
        o.printf("      disclosures verified in the rendered text: %s%n", clauses.clauses().stream()
                .map(c -> c.id() + " v" + c.version() + " " + c.state()).toList());
        progress(o, "Validating against the SOP rule set in force: the sample share, then a failing one");
        SopValidator validator = SopValidator.standard();
        ComplianceReport report = validator.validate(share, text.body());
        o.println(ReportRenderer.text(report));
        ThreatShare bad = SampleData.failingShare();
        ComplianceReport badReport = validator.validate(bad,
                renderer.renderShare(bad, Format.TEXT).body());
        o.println(ReportRenderer.text(badReport));
        if (report.verdict() != Verdict.PASS || badReport.verdict() != Verdict.FAIL) {
            throw new CliException(ExitCodes.INTERNAL, "unexpected verdicts for the samples: " + report.verdict()
                    + " and " + badReport.verdict());
        }
        o.printf("      sample share: %s; failing share: %s (%s)%n", report.verdict(), badReport.verdict(),
                String.join(", ", badReport.failedRuleIds()));
        if (out.isPresent()) {
            Files.writeString(out.get().resolve("compliance-report.json"), ReportRenderer.json(report));
            Files.writeString(out.get().resolve("failing-share-report.json"), ReportRenderer.json(badReport));
            Files.writeString(out.get().resolve("share-message.txt"), "Subject: " + text.subject() + "\n\n"
                    + text.body());
            Files.writeString(out.get().resolve("share-message.html"), renderer.renderShare(share, Format.HTML).body());
            Files.writeString(out.get().resolve("disclosures.json"), renderer.renderShare(share, Format.JSON).body());
        }

        progress(o, "Generating a test CA with sender (FITF) and recipient (company) credentials");
        TestPki.Authority ca = TestPki.authority("fmi-share demo CA");
        SigningCredential sender = ca.issue("FITF envelope signer", KeyAlgorithm.EC_P256);
        SigningCredential recipient = ca.issue("ExampleSocial receipts", KeyAlgorithm.EC_P256);
        o.printf("      CA %s; sender %s; recipient %s%n", ca.certificate().getSubjectX500Principal().getName(),
                sender.chain().get(0).getSubjectX500Principal().getName(),
                recipient.chain().get(0).getSubjectX500Principal().getName());

        progress(o, "Signing: RFC 8785 canonical payload, JWS ES256 with the certificate chain in x5c, the "
                + "disclosures and the SOP verdict inside");
        EnvelopeSigner signer = EnvelopeSigner.builder(sender, share.sendingOffice().id()).build();
        SignedEnvelope envelope = signer.signShare(share, report.summary(), text.disclosures());
        o.printf("      envelope %s, %d bytes, digest %s, expires %s%n", envelope.envelopeId(),
                envelope.serialized().length, envelope.digest(), envelope.expiresAt());

        progress(o, "Verifying as the company would, then a copy with one byte changed");
        EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchor(ca.certificate())
                .expectedRecipient(share.recipient().id()).build();
        VerifiedEnvelope verified = verifier.verify(envelope.serialized());
        DisclosureVerifier.standard().verifyMachineReadable(verified.disclosures(),
                org.fmishare.disclosure.MessageKind.THREAT_SHARE).requireAllPresent();
        o.println(verified.summary());
        byte[] tampered = envelope.serialized();
        int at = tamperPosition(tampered);
        tampered[at] = (byte) (tampered[at] == 'A' ? 'B' : 'A');
        try {
            verifier.verify(tampered);
            throw new CliException(ExitCodes.INTERNAL, "a tampered envelope was accepted");
        } catch (EnvelopeException e) {
            o.printf("      tampered copy (byte %d changed) rejected by check '%s': %s%n", at, e.check(),
                    e.getMessage());
        }
        if (out.isPresent()) {
            Files.write(out.get().resolve("envelope.jws.json"), envelope.serialized());
            Files.writeString(out.get().resolve("ca.pem"), Credentials.toPem(ca.certificate()));
            Files.write(out.get().resolve("envelope.p7s"), signer.detachedCms(envelope));
            Files.write(out.get().resolve("envelope.payload.json"), envelope.canonicalPayload());
        }

        progress(o, "Publishing through the durable outbox to an embedded TAXII 2.1 endpoint as STIX 2.1, then "
                + "pulling it back and verifying it");
        Path work = out.orElseGet(() -> tempDir());
        char[] taxiiPassword = "demo-only".toCharArray();
        try (TaxiiTestServer taxii = TaxiiTestServer.builder().collection("fmi-shares", "FMI threat shares", true,
                true).user("agency", taxiiPassword).start();
                FileJournalStore outbox = FileJournalStore.open(work.resolve("outbox.journal"));
                Dispatcher dispatcher = Dispatcher.builder().store(outbox)
                        .transport(TaxiiTransport.builder(EnvelopeVerifier.builder().trustAnchor(ca.certificate())
                                .anyRecipient()).basicAuth("agency", taxiiPassword).build())
                        .build().start()) {
            URI root = taxii.apiRootUri();
            URI destination = URI.create("taxii+http://" + root.getRawAuthority() + root.getRawPath()
                    + "collections/fmi-shares/");
            dispatcher.submit(envelope, destination);
            if (!dispatcher.awaitIdle(java.time.Duration.ofSeconds(30))
                    || dispatcher.status(envelope.envelopeId()).orElseThrow().state() != OutboxState.DELIVERED) {
                throw new CliException(ExitCodes.IO_FAILURE, "TAXII delivery did not complete: "
                        + dispatcher.status(envelope.envelopeId()));
            }
            o.printf("      delivered to %s: %d STIX objects stored%n", destination,
                    taxii.storedObjects("fmi-shares").size());
            TaxiiClient client = TaxiiClient.builder(taxii.discoveryUri()).basicAuth("agency", taxiiPassword).build();
            VerifiedEnvelope pulled = TaxiiShares.pullVerified(client,
                    client.collection(taxii.apiRootUri(), "fmi-shares"), share.id(), EnvelopeVerifier.builder()
                            .trustAnchor(ca.certificate()).expectedRecipient(share.recipient().id()).build());
            o.printf("      pulled %s back from TAXII: signature, chain, disclosures and SOP verdict verified; "
                    + "STIX content matches the signed share: %s%n", share.id(), pulled.share().orElseThrow()
                    .equals(share));
            if (out.isPresent()) {
                List<StixObject> objects = client.fetchObjects(client.collection(taxii.apiRootUri(), "fmi-shares"),
                        ObjectQuery.all());
                Files.writeString(out.get().resolve("stix-objects.json"), "[" + String.join(",\n",
                        objects.stream().map(StixObject::json).toList()) + "]\n");
            }
        }

        o.println();
        o.printf("Demo complete: %d of %d steps succeeded.%s%n", step, STEPS,
                out.map(d -> " Artifacts in " + d.toAbsolutePath() + ".").orElse(""));
        return ExitCodes.OK;
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("fmi-share-demo");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A byte inside the base64url payload, so the change survives JSON parsing and must fail the signature. */
    private static int tamperPosition(byte[] jws) {
        String text = new String(jws, java.nio.charset.StandardCharsets.US_ASCII);
        int start = text.indexOf("\"payload\":\"") + "\"payload\":\"".length();
        return start + 40;
    }

    private void progress(PrintWriter o, String what) {
        step++;
        o.printf("[%d/%d] %s%n", step, STEPS, what);
        o.flush();
    }
}
