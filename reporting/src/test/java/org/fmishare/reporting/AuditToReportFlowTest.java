package org.fmishare.reporting;

import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.CompanyRecord;
import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.envelope.EnvelopeBody;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.fmishare.audit.AuditEvent;
import org.fmishare.audit.AuditException;
import org.fmishare.audit.AuditListener;
import org.fmishare.audit.AuditLog;
import org.fmishare.audit.AuditStore;
import org.fmishare.audit.AuditSubject;
import org.fmishare.audit.AuditVerification;
import org.fmishare.audit.AuditVerifier;
import org.fmishare.audit.FileAuditStore;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.TransportKind;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.testkit.SampleData;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.core.transport.Transport;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.RenderedMessage;
import org.fmishare.sop.ComplianceReport;
import org.fmishare.sop.SopValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's path, end to end: validate, render, sign, dispatch and respond with every step audited; verify the
 * log; publish the report; and show that altering one stored record is caught.
 */
class AuditToReportFlowTest {
    @TempDir
    Path dir;

    @Test
    void auditedShareEndsInAVerifiedLogAndAPublishedReport() throws Exception {
        var share = SampleData.passingShare();
        RenderedMessage msg = DisclosureRenderer.standard().renderShare(share, Format.TEXT);
        ComplianceReport report = SopValidator.standard().validate(share, msg.body());
        ComplianceReport blocked = SopValidator.standard().validateContentOnly(SampleData.failingShare());
        SignedEnvelope env = EnvelopeSigner.builder(Activity.SEALER, "fitf").build()
                .sign(new EnvelopeBody.Share(share), report.summary(), msg.disclosures());
        Transport loop = new Transport() {
            @Override
            public Set<String> schemes() {
                return Set.of("test");
            }

            @Override
            public DeliveryResult deliver(Delivery delivery) {
                OutboundEnvelope e = delivery.envelope();
                return new DeliveryResult.Delivered("receipt".getBytes(StandardCharsets.UTF_8), "200");
            }
        };
        Instant now = Instant.now();
        Path auditFile = dir.resolve("audit.jsonl");

        try (AuditStore store = FileAuditStore.open(auditFile)) {
            try (AuditLog log = AuditLog.builder(store, Activity.SEALER).build();
                    FileJournalStore outbox = FileJournalStore.open(dir.resolve("outbox"));
                    Dispatcher d = Dispatcher.builder().store(outbox).company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER)).transport(loop)
                            .listener(new AuditListener(log)).build().start()) {
                log.append(AuditEvent.Validated.ofShare(share, report.summary(), report.failedRuleIds(), now));
                log.append(AuditEvent.Validated.ofShare(SampleData.failingShare(), blocked.summary(),
                        blocked.failedRuleIds(), now));
                log.append(AuditEvent.Rendered.of(AuditSubject.SHARE, share.id(), "TEXT", msg.body(),
                        msg.disclosures().stream().map(x -> x.digest()).toList(), now));
                log.append(AuditEvent.Signed.of(AuditSubject.SHARE, share.id(), env, now));
                log.append(AuditEvent.Dispatched.ofShare(share, report.summary(), env, TransportKind.HTTPS, now));
                d.submit(env, URI.create("test://smc/inbox"));
                assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
                log.append(AuditEvent.SmcResponded.of(SampleData.response()));
                log.append(AuditEvent.MeetingHeld.of(SampleData.meeting(), now));
            }

            AuditVerification verified = AuditVerifier.verify(store, Activity.ROOT.certificate(), "fitf");
            assertThat(verified.toString()).startsWith("audit log verified: ");
            assertThat(verified.events()).extracting(AuditEvent::type).contains("validated", "rendered", "signed",
                    "dispatched", "send-attempted", "delivered", "smc-responded", "meeting-held");
            ReportFiles files = TransparencyReport.from(verified, ReportOptions.defaults().withSuppressionThreshold(1))
                    .writeTo(dir.resolve("report"));
            String csv = Files.readString(files.csv());
            assertThat(csv).contains("shares-by-prong," + Quarter.of(now)
                    + ",Prong 1: account sharing,1,false");
            assertThat(blocked.failedRuleIds()).isNotEmpty();
            assertThat(csv).contains("blocked-by-rule," + Quarter.of(now) + ",total,1,false");
            assertThat(Files.readString(files.markdown())).doesNotContain(share.recipient().id(),
                    share.recipient().name());
        }

        // An insider edits one record: the verifier names it.
        List<String> lines = Files.readAllLines(auditFile);
        lines.set(4, lines.get(4).replace("\"HTTPS\"", "\"EMAIL\""));
        Files.write(auditFile, lines);
        try (AuditStore store = FileAuditStore.open(auditFile)) {
            assertThatThrownBy(() -> AuditVerifier.verify(store, Activity.ROOT.certificate(), "fitf"))
                    .isInstanceOfSatisfying(AuditException.RecordAltered.class,
                            e -> assertThat(e.recordIndex()).isEqualTo(4));
        }
    }
}
