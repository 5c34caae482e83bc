package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.transport.LogContext;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The application's callback runs with the received envelope's id and share id in the SLF4J MDC. */
class EnvelopeReceiverLogContextTest {

    @Test
    void theCallbackSeesTheEnvelopeAndShareIdsAndTheThreadIsLeftClean() {
        TestParties parties = TestParties.create("receiver MDC test CA");
        Map<String, String> seen = new HashMap<>();
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(parties.companyVerifier())
                .signer(parties.companySigner()).onEnvelope(v -> {
                    seen.put("envelope", String.valueOf(MDC.get(LogContext.ENVELOPE_ID)));
                    seen.put("share", String.valueOf(MDC.get(LogContext.SHARE_ID)));
                }).build();
        SignedEnvelope envelope = parties.signedShare();

        ReceiverResponse r = receiver.handle("POST", Optional.of(OutboundEnvelope.MEDIA_TYPE), envelope.serialized());

        assertThat(r.isReceipt()).isTrue();
        assertThat(seen).containsEntry("envelope", envelope.envelopeId())
                .containsEntry("share", SampleData.passingShare().id());
        assertThat(MDC.get(LogContext.ENVELOPE_ID)).isNull();
        assertThat(MDC.get(LogContext.SHARE_ID)).isNull();
    }
}
