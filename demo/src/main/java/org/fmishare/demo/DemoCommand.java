package org.fmishare.demo;

import org.fmishare.cli.ExitCodes;
import org.fmishare.cli.CliException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.fmishare.core.FmiShareException;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.ReviewDecision;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.ReviewSigner;
import org.fmishare.core.envelope.ReviewerTrust;
import org.fmishare.sop.Finding;
import org.fmishare.sop.Reviews;
import org.fmishare.sop.Severity;
import org.fmishare.sop.SopRechecker;
import org.fmishare.audit.AuditEvent;
import org.fmishare.audit.AuditListener;
import org.fmishare.audit.AuditLog;
import org.fmishare.audit.AuditSubject;
import org.fmishare.audit.AuditVerification;
import org.fmishare.audit.AuditVerifier;
import org.fmishare.audit.FileAuditStore;
import org.fmishare.audit.ResponseRecorder;
import org.fmishare.audit.SentEnvelope;
import org.fmishare.audit.SentEnvelopes;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.ShareState;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.core.envelope.ShareStatus;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.model.TransportKind;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.DisclosureReport;
import org.fmishare.disclosure.DisclosureVerifier;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.disclosure.RenderedMessage;
import org.fmishare.reporting.ReportFiles;
import org.fmishare.reporting.ReportOptions;
import org.fmishare.reporting.ReportRow;
import org.fmishare.reporting.ReportTable;
import org.fmishare.reporting.TransparencyReport;
import org.fmishare.sop.ComplianceReport;
import org.fmishare.sop.ReportRenderer;
import org.fmishare.sop.Preparer;
import org.fmishare.sop.SopValidator;
import org.fmishare.transport.email.BodyRenderer;
import org.fmishare.transport.email.EmailAddress;
import org.fmishare.transport.email.EmailReceiver;
import org.fmishare.transport.email.EmailTransport;
import org.fmishare.transport.email.ReceivedEmail;
import org.fmishare.transport.email.SmtpSecurity;
import org.fmishare.transport.email.SmtpSettings;
import org.fmishare.transport.https.EnvelopeReceiver;
import org.fmishare.transport.https.HttpsReceiverServer;
import org.fmishare.transport.https.HttpsTransport;
import org.fmishare.transport.https.ResponseEndpoint;
import org.fmishare.transport.https.TlsContexts;
import org.fmishare.transport.taxii.ObjectQuery;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiShares;
import org.fmishare.transport.taxii.TaxiiTransport;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.fmishare.transport.taxii.stix.StixObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share demo}: the end-to-end flow on embedded defaults, printing each step. Every server it talks to
 * (HTTPS receiver with mutual TLS, SMTP/IMAP, TAXII 2.1) runs in this process on loopback; nothing external is
 * needed. With {@code --out DIR} every artifact is kept for inspection.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the end-to-end flow on embedded defaults (no external server).",
        footer = ExitCodes.HELP)
public final class DemoCommand implements Callable<Integer> {
    private static final int STEPS = 14;
    /**
     * The sentence the second share adds to its narrative: non-coercive, but addressed to the company with a wish
     * about what it does next and no act named, so the coercion linter cannot clear it and sends it to a person.
     * It is REVIEW for the structure of the sentence (recipient-addressed desire), not for one word, so a retrained
     * linter is expected to keep it there; the demo stops naming the sentence if it no longer does.
     */
    static final String REVIEW_SENTENCE = "We hope your team will look closely at these accounts.";
    /** The same sentence with one word edited after the review (same length, so the finding keeps its id). */
    static final String EDITED_SENTENCE = "We hope your team will look closely at these profiles.";
    private static final String REVIEWER_ID = "fitf-reviewer";
    private static final long STARTUP_TIMEOUT_MS = 60_000;

    @Option(names = "--out", paramLabel = "DIR", description = "Keep every artifact the demo makes in DIR.")
    Optional<Path> out = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private int step;
    private PrintWriter o;

