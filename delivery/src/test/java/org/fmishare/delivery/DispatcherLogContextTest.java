package org.fmishare.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.core.transport.LogContext;
import org.fmishare.core.transport.Transport;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** While the dispatcher delivers an envelope, the SLF4J MDC names the envelope and its share; afterwards it does not. */
class DispatcherLogContextTest {
    @TempDir
    Path dir;

    @Test
    void theTransportRunsWithTheEnvelopeAndShareIdsInTheMdcAndTheWorkerIsLeftClean() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        Transport t = new Transport() {
            @Override
            public Set<String> schemes() {
                return Set.of("test");
            }

            @Override
            public DeliveryResult deliver(Delivery delivery) {
                String envelopeId = MDC.get(LogContext.ENVELOPE_ID);
                String shareId = MDC.get(LogContext.SHARE_ID);
                seen.put("envelope", envelopeId == null ? "<none>" : envelopeId);
                seen.put("share", shareId == null ? "<none>" : shareId);
                return new DeliveryResult.Delivered(new byte[0], "200");
            }
        };
        // A second transport call on the same single worker shows what the MDC holds after the first attempt.
        try (Dispatcher d = Dispatcher.builder().store(FileJournalStore.open(dir.resolve("outbox.journal")))
                .transport(t).workers(1)
                .company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER)).build().start()) {
            SignedEnvelope envelope = DispatcherTest.envelope();
            d.submit(envelope, DispatcherTest.DEST);
            assertThat(d.awaitIdle(Duration.ofMinutes(2))).isTrue();
            assertThat(seen).containsEntry("envelope", envelope.envelopeId())
                    .containsEntry("share", SampleData.passingShare().id());
        }
        assertThat(MDC.get(LogContext.ENVELOPE_ID)).as("the submitting thread is untouched").isNull();
    }

    @Test
    void scopesNestAndRestoreWhatWasThere() {
        try (LogContext.Scope outer = LogContext.open("env-1", java.util.Optional.of("share-1"))) {
            try (LogContext.Scope inner = LogContext.open("env-2", java.util.Optional.empty())) {
                assertThat(MDC.get(LogContext.ENVELOPE_ID)).isEqualTo("env-2");
                assertThat(MDC.get(LogContext.SHARE_ID)).isNull();
            }
            assertThat(MDC.get(LogContext.ENVELOPE_ID)).isEqualTo("env-1");
            assertThat(MDC.get(LogContext.SHARE_ID)).isEqualTo("share-1");
        }
        assertThat(MDC.get(LogContext.ENVELOPE_ID)).isNull();
        assertThat(MDC.get(LogContext.SHARE_ID)).isNull();
    }
}
