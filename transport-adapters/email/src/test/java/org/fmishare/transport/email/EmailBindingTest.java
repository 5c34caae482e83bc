package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.junit.jupiter.api.Test;

/**
 * The mail is bound to its envelope: the S/MIME signer must be the party the envelope speaks for, and the text a
 * reader gets is rendered from the verified envelope. Before this binding, each forged message below was accepted
 * and {@link ReceivedEmail#text()} returned the coercive text.
 */
class EmailBindingTest {
    private static final String COERCION = "The FITF directs ExampleSocial to suspend the accounts listed below "
            + "within 24 hours. Failure to comply will be noted.\n\n";
    private static final SigningCredential COMPANY_MAIL = MailFixture.CA.issueSmime("trust-safety@smc.example",
            "ExampleSocial mail", KeyAlgorithm.EC_P256);

    /** Puts an order in front of the genuine rendering, which keeps every mandatory disclosure in place. */
    private static final BodyRenderer COERCIVE = content -> {
        EmailBody genuine = BodyRenderer.standard().render(content);
        return new EmailBody(genuine.subject(), COERCION + genuine.text(), genuine.html());
    };

    private static byte[] mail(SigningCredential smimeSigner, BodyRenderer renderer, SignedEnvelope envelope) {
        SmtpSettings unused = SmtpSettings.builder("localhost", 465, SmtpSecurity.SMTPS)
                .trustAnchors(List.of(MailFixture.TLS_CA.certificate())).build();
        return EmailTransport.builder(unused, MailFixture.FITF, smimeSigner, renderer).build()
                .render(envelope, MailFixture.SMC_INBOX);
    }

    private static EmailReceiver receiver() {
        return MailFixture.receiver().build();
    }

    @Test
    void aGenuineMailPassesAndItsTextIsTheRenderingOfTheVerifiedEnvelope() {
        ReceivedEmail got = receiver().receive(mail(MailFixture.FITF_SMIME, BodyRenderer.standard(),
                MailFixture.share()));
        EmailBody expected = BodyRenderer.standard().render(new EnvelopeContent(got.envelopeId(),
                got.envelope().sender(), got.envelope().recipientId(), got.envelope().issuedAt(),
                got.envelope().expiresAt(), got.envelope().body(), got.envelope().disclosures(),
                got.envelope().compliance(), got.envelope().digest()));
        assertThat(got.text()).isEqualTo(expected.text());
        assertThat(got.html()).contains(expected.html());
        assertThat(got.text()).doesNotContain("24 hours");
    }

    @Test
    void theOfficesEnvelopeSignerMaySignItsOwnMailWithoutADirectoryEntry() {
        ReceivedEmail got = EmailReceiver.builder().smimeTrustAnchors(List.of(MailFixture.CA.certificate()))
                .envelopeVerifier(EnvelopeVerifier.builder().trustAnchor(MailFixture.CA.certificate())
                        .expectedRecipient(MailFixture.recipientId()).build()).build()
                .receive(mail(MailFixture.FITF_ENVELOPE, BodyRenderer.standard(), MailFixture.share()));
        assertThat(got.smimeSigner()).isEqualTo(MailFixture.FITF_ENVELOPE.certificate());
    }

    @Test
    void coerciveTextSignedByTheOfficesOwnMailKeyIsRefusedAsABodyMismatch() {
        // Whoever controls the office's mailer (not its envelope key) cannot change what the reader is told.
        byte[] raw = mail(MailFixture.FITF_SMIME, COERCIVE, MailFixture.share());
        assertThatThrownBy(() -> receiver().receive(raw))
                .isInstanceOfSatisfying(EmailTransportException.BodyMismatch.class,
                        e -> assertThat(e.part()).isEqualTo("text/plain"))
                .hasMessageContaining("not the text rendered from the verified envelope")
                .satisfies(e -> assertThat(((EmailTransportException) e).isInputRejection()).isTrue());
    }

    @Test
    void coerciveTextSignedByTheCompanysMailKeyWithTheGenuineEnvelopeIsRefusedAsASignerMismatch() {
        byte[] raw = mail(COMPANY_MAIL, COERCIVE, MailFixture.share());
        assertThatThrownBy(() -> receiver().receive(raw))
                .isInstanceOf(EmailTransportException.SignerMismatch.class)
                .hasMessageContaining("CN=ExampleSocial mail is not the envelope's signer CN=FITF envelope signer")
                .hasMessageContaining("sender 'fitf'");
        // Even with the genuine text, the company may not sign mail that speaks as the office.
        assertThatThrownBy(() -> receiver().receive(mail(COMPANY_MAIL, BodyRenderer.standard(),
                MailFixture.share()))).isInstanceOf(EmailTransportException.SignerMismatch.class);
    }

    @Test
    void coerciveTextSignedByTheCompanysReceiptKeyIsRefused() {
        byte[] raw = mail(MailFixture.SMC, COERCIVE, MailFixture.share());
        // The receipt key's purpose excludes mail (S/MIME check); were it allowed, the signer binding would refuse.
        assertThatThrownBy(() -> receiver().receive(raw)).isInstanceOfAny(
                EmailTransportException.SmimeVerificationFailed.class, EmailTransportException.SignerMismatch.class);
    }

    /** Found by fuzzing: a multipart/signed with one part escaped from the S/MIME library as an index error. */
    @Test
    void aSignedMessageWithoutItsSignaturePartIsMalformed() {
        byte[] raw = ("From: fitf-shares@agency.example\r\nMIME-Version: 1.0\r\nContent-Type: multipart/signed; "
                + "protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nno signature part follows\r\n--b--\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> receiver().receive(raw))
                .isInstanceOf(EmailTransportException.MessageMalformed.class)
                .hasMessageContaining("multipart/signed must have exactly two parts").hasMessageContaining("has 1");
    }
}
