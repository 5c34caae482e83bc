package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.transport.Delivery;
import org.fmishare.testkit.SampleData;
import org.fmishare.core.envelope.EnvelopeBody;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fmishare.transport.email.MailFixture.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Send over SMTPS to a real GreenMail server, fetch over IMAP, verify. */
class EmailRoundTripTest {
    GreenMail mail;

    @BeforeEach
    void start() {
        mail = smtpsAndImap();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    List<byte[]> inbox() throws Exception {
        return fetchOverImap(mail, SMC_INBOX.address(), "inbox-pw");
    }

    @Test
    void signedShareSentOverSmtpsIsFetchedOverImapAndVerified() throws Exception {
        SignedEnvelope envelope = share();
        String messageId = transport(smtps(mail)).build().send(envelope, SMC_INBOX);

        List<byte[]> received = inbox();
        assertThat(received).hasSize(1);
        ReceivedEmail email = receiver().build().receive(received.get(0));

        assertThat(email.envelopeId()).isEqualTo(envelope.envelopeId());
        assertThat(email.envelope().kind()).isEqualTo(EnvelopeKind.THREAT_SHARE);
        assertThat(email.envelope().share()).contains(org.fmishare.testkit.SampleData.passingShare());
        assertThat(email.smimeSigner()).isEqualTo(FITF_SMIME.certificate());
        assertThat(email.messageId()).contains(messageId);
        assertThat(messageId).isEqualTo("<fmi-share." + envelope.envelopeId() + "@agency.example>");
        assertThat(email.duplicate()).isFalse();
        assertThat(email.encrypted()).isFalse();
        assertThat(email.disclosures().orElseThrow().allPresent()).isTrue();
        assertThat(email.html()).isPresent();
        // The mandatory clauses come before the threat details.
        String text = email.text();
        assertThat(text.indexOf("Important notice")).isPositive().isLessThan(text.indexOf("Accounts ("));
        String raw = new String(received.get(0), StandardCharsets.US_ASCII);
        assertThat(raw).contains("multipart/signed").contains("application/pkcs7-signature")
                .contains("application/jose+json");
    }

    @Test
    void messageEncryptedToTheRecipientCertificateIsDecryptedAndVerified() throws Exception {
        SignedEnvelope envelope = share();
        transport(smtps(mail)).recipientCertificate(SMC_INBOX, SMC.certificate()).requireEncryption().build()
                .send(envelope, SMC_INBOX);
        byte[] raw = inbox().get(0);
        assertThat(new String(raw, StandardCharsets.US_ASCII)).contains("application/pkcs7-mime")
                .doesNotContain("Important notice");

        ReceivedEmail email = receiver().decryption(SMC.privateKey(), SMC.certificate()).requireEncryption()
                .build().receive(raw);
        assertThat(email.encrypted()).isTrue();
        assertThat(email.envelopeId()).isEqualTo(envelope.envelopeId());

        assertThatThrownBy(() -> receiver().build().receive(raw))
                .isInstanceOf(EmailTransportException.DecryptionFailed.class).hasMessageContaining("no decryption key");
    }

    @Test
    void signedOnlyMessageIsRefusedByAReceiverThatRequiresEncryption() throws Exception {
        transport(smtps(mail)).build().send(share(), SMC_INBOX);
        assertThatThrownBy(() -> receiver().decryption(SMC.privateKey(), SMC.certificate()).requireEncryption()
                .build().receive(inbox().get(0)))
                .isInstanceOf(EmailTransportException.DecryptionFailed.class).hasMessageContaining("requires");
    }

    @Test
    void secondCopyOfAnEnvelopeIsReportedAsDuplicateWithTheSameMessageId() throws Exception {
        SignedEnvelope envelope = share();
        EmailTransport t = transport(smtps(mail)).build();
        t.send(envelope, SMC_INBOX);
        t.send(envelope, SMC_INBOX);
        List<byte[]> received = inbox();
        assertThat(received).hasSize(2);
        EmailReceiver receiver = receiver().build();
        ReceivedEmail first = receiver.receive(received.get(0));
        ReceivedEmail second = receiver.receive(received.get(1));
        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.envelopeId()).isEqualTo(first.envelopeId());
        assertThat(second.messageId()).isEqualTo(first.messageId());
    }

