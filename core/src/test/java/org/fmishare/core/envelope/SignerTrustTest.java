package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.fmishare.core.jose.KeyPurposes;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: only the office may speak as the office, with a certificate meant for it, at the time it really signs.
 * Each test signs a well-formed envelope (valid signature, trusted chain) that an attacker holding some other
 * certificate under the same CA can produce, and shows the verifier refuses it.
 */
class SignerTrustTest {

    private static SignedEnvelope shareSignedBy(SigningCredential cred, String senderId) {
        return EnvelopeSigner.builder(cred, senderId).clock(Fixtures.CLOCK).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
    }

    private static final String WESTERN = SampleData.westernFieldOffice().id();

    private static SignedEnvelope westernShare(SigningCredential cred) {
        return EnvelopeSigner.builder(cred, WESTERN).clock(Fixtures.CLOCK).build().sign(new EnvelopeBody.Share(
                SampleData.passingShare().toBuilder().sendingOffice(SampleData.westernFieldOffice()).build()),
                Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
    }

    private static void refused(EnvelopeVerifier verifier, byte[] envelope, EnvelopeException.Check check,
            String message) {
        assertThatThrownBy(() -> verifier.verify(envelope))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", check)
                .hasMessageContaining(message);
    }

    @Test
    void theCompanysReceiptKeyCannotSignAShareAsTheOffice() {
        refused(Fixtures.verifier(), shareSignedBy(Fixtures.RECIPIENT, Fixtures.OFFICE).serialized(),
                EnvelopeException.Check.SIGNER_BINDING, "envelope signing");
    }

    @Test
    void tlsServerAndClientCertificatesCannotSignShares() {
        SigningCredential server = Fixtures.ROOT.issueTls("localhost", KeyAlgorithm.EC_P256, List.of("localhost"),
                List.of("127.0.0.1"));
        SigningCredential client = Fixtures.ROOT.issueTls("fmi-share TLS client", KeyAlgorithm.EC_P256,
                List.of("client.test"), List.of());
        for (SigningCredential tls : List.of(server, client)) {
            refused(Fixtures.verifier(), shareSignedBy(tls, Fixtures.OFFICE).serialized(),
                    EnvelopeException.Check.SIGNER_BINDING, KeyPurposes.ENVELOPE_SIGNING);
        }
    }

    @Test
    void aCertificateWithoutPurposeOrBindingCannotSign() {
        SigningCredential plain = Fixtures.ROOT.issue("FITF envelope signer", KeyAlgorithm.EC_P256);
        refused(Fixtures.verifier(), shareSignedBy(plain, Fixtures.OFFICE).serialized(),
                EnvelopeException.Check.SIGNER_BINDING, "extended key usage");
    }

    @Test
    void anotherOfficesSignerCannotSpeakAsTheFitfByDefault() {
        SigningCredential western = Fixtures.ROOT.issueEnvelopeSigner(WESTERN, "western signer",
                KeyAlgorithm.EC_P256);
        refused(Fixtures.verifier(), shareSignedBy(western, Fixtures.OFFICE).serialized(),
                EnvelopeException.Check.SIGNER_BINDING, "urn:fmishare:sender:fitf");
        // and as itself it is accepted by the SAN URI default
        assertThat(Fixtures.verifier().verify(westernShare(western).serialized()).sender().id())
                .isEqualTo(WESTERN);
    }

    @Test
    void anExplicitDirectoryBindsBySubjectOrPinnedKeyAndRefusesUnlistedSenders() {
        SigningCredential western = Fixtures.ROOT.issueEnvelopeSigner(WESTERN, "western signer",
                KeyAlgorithm.EC_P256);
        SenderDirectory directory = SenderDirectory.builder()
                .bind(Fixtures.OFFICE, new SenderDirectory.Subject("CN=FITF envelope signer"))
                .bind(WESTERN, SenderDirectory.PinnedKey.of(western.certificate()))
                .build();
        EnvelopeVerifier verifier = Fixtures.verifierBuilder().senderDirectory(directory).build();
        assertThat(verifier.verify(Fixtures.signedShare().serialized()).sender().id()).isEqualTo(Fixtures.OFFICE);
        assertThat(verifier.verify(westernShare(western).serialized())).isNotNull();
        // western's key is pinned to western only; the FITF is bound to another subject
        refused(verifier, shareSignedBy(western, Fixtures.OFFICE).serialized(),
                EnvelopeException.Check.SIGNER_BINDING, "no binding in the sender directory matches");
        SenderDirectory fitfOnly = SenderDirectory.builder().bindSanUri(Fixtures.OFFICE).build();
        refused(Fixtures.verifierBuilder().senderDirectory(fitfOnly).build(), westernShare(western).serialized(),
                EnvelopeException.Check.SIGNER_BINDING, "does not list it");
    }

    @Test
    void senderDirectoryJsonRoundTripsAndIsStrict() {
        SenderDirectory d = SenderDirectory.builder().bindSanUri("fitf")
                .bind("smc-examplesocial", new SenderDirectory.Subject("CN=ExampleSocial receipts"))
                .bind("smc-examplesocial", SenderDirectory.PinnedKey.of(Fixtures.RECIPIENT.certificate())).build();
        SenderDirectory back = SenderDirectory.fromJson(d.toJson());
        assertThat(back.bindings()).isEqualTo(d.bindings());
        assertThat(back.isBound("smc-examplesocial", Fixtures.RECIPIENT.certificate())).isTrue();
        assertThat(back.isBound("fitf", Fixtures.SENDER.certificate())).isTrue();
        assertThat(back.isBound("fitf", Fixtures.RECIPIENT.certificate())).isFalse();
        for (String bad : new String[] {"{\"senders\":{\"fitf\":[]}}", "{\"senders\":{\"fitf\":[{\"uri\":\"x\"}]}}",
                "{\"senders\":{\"fitf\":[{\"sanUri\":\"a\",\"subject\":\"CN=x\"}]}}", "{\"senders\":{},\"x\":1}",
                "{\"senders\":{\"fitf\":[{\"key\":\"sha-256:00\"}]}}",
                "{\"senders\":{\"fitf\":[{\"sanUri\":\"a\"}],\"fitf\":[{\"sanUri\":\"b\"}]}}"}) {
            assertThatThrownBy(() -> SenderDirectory.fromJson(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void receiptsNeedTheCompanysReceiptCertificate() {
        EnvelopeVerifier office = EnvelopeVerifier.builder().trustAnchor(Fixtures.ROOT.certificate())
                .expectedRecipient(Fixtures.OFFICE).clock(Fixtures.CLOCK).build();
        SignedEnvelope share = Fixtures.signedShare();
        VerifiedEnvelope received = Fixtures.verifier().verify(share.serialized());
        // The company's genuine receipt key verifies.
        SignedEnvelope good = EnvelopeSigner.builder(Fixtures.RECIPIENT, Fixtures.COMPANY).clock(Fixtures.CLOCK)
                .build().signReceipt(received, SampleData.response());
        assertThat(office.verifyReceipt(good.serialized(), share).sender().id()).isEqualTo(Fixtures.COMPANY);
        // A TLS certificate, an envelope signer and another company's receipt key may not sign its receipts.
        SigningCredential tls = Fixtures.ROOT.issueTls("localhost", KeyAlgorithm.EC_P256, List.of("localhost"),
                List.of());
        SigningCredential otherCompany = Fixtures.ROOT.issueReceiptSigner("smc-other", "other receipts",
                KeyAlgorithm.EC_P256);
        SigningCredential envelopeSigner = Fixtures.ROOT.issueEnvelopeSigner(Fixtures.COMPANY, "company signer",
                KeyAlgorithm.EC_P256);
        for (SigningCredential c : List.of(tls, otherCompany, envelopeSigner)) {
            SignedEnvelope forged = EnvelopeSigner.builder(c, Fixtures.COMPANY).clock(Fixtures.CLOCK).build()
                    .signReceipt(received, SampleData.response());
            assertThatThrownBy(() -> office.verifyReceipt(forged.serialized(), share)).as(c.toString())
                    .isInstanceOf(EnvelopeException.Rejected.class)
                    .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.SIGNER_BINDING);
        }
    }

    @Test
    void anExpiredCertificateCannotSignByBackdating() {
        Instant now = Fixtures.NOW;
        SigningCredential expired = Fixtures.ROOT.issueEnvelopeSigner(Fixtures.OFFICE, "expired signer",
                KeyAlgorithm.EC_P256, now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(10)));
        // issuedAt 11 days ago, inside the leaf's old validity; the envelope itself has not expired yet.
        SignedEnvelope backdated = EnvelopeSigner.builder(expired, Fixtures.OFFICE)
                .clock(Clock.fixed(now.minus(Duration.ofDays(11)), ZoneOffset.UTC)).lifetime(Duration.ofDays(20))
                .build().sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS,
                        Fixtures.SHARE_DISCLOSURES);
        refused(Fixtures.verifier(), backdated.serialized(), EnvelopeException.Check.CERTIFICATE_CHAIN,
                "not valid at " + now);
    }

    @Test
    void issuedAtMayLagTheClockOnlyByTheConfiguredBound() {
        SignedEnvelope old = EnvelopeSigner.builder(Fixtures.SENDER, Fixtures.OFFICE)
                .clock(Clock.fixed(Fixtures.NOW.minus(Duration.ofDays(3)), ZoneOffset.UTC))
                .lifetime(Duration.ofDays(7)).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
        assertThat(Fixtures.verifier().verify(old.serialized())).isNotNull();
        refused(Fixtures.verifierBuilder().maxIssuedAtAge(Duration.ofDays(1)).build(), old.serialized(),
                EnvelopeException.Check.EXPIRED, "more than PT24H");
    }

    @Test
    void kidIsAcceptedAndIgnoredAndTheFullMediaTypeIsTheSameTyp() {
        byte[] payload = Fixtures.signedShare().canonicalPayload();
        byte[] withKid = Fixtures.signRaw(Fixtures.SENDER, Fixtures.header(Fixtures.SENDER)
                .keyID("arn:aws:kms:us-east-1:000000000000:key/some-other-key").build(), payload);
        assertThat(Fixtures.verifier().verify(withKid).sender().id()).isEqualTo(Fixtures.OFFICE);
        for (String typ : new String[] {"application/fmi-share-envelope+jws", "Application/FMI-Share-Envelope+JWS"}) {
            byte[] full = Fixtures.signRaw(Fixtures.SENDER, Fixtures.header(Fixtures.SENDER)
                    .type(new JOSEObjectType(typ)).build(), payload);
            assertThat(Fixtures.verifier().verify(full)).as(typ).isNotNull();
        }
        byte[] numericKid = resignedWithHeader(h -> h.put("kid", 7));
        refused(Fixtures.verifier(), numericKid, EnvelopeException.Check.HEADER, "kid");
    }

    /** Edits the protected header as JSON and signs the result with the FITF key (a valid signature). */
    private static byte[] resignedWithHeader(java.util.function.Consumer<tools.jackson.databind.node.ObjectNode> edit) {
        try {
            java.util.Map<String, String> m = Fixtures.members(Fixtures.signedShare().serialized());
            tools.jackson.databind.node.ObjectNode h = (tools.jackson.databind.node.ObjectNode)
                    org.fmishare.core.json.FmiJson.standard().mapper().readTree(
                            java.util.Base64.getUrlDecoder().decode(m.get("protected")));
            edit.accept(h);
            String protectedB64 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    h.toString().getBytes(StandardCharsets.UTF_8));
            java.security.Signature sig = java.security.Signature.getInstance("SHA256withECDSA");
            sig.initSign(Fixtures.SENDER.privateKey());
            sig.update((protectedB64 + "." + m.get("payload")).getBytes(StandardCharsets.US_ASCII));
            byte[] jose = com.nimbusds.jose.crypto.impl.ECDSA.transcodeSignatureToConcat(sig.sign(), 64);
            return Fixtures.flattened(protectedB64, m.get("payload"),
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(jose));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keySubstitutionAndUnencodedPayloadHeadersStayRefusedEvenWhenValidlySigned() {
        byte[] payload = Fixtures.signedShare().canonicalPayload();
        refused(Fixtures.verifier(), Fixtures.signRaw(Fixtures.SENDER, Fixtures.header(Fixtures.SENDER)
                .jwkURL(java.net.URI.create("https://attacker.example/jwks")).build(), payload),
                EnvelopeException.Check.HEADER, "jku");
        refused(Fixtures.verifier(), Fixtures.signRaw(Fixtures.SENDER, Fixtures.header(Fixtures.SENDER)
                .x509CertURL(java.net.URI.create("https://attacker.example/cert")).build(), payload),
                EnvelopeException.Check.HEADER, "x5u");
        refused(Fixtures.verifier(), resignedWithHeader(h -> h.put("b64", false)), EnvelopeException.Check.HEADER,
                "b64");
        refused(Fixtures.verifier(), resignedWithHeader(h -> h.putObject("jwk").put("kty", "EC")),
                EnvelopeException.Check.HEADER, "jwk");
    }
}
