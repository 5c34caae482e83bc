package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fmishare.core.transport.LogContext;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * While the email receiver checks a verified envelope's mail (signer binding, disclosures, body), the SLF4J MDC holds
 * the envelope and share ids, so every log line of the receipt names them; afterwards the thread is left as found.
 * The renderer, an extension point called during that check, is where the test looks.
 */
class EmailReceiverLogContextTest {

    /** Renders as the standard renderer does and records the MDC each time it is called. */
    private static final class RecordingRenderer implements BodyRenderer {
        final List<Map<String, Optional<String>>> seen = new ArrayList<>();

        @Override
        public EmailBody render(org.fmishare.core.envelope.EnvelopeContent content) {
            seen.add(Map.of("envelope", Optional.ofNullable(MDC.get(LogContext.ENVELOPE_ID)),
                    "share", Optional.ofNullable(MDC.get(LogContext.SHARE_ID))));
            return BodyRenderer.standard().render(content);
        }
    }

    /** The mail the office's transport would send (rendered, not sent: no server is needed to read the MDC). */
    private static byte[] mail() {
        SmtpSettings unused = SmtpSettings.builder("localhost", 465, SmtpSecurity.SMTPS)
                .trustAnchors(List.of(MailFixture.TLS_CA.certificate())).build();
        return MailFixture.transport(unused).build().render(MailFixture.share(), MailFixture.SMC_INBOX);
    }

    @Test
    void theReceiptOfAShareRunsWithItsEnvelopeAndShareIdsInTheMdcAndTheThreadIsLeftClean() {
        byte[] raw = mail();
        RecordingRenderer renderer = new RecordingRenderer();
        EmailReceiver receiver = MailFixture.receiver().bodyRenderer(renderer).build();

        ReceivedEmail first = receiver.receive(raw);
        ReceivedEmail again = receiver.receive(raw);

        assertThat(again.duplicate()).isTrue();
        assertThat(renderer.seen).hasSize(2).allSatisfy(mdc -> {
            assertThat(mdc.get("envelope")).contains(first.envelopeId());
            assertThat(mdc.get("share")).contains(SampleData.passingShare().id());
        });
        assertThat(MDC.get(LogContext.ENVELOPE_ID)).isNull();
        assertThat(MDC.get(LogContext.SHARE_ID)).isNull();
    }

    @Test
    void aRefusedMailLeavesTheCallersMdcAsItWas() {
        byte[] raw = mail();
        BodyRenderer failing = content -> {
            throw new EmailTransportException.BodyUnavailable("test renderer refuses", null);
        };
        MDC.put(LogContext.ENVELOPE_ID, "caller-envelope");
        try {
            assertThatThrownBy(() -> MailFixture.receiver().bodyRenderer(failing).build().receive(raw))
                    .isInstanceOf(EmailTransportException.BodyUnavailable.class);
            assertThat(MDC.get(LogContext.ENVELOPE_ID)).isEqualTo("caller-envelope");
            assertThat(MDC.get(LogContext.SHARE_ID)).isNull();
        } finally {
            MDC.remove(LogContext.ENVELOPE_ID);
        }
    }
}
