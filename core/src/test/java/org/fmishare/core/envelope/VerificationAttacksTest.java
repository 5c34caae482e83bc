package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.jose.Jcs;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Each attack a verifier must stop, with the check that must stop it. */
class VerificationAttacksTest {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** Rewrites the protected header, keeping payload and signature. */
    private static byte[] withHeader(byte[] serialized, Consumer<ObjectNode> edit) {
        Map<String, String> m = Fixtures.members(serialized);
        ObjectNode header = (ObjectNode) FmiJson.standard().mapper().readTree(Base64.getUrlDecoder().decode(
                m.get("protected")));
        edit.accept(header);
        String h = B64URL.encodeToString(FmiJson.standard().mapper().writeValueAsBytes(header));
        return Fixtures.flattened(h, m.get("payload"), m.get("signature"));
    }

    /** Rewrites the payload and signs it validly with the sender key, bypassing the SDK signer's rules. */
    private static byte[] resignedPayload(SigningCredential cred, Consumer<ObjectNode> edit) {
        byte[] payload = Base64.getUrlDecoder().decode(Fixtures.members(Fixtures.signedShare().serialized())
                .get("payload"));
        ObjectNode doc = (ObjectNode) FmiJson.standard().mapper().readTree(payload);
        edit.accept(doc);
        byte[] canonical = Jcs.canonicalize(FmiJson.standard().mapper().writeValueAsBytes(doc));
        return Fixtures.signRaw(cred, Fixtures.header(cred).build(), canonical);
    }

    private static void rejects(byte[] bytes, EnvelopeException.Check check) {
        assertThatThrownBy(() -> Fixtures.verifier().verify(bytes)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", check);
    }

    @Test
    void unchangedResignedPayloadIsAcceptedSoTheOtherCasesTestOneChangeEach() {
        assertThat(Fixtures.verifier().verify(resignedPayload(Fixtures.SENDER, d -> { })).kind())
                .isEqualTo(EnvelopeKind.THREAT_SHARE);
    }

    @Test
    void algorithmNoneIsRejected() {
        byte[] bytes = withHeader(Fixtures.signedShare().serialized(), h -> h.put("alg", "none"));
        assertThatThrownBy(() -> Fixtures.verifier().verify(bytes))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.ALGORITHM).hasMessageContaining("'none'");
    }