    @Override
    public Integer call() throws IOException, InterruptedException {
        o = spec.commandLine().getOut();
        Path work = out.isPresent() ? Files.createDirectories(out.get()) : tempDir();
        FmiJson json = FmiJson.standard();

        progress("Building the sample share (fictional actor, 3 accounts, 4 facts)");
        ThreatShare share = SampleData.passingShare();
        o.printf("      share %s from %s to %s%n", share.id(), share.sendingOffice().name(), share.recipient().name());

        progress("Checking its structure: strict JSON round trip through the model's constraints");
        byte[] bytes = json.write(share);
        if (!json.read(bytes, ThreatShare.class).equals(share)) {
            throw new CliException(ExitCodes.INTERNAL, "the share did not survive a JSON round trip");
        }
        o.printf("      structure ok: %d bytes of JSON, %d accounts, %d facts%n", bytes.length,
                share.accounts().size(), share.facts().size());
        String pretty = json.writePretty(share);
        o.println(pretty);
        write(work, "share.json", pretty);

        progress("Rendering the plain-text message with its mandatory disclosures");
        DisclosureRenderer renderer = DisclosureRenderer.standard();
        RenderedMessage text = renderer.renderShare(share, Format.TEXT);
        o.println("Subject: " + text.subject());
        o.println();
        o.println(text.body());
        DisclosureReport clauses = DisclosureVerifier.standard().verifyRendered(text).requireAllPresent();
        o.printf("      disclosures verified in the rendered text: %s%n", clauses.clauses().stream()
                .map(c -> c.id() + " v" + c.version() + " " + c.state()).toList());
        write(work, "share-message.txt", "Subject: " + text.subject() + "\n\n" + text.body());
        write(work, "share-message.html", renderer.renderShare(share, Format.HTML).body());
        write(work, "disclosures.json", renderer.renderShare(share, Format.JSON).body());

        progress("Validating against the SOP rule set in force: the sample share, then a failing one");
        SopValidator validator = SopValidator.standard();
        ComplianceReport report = validator.validate(share, text.body());
        o.println(ReportRenderer.text(report));
        ThreatShare bad = SampleData.failingShare();
        ComplianceReport badReport = validator.validate(bad, renderer.renderShare(bad, Format.TEXT).body());
        o.println(ReportRenderer.text(badReport));
        if (report.verdict() != Verdict.PASS || badReport.verdict() != Verdict.FAIL) {
            throw new CliException(ExitCodes.INTERNAL, "unexpected verdicts for the samples: " + report.verdict()
                    + " and " + badReport.verdict());
        }
        o.printf("      sample share: %s; failing share: %s (%s)%n", report.verdict(), badReport.verdict(),
                String.join(", ", badReport.failedRuleIds()));
        write(work, "compliance-report.json", ReportRenderer.json(report));
        write(work, "failing-share-report.json", ReportRenderer.json(badReport));

        progress("Generating a test CA with credentials for the FITF, its reviewer, the company and both TLS "
                + "endpoints");
        TestPki.Authority ca = TestPki.authority("fmi-share demo CA");
        SigningCredential sender = ca.issueEnvelopeSigner(share.sendingOffice().id(), "FITF envelope signer",
                KeyAlgorithm.EC_P256);
        // The reviewer signs decisions with a certificate of its own purpose (review approval), never the
        // envelope signer's; signer and company trust it for the FITF's shares only.
        SigningCredential reviewerKey = ca.issueReviewer(REVIEWER_ID, "FITF reviewer", KeyAlgorithm.EC_P256);
        ReviewerTrust reviewers = ReviewerTrust.builder().trustAnchor(ca.certificate())
                .reviewer(REVIEWER_ID, List.of(share.sendingOffice().id())).build();
        SigningCredential company = ca.issueReceiptSigner(share.recipient().id(), "ExampleSocial receipts",
                KeyAlgorithm.EC_P256);
        SigningCredential serverTls = ca.issueTls("localhost", KeyAlgorithm.EC_P256, List.of("localhost"),
                List.of("127.0.0.1"));
        SigningCredential clientTls = ca.issueTls("FITF TLS client", KeyAlgorithm.EC_P256,
                List.of("fitf-client.agency.example"), List.of());
        o.printf("      CA %s; sender %s; reviewer %s; company %s; TLS server and client certificates%n",
                name(ca.certificate()), name(sender.chain().get(0)), name(reviewerKey.chain().get(0)),
                name(company.chain().get(0)));
        write(work, "ca.pem", Credentials.toPem(ca.certificate()));

        progress("Signing: RFC 8785 canonical payload, JWS ES256 with the certificate chain in x5c, the "
                + "disclosures and the SOP verdict inside");
        EnvelopeSigner signer = EnvelopeSigner.builder(sender, share.sendingOffice().id()).reviewerTrust(reviewers)
                .build();
        // The steps above showed rendering and validation one by one; senders do all three in one call.
        Preparer preparer = Preparer.builder(signer).validator(validator).renderer(renderer).build();
        if (!(preparer.prepare(bad) instanceof Preparer.Refused)) {
            throw new CliException(ExitCodes.INTERNAL, "the failing share was not refused");
        }
        SignedEnvelope envelope = signed(preparer, share).envelope();
        o.printf("      envelope %s, %d bytes, digest %s, expires %s%n", envelope.envelopeId(),
                envelope.serialized().length, envelope.digest(), envelope.expiresAt());
        write(work, "envelope.jws.json", envelope.serialized());
        write(work, "envelope.p7s", signer.detachedCms(envelope));
        write(work, "envelope.payload.json", envelope.canonicalPayload());

        progress("Verifying as the company would, then a copy with one byte changed");
        EnvelopeVerifier companyVerifier = EnvelopeVerifier.builder().trustAnchor(ca.certificate())
                .expectedRecipient(share.recipient().id()).build();
        VerifiedEnvelope verified = companyVerifier.verify(envelope.serialized());
        DisclosureVerifier.standard().verifyMachineReadable(verified.disclosures(), MessageKind.THREAT_SHARE)
                .requireAllPresent();
        o.println(verified.summary());
        byte[] tampered = envelope.serialized();
        int at = tamperPosition(tampered);
        tampered[at] = (byte) (tampered[at] == 'A' ? 'B' : 'A');
        try {
            companyVerifier.verify(tampered);
            throw new CliException(ExitCodes.INTERNAL, "a tampered envelope was accepted");
        } catch (EnvelopeException e) {
            o.printf("      tampered copy (byte %d changed) rejected by check '%s': %s%n", at, e.check(),
                    e.getMessage());
        }

        Path auditFile = work.resolve("audit.log");
        Files.deleteIfExists(auditFile);
        try (FileAuditStore auditStore = FileAuditStore.open(auditFile)) {
            // The log is sealed with its own purpose-bound key: the envelope signer may not seal it.
            SigningCredential sealer = ca.issueAuditSealer(share.sendingOffice().id(), "FITF audit sealer",
                    KeyAlgorithm.EC_P256);
            try (AuditLog audit = AuditLog.builder(auditStore, sealer).build()) {
                audit.append(AuditEvent.Validated.ofShare(share, report.summary(), report.failedRuleIds(),
                        Instant.now()));
                audit.append(AuditEvent.Validated.ofShare(bad, badReport.summary(), badReport.failedRuleIds(),
                        Instant.now()));
                audit.append(AuditEvent.Rendered.of(AuditSubject.SHARE, share.id(), "text", text.body(),
                        text.disclosures().stream().map(Disclosure::digest).toList(), Instant.now()));
                audit.append(AuditEvent.Signed.of(AuditSubject.SHARE, share.id(), envelope, Instant.now()));
                deliver(work, ca, sender, preparer, company, serverTls, clientTls, share, audit,
                        () -> respond(work, ca, company, serverTls, clientTls, envelope, verified, audit),
                        new Reviewer(reviewerKey, reviewers));
                audit.append(AuditEvent.MeetingHeld.of(SampleData.meeting(), Instant.now()));
            }

            progress("Verifying the audit log's hash chain and signed checkpoints, and writing the transparency "
                    + "report");
            AuditVerification audited = AuditVerifier.verify(auditStore, ca.certificate(),
                    share.sendingOffice().id());
            o.println("      " + audited);
            // A demo has a handful of events: suppression threshold 1 shows them (never for publication).
            TransparencyReport transparency = TransparencyReport.from(audited,
                    ReportOptions.defaults().withSuppressionThreshold(1));
            ReportFiles files = transparency.writeTo(work.resolve("transparency-report"));
            o.printf("      transparency report: %s, %s, %s, %s%n", files.markdown(), files.html(), files.csv(),
                    files.chartSvg());
            ReportTable byReview = transparency.table("shares-by-review");
            for (ReportRow row : byReview.rows()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < byReview.columns().size(); i++) {
                    cells.add(byReview.columns().get(i) + " " + row.cells().get(i).display());
                }
                o.printf("      %s, %s: %s; %s %s%n", byReview.title(), row.quarter(), String.join(", ", cells),
                        byReview.totalLabel(), row.total().display());
            }
        }

