package org.fmishare.audit;

import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.testkit.TestParties;
import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.envelope.EnvelopeBody;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.jose.Digests;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.testkit.SampleData;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.core.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher's progress lands in the audit log as attempts, failures, deliveries and dead letters. */
class AuditListenerTest {
    static final ComplianceSummary PASS = TestParties.PASS;
    static final List<Disclosure> DISCLOSURES = TestParties.SHARE_DISCLOSURES;

    @TempDir
    Path dir;

    @Test
    void dispatcherProgressIsAuditedWithoutPayloads() throws Exception {
        EnvelopeSigner signer = EnvelopeSigner.builder(AuditStoreContract.ENVELOPE_SIGNER, "fitf").build();
        SignedEnvelope good = signer.sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS, DISCLOSURES);
        SignedEnvelope doomed = signer.sign(new EnvelopeBody.Share(SampleData.share(2, 2)), PASS, DISCLOSURES);
        byte[] receipt = "signed-receipt".getBytes();
        ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Transport t = new Transport() {
            @Override
            public Set<String> schemes() {
                return Set.of("test");
            }

            @Override
            public DeliveryResult deliver(Delivery delivery) {
                OutboundEnvelope envelope = delivery.envelope();
                int n = attempts.computeIfAbsent(envelope.envelopeId(), k -> new AtomicInteger()).incrementAndGet();
                if (envelope.envelopeId().equals(doomed.envelopeId())) {
                    return new DeliveryResult.PermanentFailure("HTTP 403");
                }
                return n == 1 ? new DeliveryResult.RetryableFailure("HTTP 503", java.util.Optional.empty())
                        : new DeliveryResult.Delivered(receipt, "200");
            }
        };
        try (AuditStore audit = FileAuditStore.open(dir.resolve("audit.jsonl"))) {
            try (AuditLog log = AuditLog.builder(audit, AuditStoreContract.SEALER).build();
                    FileJournalStore outbox = FileJournalStore.open(dir.resolve("outbox"));
                    Dispatcher d = Dispatcher.builder().store(outbox).company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER)).transport(t)
                            .backoff(Duration.ofMillis(5), Duration.ofMillis(20)).workers(1)
                            .listener(new AuditListener(log)).build().start()) {
                d.submit(good, URI.create("test://smc/x"));
                d.submit(doomed, URI.create("test://smc/x"));
                assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            }
            // The log was sealed at the system clock, so it is verified at the system clock too.
            AuditVerification v = AuditVerifier.builder().trustAnchor(AuditStoreContract.anchor()).sealer("fitf")
                    .build().verify(audit);
            List<AuditEvent> forGood = v.events().stream().filter(e -> e.toString().contains(good.envelopeId()))
                    .toList();
            assertThat(forGood).extracting(AuditEvent::type)
                    .containsExactly("send-attempted", "send-failed", "send-attempted", "delivered");
            assertThat(forGood.get(3)).isEqualTo(new AuditEvent.Delivered(forGood.get(3).at(), good.envelopeId(),
                    Digests.sha256(receipt)));
            assertThat(v.events().stream().filter(e -> e.toString().contains(doomed.envelopeId())))
                    .extracting(AuditEvent::type).containsExactly("send-attempted", "dead-lettered");
        }
    }
}