    @Test
    void hmacIsRejectedEvenWithAValidMac() throws Exception {
        // Key confusion: an HMAC keyed with the public certificate's bytes, the classic RS256->HS256 attack.
        byte[] bytes = withHeader(Fixtures.signedShare().serialized(), h -> h.put("alg", "HS256"));
        Map<String, String> m = Fixtures.members(bytes);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(Fixtures.SENDER.certificate().getEncoded(), "HmacSHA256"));
        String sig = B64URL.encodeToString(mac.doFinal((m.get("protected") + "." + m.get("payload"))
                .getBytes(StandardCharsets.US_ASCII)));
        rejects(Fixtures.flattened(m.get("protected"), m.get("payload"), sig),
                EnvelopeException.Check.ALGORITHM);
    }

    @Test
    void algorithmSubstitutionIsRejected() {
        byte[] es384 = withHeader(Fixtures.signedShare().serialized(), h -> h.put("alg", "ES384"));
        rejects(es384, EnvelopeException.Check.ALGORITHM);
        byte[] ps256 = withHeader(Fixtures.signedShare().serialized(), h -> h.put("alg", "PS256"));
        rejects(ps256, EnvelopeException.Check.ALGORITHM);
        byte[] lowerCase = withHeader(Fixtures.signedShare().serialized(), h -> h.put("alg", "es256"));
        rejects(lowerCase, EnvelopeException.Check.ALGORITHM);
    }

    @Test
    void algorithmOutsideTheVerifiersAllowListIsRejected() {
        byte[] bytes = Fixtures.signedShare().serialized();
        EnvelopeVerifier psOnly = Fixtures.verifierBuilder().allowedAlgorithms(EnvelopeAlgorithm.PS256).build();
        assertThatThrownBy(() -> psOnly.verify(bytes)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.ALGORITHM)
                .hasMessageContaining("[PS256]");
    }

    @Test
    void criticalHeaderIsRejectedEvenWhenValidlySigned() {
        byte[] bytes = Fixtures.signRaw(Fixtures.SENDER, Fixtures.header(Fixtures.SENDER)
                .customParam("exp", 1).criticalParams(Set.of("exp")).build(),
                Fixtures.signedShare().canonicalPayload());
        rejects(bytes, EnvelopeException.Check.CRITICAL_HEADER);
    }

    @Test
    void unknownHeaderParametersAreRejected() {
        for (String p : new String[] {"jwk", "jku", "x5u", "b64"}) {
            byte[] bytes = withHeader(Fixtures.signedShare().serialized(), h -> h.put(p, "x"));
            assertThatThrownBy(() -> Fixtures.verifier().verify(bytes)).as(p)
                    .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.HEADER).hasMessageContaining(p);
        }
        rejects(withHeader(Fixtures.signedShare().serialized(), h -> h.put("typ", "JWT")),
                EnvelopeException.Check.HEADER);
    }

    @Test
    void strippedCertificateChainIsRejected() {
        byte[] bytes = withHeader(Fixtures.signedShare().serialized(), h -> h.remove("x5c"));
        assertThatThrownBy(() -> Fixtures.verifier().verify(bytes))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CERTIFICATE_CHAIN)
                .hasMessageContaining("no x5c");
    }

    @Test
    void swappedCertificateFailsTheSignature() throws Exception {
        // Another trusted certificate in x5c: the chain is fine, the signature is not.
        String other = Base64.getEncoder().encodeToString(Fixtures.RECIPIENT.certificate().getEncoded());
        byte[] bytes = withHeader(Fixtures.signedShare().serialized(), h -> {
            ArrayNode x5c = h.putArray("x5c");
            x5c.add(other);
        });
        rejects(bytes, EnvelopeException.Check.SIGNATURE);
    }

    @Test
    void wrongKeyIsRejected() {
        // Payload names the sender's certificate, but the envelope is signed by the recipient's key and chain.
        byte[] payload = Fixtures.signedShare().canonicalPayload();
        byte[] bytes = Fixtures.signRaw(Fixtures.RECIPIENT, Fixtures.header(Fixtures.RECIPIENT).build(), payload);
        rejects(bytes, EnvelopeException.Check.SIGNER_BINDING);
    }

    @Test
    void untrustedChainIsRejected() {
        TestPki.Authority rogue = TestPki.authority("Rogue Root", KeyAlgorithm.EC_P256, Fixtures.PKI_FROM,
                Fixtures.PKI_TO);
        SigningCredential mallory = rogue.issueEnvelopeSigner("fitf", "FITF envelope signer", KeyAlgorithm.EC_P256);
        SignedEnvelope env = EnvelopeSigner.builder(mallory, "fitf").clock(Fixtures.CLOCK).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
        rejects(env.serialized(), EnvelopeException.Check.CERTIFICATE_CHAIN);
    }

    @Test
    void expiredAndNotYetValidCertificatesAreRejected() {
        SigningCredential expired = Fixtures.ROOT.issueEnvelopeSigner("fitf", "expired signer", KeyAlgorithm.EC_P256,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"));
        SigningCredential future = Fixtures.ROOT.issueEnvelopeSigner("fitf", "future signer", KeyAlgorithm.EC_P256,
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-06-01T00:00:00Z"));
        for (SigningCredential c : new SigningCredential[] {expired, future}) {
            SignedEnvelope env = EnvelopeSigner.builder(c, "fitf").clock(Fixtures.CLOCK).build()
                    .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
            assertThatThrownBy(() -> Fixtures.verifier().verify(env.serialized())).as(c.toString())
                    .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CERTIFICATE_CHAIN)
                    .hasMessageContaining("not valid at");
        }
    }

    @Test
    void certificateAuthorityMayNotSignEnvelopes() {
        // The root has no envelope-signing purpose, so the purpose check refuses it before the chain check (which
        // would refuse it as a CA certificate).
        SignedEnvelope env = EnvelopeSigner.builder(Fixtures.ROOT.credential(), "fitf").clock(Fixtures.CLOCK).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
        assertThatThrownBy(() -> Fixtures.verifier().verify(env.serialized()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.SIGNER_BINDING)
                .hasMessageContaining("fmi-share Test Root");
    }

    @Test
    void intermediateChainsValidate() {
        TestPki.Authority issuing = Fixtures.ROOT.intermediate("Issuing CA", KeyAlgorithm.EC_P384);
        SigningCredential leaf = issuing.issueEnvelopeSigner("fitf", "FITF signer via intermediate", KeyAlgorithm.EC_P256);
        SignedEnvelope env = EnvelopeSigner.builder(leaf, "fitf").clock(Fixtures.CLOCK).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
        assertThat(Fixtures.verifier().verify(env.serialized()).certificateChain()).hasSize(3);
    }

    @Test
    void duplicateKeysAreRejectedInEveryLayer() {
        byte[] good = Fixtures.signedShare().serialized();
        Map<String, String> m = Fixtures.members(good);
        String outer = "{\"payload\":\"" + m.get("payload") + "\",\"payload\":\"" + m.get("payload")
                + "\",\"protected\":\"" + m.get("protected") + "\",\"signature\":\"" + m.get("signature") + "\"}";
        rejects(outer.getBytes(StandardCharsets.US_ASCII), EnvelopeException.Check.SYNTAX);

        String header = new String(Base64.getUrlDecoder().decode(m.get("protected")), StandardCharsets.UTF_8);
        String dupHeader = header.replaceFirst("\\{", "{\"alg\":\"ES256\",");
        rejects(Fixtures.flattened(B64URL.encodeToString(dupHeader.getBytes(StandardCharsets.UTF_8)),
                m.get("payload"), m.get("signature")), EnvelopeException.Check.SYNTAX);

        String payload = new String(Fixtures.signedShare().canonicalPayload(), StandardCharsets.UTF_8);
        String dupPayload = payload.replaceFirst("\\{", "{\"kind\":\"RECEIPT\",");
        byte[] signed = Fixtures.signRaw(Fixtures.SENDER, Fixtures.header(Fixtures.SENDER).build(),
                dupPayload.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Fixtures.verifier().verify(signed))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.SYNTAX).hasMessageContaining("I-JSON");
    }

    @Test
    void nonCanonicalPayloadIsRejectedEvenWhenValidlySigned() {
        String payload = new String(Fixtures.signedShare().canonicalPayload(), StandardCharsets.UTF_8);
        byte[] spaced = (" " + payload).getBytes(StandardCharsets.UTF_8);
        byte[] signed = Fixtures.signRaw(Fixtures.SENDER, Fixtures.header(Fixtures.SENDER).build(), spaced);
        assertThatThrownBy(() -> Fixtures.verifier().verify(signed))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.SYNTAX).hasMessageContaining("canonical");
    }

    @Test
    void oversizedEnvelopeIsRejectedBeforeParsing() {
        byte[] huge = new byte[4096];
        java.util.Arrays.fill(huge, (byte) '[');
        EnvelopeVerifier small = Fixtures.verifierBuilder().maxEnvelopeBytes(2048).build();
        assertThatThrownBy(() -> small.verify(huge)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.SIZE);
    }

    @Test
    void missingDisclosureIsRejectedByTheVerifier() {
        byte[] bytes = resignedPayload(Fixtures.SENDER, d -> ((ArrayNode) d.get("disclosures")).remove(0));
        assertThatThrownBy(() -> Fixtures.verifier().verify(bytes))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.DISCLOSURES)
                .hasMessageContaining("no-request-no-obligation");
    }

    @Test
    void disclosureWhoseTextChangedIsRejected() {
        byte[] bytes = resignedPayload(Fixtures.SENDER, d -> ((ObjectNode) d.get("disclosures").get(0))
                .put("text", "The FBI requests that the company remove these accounts."));
        rejects(bytes, EnvelopeException.Check.DISCLOSURES);
    }

    @Test
    void nonPassVerdictIsRejectedByTheVerifier() {
        byte[] bytes = resignedPayload(Fixtures.SENDER, d -> ((ObjectNode) d.get("compliance"))
                .put("verdict", "NEEDS_REVIEW"));
        rejects(bytes, EnvelopeException.Check.COMPLIANCE);
        byte[] none = resignedPayload(Fixtures.SENDER, d -> d.remove("compliance"));
        rejects(none, EnvelopeException.Check.COMPLIANCE);
    }

    @Test
    void senderRecordMustNameTheSigningCertificate() {
        byte[] bytes = resignedPayload(Fixtures.SENDER, d -> ((ObjectNode) d.get("sender"))
                .put("subject", "CN=Somebody Else"));
        rejects(bytes, EnvelopeException.Check.SIGNER_BINDING);
    }

    @Test
    void bodyMustMatchKindAndSender() {
        rejects(resignedPayload(Fixtures.SENDER, d -> d.put("kind", "MEETING_NOTICE")),
                EnvelopeException.Check.CONTENT);
        // Bind fo-western to the FITF's certificate too, so the content rule is what refuses a sender id that
        // differs from the share's sending office.
        EnvelopeVerifier bothBound = Fixtures.verifierBuilder().senderDirectory(SenderDirectory.builder()
                .bindSanUri(Fixtures.OFFICE).bind("fo-western", SenderDirectory.PinnedKey.of(
                        Fixtures.SENDER.certificate())).build()).build();
        byte[] western = resignedPayload(Fixtures.SENDER, d -> ((ObjectNode) d.get("sender")).put("id", "fo-western"));
        assertThatThrownBy(() -> bothBound.verify(western)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CONTENT);
        rejects(western, EnvelopeException.Check.SIGNER_BINDING);
        rejects(resignedPayload(Fixtures.SENDER, d -> d.put("unexpected", true)), EnvelopeException.Check.SYNTAX);
    }

    @Test
    void overlongLifetimeIsRejected() {
        byte[] bytes = resignedPayload(Fixtures.SENDER, d -> d.put("expiresAt", "2027-06-01T00:00:00Z"));
        assertThatThrownBy(() -> Fixtures.verifier().verify(bytes)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.SYNTAX)
                .hasMessageContaining("lifetime");
    }

    @Test
    void everyFailureNamesItsCheckAndIsAnInputRejection() {
        byte[] bytes = withHeader(Fixtures.signedShare().serialized(), h -> h.put("alg", "none"));
        try {
            Fixtures.verifier().verify(bytes);
        } catch (EnvelopeException e) {
            assertThat(e.check()).isEqualTo(EnvelopeException.Check.ALGORITHM);
            assertThat(e.check().label()).isEqualTo("algorithm");
            assertThat(e.getMessage()).startsWith("algorithm: ");
            assertThat(e.isInputRejection()).isTrue();
            return;
        }
        throw new AssertionError("not rejected");
    }

    @Test
    void disclosureTypeIsRecheckedOnSign() {
        assertThatThrownBy(() -> Fixtures.signer().sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS,
                java.util.List.of(Fixtures.SHARE_DISCLOSURES.get(0), Fixtures.SHARE_DISCLOSURES.get(0),
                        Fixtures.SHARE_DISCLOSURES.get(1), Fixtures.SHARE_DISCLOSURES.get(2))))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.DISCLOSURES)
                .hasMessageContaining("repeats");
        assertThat(Disclosure.digestOf("a")).startsWith("sha-256:");
    }
}
