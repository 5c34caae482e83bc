package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.api.Test;

/**
 * A refused SMTP login on the real wire (a scripted server on loopback, STARTTLS, then 535 to AUTH, and the embedded
 * mail server): the failure comes at once, not after the I/O timeout, and its message says which server refused
 * which user and what the server replied. The scripted server then stays silent, as servers that slow down password
 * guessing do, so a client that waited for any further answer would wait out the I/O timeout.
 */
class SmtpAuthenticationFailureTest {
    /** Long enough that waiting for it would be unmistakable, even on a loaded machine. */
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aRefusedLoginFailsBeforeTheIoTimeoutAndSaysWhatTheServerReplied() throws Exception {
        try (StartTlsReplyCodesTest.ScriptedSmtp server = new StartTlsReplyCodesTest.ScriptedSmtp("250 2.1.0 OK",
                "535 5.7.8 Authentication credentials invalid", true)) {
            EmailTransport transport = MailFixture.transport(SmtpSettings.builder("localhost", server.port(),
                            SmtpSecurity.STARTTLS_REQUIRED).credentials("agency", "wrong-password")
                    .trustAnchors(List.of(MailFixture.TLS_CA.certificate()))
                    .timeouts(IO_TIMEOUT, IO_TIMEOUT).build()).build();
            long start = System.nanoTime();
            assertThatThrownBy(() -> transport.send(MailFixture.share(), MailFixture.SMC_INBOX))
                    .isInstanceOfSatisfying(EmailTransportException.DeliveryFailed.class, e -> {
                        assertThat(e.reason()).isEqualTo(EmailTransportException.DeliveryFailed.Reason.AUTHENTICATION);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage())
                                .contains("localhost:" + server.port()).contains("user agency")
                                .contains("535 5.7.8 Authentication credentials invalid")
                                .doesNotContain("wrong-password").doesNotEndWith(": ");
                    });
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            DeliveryResult r = transport.deliver(new Delivery(MailFixture.share(), MailFixture.SMC_INBOX.toMailto()));
            Duration again = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r).isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class,
                    p -> assertThat(p.reason()).contains("535"));
            // Neither attempt waits out a timeout (both are 90 s here); on a loaded machine a refusal still takes
            // well under a third of that.
            assertThat(took).as("send took %s, deliver %s", took, again).isLessThan(IO_TIMEOUT.dividedBy(3));
            assertThat(again).as("send took %s, deliver %s", took, again).isLessThan(IO_TIMEOUT.dividedBy(3));
        }
    }

    @Test
    void aRefusedLoginAtTheEmbeddedMailServerIsFastAndSaysWhatTheServerReplied() {
        com.icegreen.greenmail.util.GreenMail mail = MailFixture.smtpsAndImap();
        try {
            EmailTransport transport = MailFixture.transport(SmtpSettings.builder("localhost",
                            mail.getSmtps().getPort(), SmtpSecurity.SMTPS).credentials("agency", "wrong-password")
                    .trustAnchors(List.of(MailFixture.TLS_CA.certificate())).timeouts(IO_TIMEOUT, IO_TIMEOUT)
                    .build()).build();
            long start = System.nanoTime();
            assertThatThrownBy(() -> transport.send(MailFixture.share(), MailFixture.SMC_INBOX))
                    .isInstanceOfSatisfying(EmailTransportException.DeliveryFailed.class, e -> {
                        assertThat(e.reason()).isEqualTo(EmailTransportException.DeliveryFailed.Reason.AUTHENTICATION);
                        assertThat(e.getMessage()).contains("user agency").contains("535")
                                .doesNotContain("wrong-password").doesNotEndWith(": ");
                    });
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("send took %s", took).isLessThan(IO_TIMEOUT.dividedBy(3));
        } finally {
            mail.stop();
        }
    }
}