        o.println();
        o.printf("Demo complete: %d of %d steps succeeded.%s%n", step, STEPS,
                out.map(d -> " Artifacts in " + d.toAbsolutePath() + ".").orElse(""));
        return ExitCodes.OK;
    }

    private static Preparer.Signed signed(Preparer preparer, ThreatShare share) {
        if (preparer.prepare(share) instanceof Preparer.Signed signed) {
            return signed;
        }
        throw new CliException(ExitCodes.INTERNAL, "the sample share was refused");
    }

    /**
     * The company answers later, of its own accord: a signed response back to the office's HTTPS response endpoint,
     * verified against the company's receipt certificate and recorded once, without consequence.
     */
    private void respond(Path work, TestPki.Authority ca, SigningCredential company, SigningCredential serverTls,
            SigningCredential clientTls, SignedEnvelope sent, VerifiedEnvelope received, AuditLog audit)
            throws IOException {
        progress("The company responds when it chooses: a signed response (here: took independent action) back to "
                + "the office over HTTPS, verified and recorded once in the audit log, without consequence");
        SignedEnvelope response = EnvelopeSigner.builder(company, received.recipientId()).build()
                .signResponse(received, ResponseKind.TOOK_INDEPENDENT_ACTION,
                        Optional.of("Reviewed under our own policies."));
        write(work, "company-response.jws.json", response.serialized());
        ResponseRecorder recorder = ResponseRecorder.builder(sent.sender().id(),
                EnvelopeVerifier.builder().trustAnchor(ca.certificate()).expectedRecipient(sent.sender().id())
                        .build(),
                SentEnvelopes.of(List.of(SentEnvelope.of(sent))), audit).build();
        AtomicInteger firstTimes = new AtomicInteger();
        AtomicInteger repeats = new AtomicInteger();
        try (HttpsReceiverServer office = HttpsReceiverServer.builder()
                        .sslContext(TlsContexts.of(serverTls, List.of(ca.certificate())))
                        .requireClientCertificate(true).path("/fmi-share/responses")
                        .handler(ResponseEndpoint.of(bytes -> {
                            boolean first = recorder.record(bytes).firstTime();
                            (first ? firstTimes : repeats).incrementAndGet();
                            return first;
                        })).port(0).start();
                HttpsTransport toOffice = HttpsTransport.builder()
                        .sslContext(TlsContexts.of(clientTls, List.of(ca.certificate()))).build()) {
            // Sent twice, as a company's retry after a lost answer would: the office records it once.
            for (int i = 0; i < 2; i++) {
                DeliveryResult result = toOffice.deliver(new Delivery(response, office.uri()));
                if (!(result instanceof DeliveryResult.Delivered d)) {
                    throw new CliException(ExitCodes.INTERNAL, "the company's response was not delivered: "
                            + result);
                }
                if (i == 0) {
                    o.printf("      response %s delivered to %s: %s%n", response.envelopeId(), office.uri(),
                            d.detail());
                }
            }
        }
        if (firstTimes.get() != 1 || repeats.get() != 1) {
            throw new CliException(ExitCodes.INTERNAL, "the response was recorded " + firstTimes.get()
                    + " times");
        }
        o.println("      response recorded once (TOOK_INDEPENDENT_ACTION; the second delivery was recognised as "
                + "already recorded); the note stays out of the audit log");
    }

    /** A demo step that may write artifacts. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /** The FITF's reviewer: its decision-signing key, and the trust that signer and company place in it. */
    private record Reviewer(SigningCredential key, ReviewerTrust trust) {}

    /**
     * Steps 8 to 13: one outbox, three channels, what each company system received, the company's response (the
     * step given), a second share sent after a reviewer's approval, then a correction and a retraction of the first
     * share through the same outbox to the same receivers, which keep each share's state.
     */
    private void deliver(Path work, TestPki.Authority ca, SigningCredential sender, Preparer preparer,
            SigningCredential company, SigningCredential serverTls, SigningCredential clientTls, ThreatShare share,
            AuditLog audit, Step respond, Reviewer reviewer) throws IOException, InterruptedException {
        progress("Delivering through the durable outbox: HTTPS with mutual TLS, S/MIME email and TAXII 2.1, one "
                + "signed envelope per channel");
        AtomicInteger httpsCallbacks = new AtomicInteger();
        // The company's receivers keep each share's state (active, corrected, retracted) in a file of their own.
        ShareStates httpsStates = states(work, "https-share-states.jsonl");
        ShareStates emailStates = states(work, "email-share-states.jsonl");
        AtomicReference<VerifiedEnvelope> reviewedAtCompany = new AtomicReference<>();
        // The company re-runs the SOP check itself and trusts the FITF's reviewer: a NEEDS_REVIEW envelope passes
        // only with an approval that verifies and covers exactly the REVIEW findings of the company's own report.
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().shareStates(httpsStates)
                .verifier(EnvelopeVerifier.builder().trustAnchor(ca.certificate())
                        .expectedRecipient(share.recipient().id()).complianceRechecker(SopRechecker.standard())
                        .reviewerTrust(reviewer.trust()).build())
                .signer(EnvelopeSigner.builder(company, share.recipient().id()).build())
                .onEnvelope(v -> {
                    httpsCallbacks.incrementAndGet();
                    if (v.reviewDecision().isPresent()) {
                        reviewedAtCompany.set(v);
                    }
                }).build();
        EnvelopeVerifier receiptVerifier = EnvelopeVerifier.builder().trustAnchor(ca.certificate())
                .expectedRecipient(share.sendingOffice().id()).build();
        char[] password = "demo-only".toCharArray();
        SmtpTls smtpTls = SmtpTls.get();
        GreenMail mail = new GreenMail(new ServerSetup[] {
            patient(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()),
            patient(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort())});
        mail.start();
        EmailAddress from = EmailAddress.parse("fitf-shares@agency.example");
        EmailAddress inbox = EmailAddress.parse(share.recipient().contacts().get(0).email());
        mail.setUser(from.address(), "fitf-mailer", "demo-only");
        mail.setUser(inbox.address(), inbox.address(), "demo-only");
        try (HttpsReceiverServer https = HttpsReceiverServer.builder()
                        .sslContext(TlsContexts.of(serverTls, List.of(ca.certificate())))
                        .requireClientCertificate(true).handler(receiver).port(0).start();
                TaxiiTestServer taxii = TaxiiTestServer.builder().collection("fmi-shares", "FMI threat shares", true,
                        true).user("agency", password).start();
                FileJournalStore outbox = FileJournalStore.open(work.resolve("outbox.journal"));
                Dispatcher dispatcher = Dispatcher.builder().store(outbox)
                        .company(CompanyRecord.upTo(share.recipient().id(), TlpMarking.AMBER))
                        .transport(HttpsTransport.builder()
                                .sslContext(TlsContexts.of(clientTls, List.of(ca.certificate())))
                                .receiptVerifier(receiptVerifier).build())
                        .transport(EmailTransport.builder(SmtpSettings.builder("localhost",
                                        mail.getSmtps().getPort(), SmtpSecurity.SMTPS)
                                        .credentials("fitf-mailer", "demo-only")
                                        .trustAnchors(List.of(smtpTls.ca())).build(),
                                from, sender, BodyRenderer.standard()).build())
                        .transport(TaxiiTransport.builder().basicAuth("agency", password).build())
                        .listener(new AuditListener(audit))
                        .build().start()) {
            URI root = taxii.apiRootUri();
            List<Channel> channels = List.of(
                    new Channel(TransportKind.HTTPS, https.uri()),
                    new Channel(TransportKind.EMAIL, inbox.toMailto()),
                    new Channel(TransportKind.TAXII, URI.create("taxii+http://" + root.getRawAuthority()
                            + root.getRawPath() + "collections/fmi-shares/")));
            List<SignedEnvelope> sent = new ArrayList<>();
            for (Channel c : channels) {
                Preparer.Signed prepared = signed(preparer, share);
                SignedEnvelope e = prepared.envelope();
                audit.append(AuditEvent.Dispatched.ofShare(share, prepared.report().summary(), e, c.kind(),
                        Instant.now()));
                dispatcher.submit(e, c.destination());
                sent.add(e);
            }
            if (!dispatcher.awaitIdle(Duration.ofSeconds(120))) {
                throw new CliException(ExitCodes.IO_FAILURE, "delivery did not finish within 60 seconds");
            }
            for (int i = 0; i < channels.size(); i++) {
                OutboxEntry entry = dispatcher.status(sent.get(i).envelopeId()).orElseThrow();
                if (entry.state() != OutboxState.DELIVERED) {
                    throw new CliException(ExitCodes.IO_FAILURE, channels.get(i).kind() + " delivery failed: "
                            + entry.lastError().orElse(entry.state().toString()));
                }
                o.printf("      %-5s delivered %s to %s after %d failed attempt(s)%n", channels.get(i).kind(),
                        entry.envelopeId(), entry.destination(), entry.attempts());
            }

            progress("Checking what each company system received");
            OutboxEntry httpsEntry = dispatcher.status(sent.get(0).envelopeId()).orElseThrow();
            // The transport already verified the receipt with its own verifier (which remembers nonces); the FITF's
            // archive check here is an independent verifier.
            VerifiedEnvelope receipt = EnvelopeVerifier.builder().trustAnchor(ca.certificate())
                    .expectedRecipient(share.sendingOffice().id()).build()
                    .verifyReceipt(httpsEntry.receipt(), sent.get(0));
            audit.append(AuditEvent.ReceiptVerified.of(receipt, Instant.now()));
            o.printf("      HTTPS: the receiver verified the envelope (callback ran %d time) and answered a signed "
                    + "receipt:%n", httpsCallbacks.get());
            o.println(indent(receipt.summary()));
            write(work, "https-receipt.jws.json", httpsEntry.receipt());

            MimeMessage[] messages = mail.getReceivedMessagesForDomain(inbox.domain());
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try {
                messages[0].writeTo(raw);
            } catch (jakarta.mail.MessagingException e) {
                throw new CliException(ExitCodes.IO_FAILURE, "cannot read the received email: " + e.getMessage(), e);
            }
            EmailReceiver companyInbox = EmailReceiver.builder().smimeTrustAnchors(List.of(ca.certificate()))
                    .envelopeVerifier(EnvelopeVerifier.builder().trustAnchor(ca.certificate())
                            .expectedRecipient(share.recipient().id()).build()).shareStates(emailStates).build();
            ReceivedEmail email = companyInbox.receive(raw.toByteArray());
            o.printf("      email: S/MIME signature by %s verified; attached envelope %s verified; disclosures "
                    + "checked in the text, the HTML and the envelope%n", email.smimeSigner().getSubjectX500Principal()
                    .getName(), email.envelopeId());
            write(work, "share-email.eml", raw.toByteArray());

            TaxiiClient client = TaxiiClient.builder(taxii.discoveryUri()).basicAuth("agency", password).build();
            VerifiedEnvelope pulled = TaxiiShares.pullVerified(client,
                    client.collection(taxii.apiRootUri(), "fmi-shares"), share.id(), EnvelopeVerifier.builder()
                            .trustAnchor(ca.certificate()).expectedRecipient(share.recipient().id()).build());
            o.printf("      TAXII: %d STIX objects stored; pulled %s back, its envelope verified and the STIX "
                    + "content matches the signed share: %s%n", taxii.storedObjects("fmi-shares").size(), share.id(),
                    pulled.share().orElseThrow().equals(share));
            List<StixObject> objects = client.fetchObjects(client.collection(taxii.apiRootUri(), "fmi-shares"),
                    ObjectQuery.all());
            write(work, "stix-objects.json", "[" + String.join(",\n", objects.stream().map(StixObject::json)
                    .toList()) + "]\n");

            respond.run();

            review(work, preparer, dispatcher, audit, channels.get(0), reviewer, reviewedAtCompany);

            // The share went out as one envelope per channel, so each gets its own amendment; over HTTPS and email
            // the company's receivers apply it. (TAXII carries threat shares only, so far: not amended here.)
            List<SignedEnvelope> amended = sent.subList(0, 2);
            List<Channel> amendedOn = channels.subList(0, 2);
            progress("Correcting the share: an account turned out to belong to a U.S. person; the office signs a "
                    + "correction (reason and corrected share, same disclosures, SOP-checked) per envelope sent, "
                    + "and the outbox sends each where its share went");
            List<SignedEnvelope> corrections = amend(work, "correction", SampleData.correction(), preparer,
                    dispatcher, audit, amended, amendedOn);
            applied(work, mail, inbox, companyInbox, httpsStates, emailStates, share, ShareState.CORRECTED,
                    "correction", corrections.get(1).envelopeId());

            progress("Retracting the share: the office withdraws it with its reason; the company's receivers mark "
                    + "it retracted (final: any later amendment of it is refused)");
            List<SignedEnvelope> retractions = amend(work, "retraction", SampleData.retraction(), preparer,
                    dispatcher, audit, amended, amendedOn);
            applied(work, mail, inbox, companyInbox, httpsStates, emailStates, share, ShareState.RETRACTED,
                    "retraction", retractions.get(1).envelopeId());
        } finally {
            mail.stop();
        }
    }

    private record Channel(TransportKind kind, URI destination) {}

    /**
     * Step 11, the review path: a second share whose narrative the coercion linter sends to a person; the reviewer
     * approves the finding with a written reason and signs the decision; the share is signed with the approval and
     * delivered over HTTPS, where the company's receiver verifies the approval and re-checks the verdict; the same
     * approval is refused for the share with one word edited.
     */
    private void review(Path work, Preparer preparer, Dispatcher dispatcher, AuditLog audit, Channel https,
            Reviewer reviewer, AtomicReference<VerifiedEnvelope> atCompany)
            throws IOException, InterruptedException {
        progress("A second share that needs review: the linter cannot clear one sentence, a reviewer approves it "
                + "with a written reason and signs the decision, the share goes out carrying the approval, and the "
                + "company verifies it and re-checks the verdict");
        ThreatShare first = SampleData.passingShare();
        ThreatShare share = first.toBuilder().id("share-2026-0004")
                .narrative(first.narrative() + " " + REVIEW_SENTENCE).build();
        ComplianceReport report = Preparer.report(share, SopValidator.standard(), DisclosureRenderer.standard());
        List<Finding> review = report.findings().stream().filter(f -> f.severity() == Severity.REVIEW).toList();
        if (report.verdict() != Verdict.NEEDS_REVIEW
                || !review.stream().allMatch(f -> f.ruleId().equals("P1-NO-COERCION"))) {
            throw new CliException(ExitCodes.INTERNAL, "the demo's review sentence \"" + REVIEW_SENTENCE
                    + "\" no longer gets NEEDS_REVIEW from the coercion linter alone (verdict " + report.verdict()
                    + "); choose another sentence for the review step:\n" + ReportRenderer.text(report));
        }
        o.println(indent(ReportRenderer.text(report)));
        write(work, "reviewed-share.json", FmiJson.standard().writePretty(share));
        write(work, "reviewed-share-report.json", ReportRenderer.json(report));

        Map<String, Reviews.Choice> choices = new LinkedHashMap<>();
        review.forEach(f -> choices.put(f.id(), Reviews.Choice.approve("Asks for attention only and names no "
                + "action; the narrative leaves any action to the company's sole discretion.")));
        ReviewDecision decision = Reviews.decide(new EnvelopeBody.Share(share), report, choices, REVIEWER_ID,
                Instant.now());
        ReviewApproval approval = ReviewSigner.of(reviewer.key()).sign(decision);
        write(work, "review-decision.jws", approval.decision());
        o.printf("      reviewer %s approved %d REVIEW finding(s) at %s; reasons digest %s%n", approval.reviewerId(),
                decision.findings().size(), approval.decidedAt(), approval.reasonsDigest());

        Preparer.Outcome outcome = preparer.prepare(share, approval);
        if (!(outcome instanceof Preparer.Signed signed)) {
            throw new CliException(ExitCodes.INTERNAL, "the reviewed share was refused:\n"
                    + ReportRenderer.text(outcome.report()));
        }
        SignedEnvelope envelope = signed.envelope();
        ComplianceSummary summary = envelope.content().compliance().orElseThrow();
        write(work, "reviewed-envelope.jws.json", envelope.serialized());
        audit.append(AuditEvent.Validated.ofShare(share, report.summary(), report.failedRuleIds(), Instant.now()));
        audit.append(AuditEvent.Signed.of(AuditSubject.SHARE, share.id(), envelope, Instant.now()));
        audit.append(AuditEvent.Dispatched.ofShare(share, summary, envelope, https.kind(), Instant.now()));
        dispatcher.submit(envelope, https.destination());
        if (!dispatcher.awaitIdle(Duration.ofSeconds(120))) {
            throw new CliException(ExitCodes.IO_FAILURE, "the reviewed share was not delivered within 120 seconds");
        }
        OutboxEntry entry = dispatcher.status(envelope.envelopeId()).orElseThrow();
        if (entry.state() != OutboxState.DELIVERED) {
            throw new CliException(ExitCodes.IO_FAILURE, "HTTPS delivery of the reviewed share failed: "
                    + entry.lastError().orElse(entry.state().toString()));
        }
        o.printf("      %-5s delivered reviewed share %s (envelope %s, compliance %s with the approval of %s)%n",
                https.kind(), share.id(), envelope.envelopeId(), summary.verdict(),
                summary.review().map(ReviewApproval::reviewerId).orElse("-"));
        VerifiedEnvelope received = atCompany.get();
        if (received == null || !received.envelopeId().equals(envelope.envelopeId())) {
            throw new CliException(ExitCodes.INTERNAL, "the company's receiver did not hand out the reviewed share");
        }
        o.printf("      company: approval verified (reviewer certificate for review approval, trusted for %s; "
                + "content and report digests); verdict re-checked: %s, the decision covers its own report's REVIEW "
                + "findings: %s%n", share.sendingOffice().id(), received.compliance().orElseThrow().verdict(),
                received.reviewDecision().orElseThrow());

        // Any edit voids the review: the decision is bound to the exact content it approved.
        ThreatShare edited = share.toBuilder().narrative(first.narrative() + " " + EDITED_SENTENCE).build();
        try {
            Preparer.Outcome stale = preparer.prepare(edited, approval);
            throw new CliException(ExitCodes.INTERNAL, "a share edited after its review was not refused: "
                    + stale.getClass().getSimpleName());
        } catch (FmiShareException e) {
            String type = e.getClass().getCanonicalName().substring(e.getClass().getPackageName().length() + 1);
            String check = e instanceof EnvelopeException ee ? " (check '" + ee.check() + "')" : "";
            o.printf("      the same share with one word edited ('accounts' to 'profiles') and the old approval: "
                    + "refused, %s%s: %s%n", type, check, e.getMessage());
        }
    }

    private ShareStates states(Path work, String name) throws IOException {
        if (out.isEmpty()) {
            return ShareStates.inMemory();
        }
        Files.deleteIfExists(work.resolve(name));
        return ShareStates.file(work.resolve(name));
    }

    /**
     * Signs one amendment per original envelope, records each in the audit log (ids, kind and the reason's digest,
     * never its text) and queues it through the outbox to the destination its original went to.
     */
    private List<SignedEnvelope> amend(Path work, String name, ShareAmendment amendment, Preparer preparer,
            Dispatcher dispatcher, AuditLog audit, List<SignedEnvelope> originals, List<Channel> channels)
            throws InterruptedException, IOException {
        List<SignedEnvelope> amendments = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            Preparer.Outcome outcome = preparer.prepare(amendment, originals.get(i));
            if (!(outcome instanceof Preparer.Signed signed)) {
                throw new CliException(ExitCodes.INTERNAL, "the " + name + " was refused:\n"
                        + ReportRenderer.text(outcome.report()));
            }
            SignedEnvelope e = signed.envelope();
            audit.append(AuditEvent.ShareAmended.of(e, signed.report().summary(), channels.get(i).kind(),
                    Instant.now()));
            dispatcher.submitAmendment(e);
            amendments.add(e);
        }
        if (!dispatcher.awaitIdle(Duration.ofSeconds(120))) {
            throw new CliException(ExitCodes.IO_FAILURE, "the " + name + " was not delivered within 120 seconds");
        }
        for (int i = 0; i < amendments.size(); i++) {
            OutboxEntry entry = dispatcher.status(amendments.get(i).envelopeId()).orElseThrow();
            if (entry.state() != OutboxState.DELIVERED) {
                throw new CliException(ExitCodes.IO_FAILURE, channels.get(i).kind() + " " + name + " failed: "
                        + entry.lastError().orElse(entry.state().toString()));
            }
            o.printf("      %-5s delivered %s %s (amends envelope %s) to %s%n", channels.get(i).kind(), name,
                    entry.envelopeId(), originals.get(i).envelopeId(), entry.destination());
        }
        write(work, name + ".jws.json", amendments.get(0).serialized());
        return amendments;
    }

    /** What the company's HTTPS and email receivers now hold for the share. */
    private void applied(Path work, GreenMail mail, EmailAddress inbox, EmailReceiver companyInbox,
            ShareStates httpsStates, ShareStates emailStates, ThreatShare share, ShareState expected, String name,
            String emailEnvelopeId) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            // The email transport's Message-ID names the envelope, so the amendment's mail is found by it.
            MimeMessage message = null;
            for (MimeMessage m : mail.getReceivedMessagesForDomain(inbox.domain())) {
                if (m.getMessageID() != null && m.getMessageID().contains(emailEnvelopeId)) {
                    message = m;
                }
            }
            if (message == null) {
                throw new CliException(ExitCodes.INTERNAL, "the " + name + " email " + emailEnvelopeId
                        + " is not in the company's mailbox");
            }
            message.writeTo(raw);
        } catch (jakarta.mail.MessagingException e) {
            throw new CliException(ExitCodes.IO_FAILURE, "cannot read the received email: " + e.getMessage(), e);
        }
        ReceivedEmail email = companyInbox.receive(raw.toByteArray());
        write(work, name + "-email.eml", raw.toByteArray());
        String office = share.sendingOffice().id();
        ShareStatus https = httpsStates.find(office, share.id()).orElseThrow();
        ShareStatus byEmail = emailStates.find(office, share.id()).orElseThrow();
        if (https.state() != expected || byEmail.state() != expected) {
            throw new CliException(ExitCodes.INTERNAL, "after the " + name + " the receivers hold " + https.state()
                    + " (HTTPS) and " + byEmail.state() + " (email), not " + expected);
        }
        o.printf("      email: %s %s verified (S/MIME and envelope, disclosures present); the message says what "
                + "changed and why%n", name, email.envelopeId());
        o.printf("      company receivers: share %s is %s over HTTPS and by email (amendment %s)%n", share.id(),
                expected, https.lastAmendment().map(r -> r.envelopeId()).orElse("-"));
    }

    /**
     * GreenMail reads its TLS key store from system properties once per JVM and keeps it, so the demo's SMTP server
     * gets one localhost certificate per process, from its own small CA, rather than one per run.
     */
    private record SmtpTls(java.security.cert.X509Certificate ca) {
        private static SmtpTls instance;

        static synchronized SmtpTls get() throws IOException {
            if (instance == null) {
                TestPki.Authority tlsCa = TestPki.authority("fmi-share demo SMTP TLS CA");
                SigningCredential server = tlsCa.issueTls("localhost", KeyAlgorithm.EC_P256, List.of("localhost"),
                        List.of("127.0.0.1"));
                char[] password = "demo-only".toCharArray();
                Path p12 = Files.createTempFile("fmi-share-demo-smtp-tls", ".p12");
                p12.toFile().deleteOnExit();
                Files.write(p12, Credentials.toPkcs12(server, "greenmail", password));
                System.setProperty("greenmail.tls.keystore.file", p12.toString());
                System.setProperty("greenmail.tls.keystore.password", new String(password));
                System.setProperty("greenmail.tls.key.password", new String(password));
                instance = new SmtpTls(tlsCa.certificate());
            }
            return instance;
        }
    }

    private void write(Path dir, String name, String content) throws IOException {
        if (out.isPresent()) {
            Files.writeString(dir.resolve(name), content);
        }
    }

    private void write(Path dir, String name, byte[] content) throws IOException {
        if (out.isPresent()) {
            Files.write(dir.resolve(name), content);
        }
    }

    private static String name(java.security.cert.X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    private static String indent(String s) {
        return s.lines().map(l -> "        " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static Path tempDir() throws IOException {
        Path dir = Files.createTempDirectory("fmi-share-demo");
        dir.toFile().deleteOnExit();
        return dir;
    }

    /** A byte inside the base64url payload, so the change survives JSON parsing and must fail the signature. */
    private static int tamperPosition(byte[] jws) {
        String s = new String(jws, java.nio.charset.StandardCharsets.US_ASCII);
        return s.indexOf("\"payload\":\"") + "\"payload\":\"".length() + 40;
    }

    private void progress(String what) {
        step++;
        o.printf("[%d/%d] %s%n", step, STEPS, what);
        o.flush();
    }

    /**
     * GreenMail gives its servers 2 seconds to start by default, which a loaded machine misses; the demo must never
     * fail for that, so it waits a minute (a real failure still ends with GreenMail's message naming the server).
     */
    private static ServerSetup patient(ServerSetup setup) {
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        return setup;
    }
}