    @Test
    void alteredBodyFailsTheSmimeSignature() throws Exception {
        transport(smtps(mail)).build().send(share(), SMC_INBOX);
        String raw = new String(inbox().get(0), StandardCharsets.ISO_8859_1);
        String tampered = raw.replaceFirst("Important notice", "Important notise");
        assertThat(tampered).isNotEqualTo(raw);
        assertThatThrownBy(() -> receiver().build().receive(tampered.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(EmailTransportException.SmimeVerificationFailed.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void smimeSignerOutsideTheTrustAnchorsIsRejected() throws Exception {
        TestPki.Authority rogue = TestPki.authority("rogue CA");
        SigningCredential rogueMail = rogue.issue("rogue mail signer", KeyAlgorithm.EC_P256);
        EmailTransport.builder(smtps(mail), FITF, rogueMail, BodyRenderer.standard()).build().send(share(), SMC_INBOX);
        assertThatThrownBy(() -> receiver().build().receive(inbox().get(0)))
                .isInstanceOf(EmailTransportException.SmimeVerificationFailed.class)
                .hasMessageContaining("does not chain");
    }

    @Test
    void envelopeFromAnUntrustedSignerIsRejectedEvenUnderAValidSmimeSignature() throws Exception {
        TestPki.Authority rogue = TestPki.authority("rogue envelope CA");
        EnvelopeSigner rogueSigner = EnvelopeSigner.builder(rogue.issueEnvelopeSigner("fitf", "rogue", KeyAlgorithm.EC_P256), "fitf")
                .build();
        var share = org.fmishare.testkit.SampleData.passingShare();
        SignedEnvelope forged = rogueSigner.sign(new EnvelopeBody.Share(share), new org.fmishare.core.compliance.ComplianceSummary(org.fmishare.core.compliance.Verdict.PASS,
                        org.fmishare.testkit.SampleData.RULE_SET_ID, "1.0.0",
                        org.fmishare.core.compliance.Disclosure.digestOf("report")),
                org.fmishare.disclosure.DisclosureRenderer.standard().renderShare(share,
                        org.fmishare.disclosure.Format.TEXT).disclosures());
        EmailTransport.builder(smtps(mail), FITF, FITF_SMIME, BodyRenderer.standard()).build().send(forged, SMC_INBOX);
        assertThatThrownBy(() -> receiver().build().receive(inbox().get(0)))
                .isInstanceOfSatisfying(EmailTransportException.EnvelopeRejected.class, e -> assertThat(
                        e.envelopeFailure()).isInstanceOf(EnvelopeException.Rejected.class)
                        .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CERTIFICATE_CHAIN));
    }

    @Test
    void bodyWithoutTheMandatoryClausesIsRejected() throws Exception {
        BodyRenderer standard = BodyRenderer.standard();
        BodyRenderer stripped = envelope -> {
            EmailBody b = standard.render(envelope);
            return new EmailBody(b.subject(), b.text().replace("voluntary", "mandatory"), b.html());
        };
        EmailTransport.builder(smtps(mail), FITF, FITF_SMIME, stripped).build().send(share(), SMC_INBOX);
        assertThatThrownBy(() -> receiver().build().receive(inbox().get(0)))
                .isInstanceOfSatisfying(EmailTransportException.DisclosuresRejected.class,
                        e -> assertThat(e.part()).isEqualTo("text/plain"));
    }

    @Test
    void aJweEncryptedEnvelopeGetsAReadableBodyFromItsPlaintextContentAndTravelsEncrypted() throws Exception {
        SignedEnvelope signed = share();
        var encrypted = signed.encryptFor(SMC.certificate());
        String raw = new String(transport(smtps(mail)).build().render(encrypted, SMC_INBOX),
                StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("Important notice").contains(SampleData.passingShare().id());
        String attached = new String(java.util.Base64.getEncoder().encode(encrypted.serialized()),
                StandardCharsets.US_ASCII);
        assertThat(raw.replaceAll("\\s", "")).as("the JWE is what is attached").contains(attached);
        assertThat(raw.replaceAll("\\s", "")).doesNotContain(new String(java.util.Base64.getEncoder()
                .encode(signed.serialized()), StandardCharsets.US_ASCII));
    }

    @Test
    void wrongSmtpPasswordIsAClearPermanentAuthenticationFailure() {
        SmtpSettings bad = SmtpSettings.builder("localhost", mail.getSmtps().getPort(), SmtpSecurity.SMTPS)
                .credentials(MAILER_USER, "wrong-password").trustAnchors(List.of(TLS_CA.certificate())).build();
        EmailTransport t = transport(bad).build();
        assertThatThrownBy(() -> t.send(share(), SMC_INBOX))
                .isInstanceOfSatisfying(EmailTransportException.DeliveryFailed.class, e -> {
                    assertThat(e.reason()).isEqualTo(EmailTransportException.DeliveryFailed.Reason.AUTHENTICATION);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("authentication failed").hasMessageContaining(MAILER_USER)
                .hasMessageNotContaining("wrong-password");
        DeliveryResult r = t.deliver(new Delivery(share(), SMC_INBOX.toMailto()));
        assertThat(r).isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class,
                p -> assertThat(p.reason()).contains("authentication failed"));
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void serverCertificateFromAnotherAuthorityIsRefused() {
        SmtpSettings untrusted = SmtpSettings.builder("localhost", mail.getSmtps().getPort(), SmtpSecurity.SMTPS)
                .credentials(MAILER_USER, MAILER_PASSWORD).trustAnchors(List.of(CA.certificate())).build();
        assertThatThrownBy(() -> transport(untrusted).build().send(share(), SMC_INBOX))
                .isInstanceOfSatisfying(EmailTransportException.DeliveryFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(EmailTransportException.DeliveryFailed.Reason.TLS));
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void signedReceiptIsEmailedBackAndVerifiedAgainstTheOriginal() throws Exception {
        SignedEnvelope envelope = share();
        transport(smtps(mail)).build().send(envelope, SMC_INBOX);
        ReceivedEmail email = receiver().build().receive(inbox().get(0));

        // The company answers with a signed receipt, by email, through its own transport.
        EnvelopeSigner smcSigner = EnvelopeSigner.builder(SMC, recipientId()).build();
        SmcResponse response = new SmcResponse("resp-1", email.envelope().share().orElseThrow().id(),
                recipientId(), ResponseKind.values()[0], Instant.now(), Optional.empty());
        SignedEnvelope receipt = smcSigner.signReceipt(email.envelope(), response);
        // The company's mail is S/MIME-signed with its mail certificate (emailProtection), not its receipt key.
        SigningCredential smcMail = CA.issueSmime(SMC_INBOX.address(), "ExampleSocial mail", KeyAlgorithm.EC_P256);
        EmailTransport smcTransport = EmailTransport.builder(smtps(mail), SMC_INBOX, smcMail,
                BodyRenderer.standard()).build();
        assertThat(smcTransport.deliver(new Delivery(receipt, URI.create("mailto:" + FITF.address()))))
                .isInstanceOf(DeliveryResult.Delivered.class);

        byte[] raw = fetchOverImap(mail, FITF.address(), "fitf-pw").get(0);
        // The office binds the company's mail certificate to the company's id, so it may carry the company's receipt.
        EmailReceiver fitfInbox = EmailReceiver.builder().smimeTrustAnchors(List.of(CA.certificate()))
                .senderDirectory(org.fmishare.core.envelope.SenderDirectory.builder().bind(recipientId(),
                        org.fmishare.core.envelope.SenderDirectory.PinnedKey.of(smcMail.certificate())).build())
                .envelopeVerifier(EnvelopeVerifier.builder().trustAnchor(CA.certificate()).expectedRecipient("fitf")
                        .build()).build();
        ReceivedEmail got = fitfInbox.receiveReceipt(raw, envelope);
        assertThat(got.envelope().kind()).isEqualTo(EnvelopeKind.RECEIPT);
        assertThat(got.envelope().inReplyTo().orElseThrow().envelopeId()).isEqualTo(envelope.envelopeId());
        assertThat(got.disclosures()).isEmpty();
    }

    @Test
    void aLaterResponseOfTheCompanysChoosingTravelsBackByEmailAndVerifiesAgainstItsReceiptCertificate()
            throws Exception {
        SignedEnvelope envelope = share();
        transport(smtps(mail)).build().send(envelope, SMC_INBOX);
        ReceivedEmail email = receiver().build().receive(inbox().get(0));

        SignedEnvelope response = EnvelopeSigner.builder(SMC, recipientId()).build().signResponse(email.envelope(),
                ResponseKind.TOOK_INDEPENDENT_ACTION, Optional.of("Reviewed under our own policies."));
        SigningCredential smcMail = CA.issueSmime(SMC_INBOX.address(), "ExampleSocial mail", KeyAlgorithm.EC_P256);
        assertThat(EmailTransport.builder(smtps(mail), SMC_INBOX, smcMail, BodyRenderer.standard()).build()
                .deliver(new Delivery(response, URI.create("mailto:" + FITF.address()))))
                .isInstanceOf(DeliveryResult.Delivered.class);

        byte[] raw = fetchOverImap(mail, FITF.address(), "fitf-pw").get(0);
        EmailReceiver fitfInbox = EmailReceiver.builder().smimeTrustAnchors(List.of(CA.certificate()))
                .senderDirectory(org.fmishare.core.envelope.SenderDirectory.builder().bind(recipientId(),
                        org.fmishare.core.envelope.SenderDirectory.PinnedKey.of(smcMail.certificate())).build())
                .envelopeVerifier(EnvelopeVerifier.builder().trustAnchor(CA.certificate()).expectedRecipient("fitf")
                        .build()).build();
        ReceivedEmail got = fitfInbox.receiveReceipt(raw, envelope);
        SmcResponse recorded = got.envelope().response().orElseThrow();
        assertThat(recorded.kind()).isEqualTo(ResponseKind.TOOK_INDEPENDENT_ACTION);
        assertThat(recorded.note()).contains("Reviewed under our own policies.");
        assertThat(recorded.shareId()).isEqualTo(email.envelope().share().orElseThrow().id());
        assertThat(got.envelope().sender().id()).isEqualTo(recipientId());
    }

    @Test
    void starttlsIsRequiredSoAServerWithoutItGetsNothing() {
        GreenMail plain = new GreenMail(MailFixture.patient(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
                .dynamicPort()));
        plain.start();
        try {
            SmtpSettings settings = SmtpSettings.builder("localhost", plain.getSmtp().getPort(),
                    SmtpSecurity.STARTTLS_REQUIRED).trustAnchors(List.of(TLS_CA.certificate()))
                    .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
            EmailTransport t = transport(settings).build();
            assertThatThrownBy(() -> t.send(share(), SMC_INBOX))
                    .isInstanceOfSatisfying(EmailTransportException.DeliveryFailed.class,
                            e -> assertThat(e.reason()).isEqualTo(EmailTransportException.DeliveryFailed.Reason.TLS))
                    .hasMessageContaining("STARTTLS");
            assertThat(t.deliver(new Delivery(share(), SMC_INBOX.toMailto())))
                    .isInstanceOf(DeliveryResult.PermanentFailure.class);
            assertThat(plain.getReceivedMessages()).isEmpty();
        } finally {
            plain.stop();
        }
    }
}
