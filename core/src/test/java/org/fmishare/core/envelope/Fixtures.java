package org.fmishare.core.envelope;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.testkit.SampleData;
import tools.jackson.databind.node.ObjectNode;

/** Shared, deterministic test material: one PKI, fixed clocks, a PASS summary and the share disclosures. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-10-01T16:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Instant PKI_FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant PKI_TO = Instant.parse("2027-12-31T00:00:00Z");

    static final TestPki.Authority ROOT = TestPki.authority("fmi-share Test Root", KeyAlgorithm.EC_P256, PKI_FROM,
            PKI_TO);
    static final SigningCredential SENDER = ROOT.issueEnvelopeSigner(SampleData.fitf().id(), "FITF envelope signer",
            KeyAlgorithm.EC_P256);
    static final SigningCredential RECIPIENT = ROOT.issueReceiptSigner(SampleData.company().id(),
            "ExampleSocial receipts", KeyAlgorithm.EC_P256);
    static final String OFFICE = SampleData.fitf().id();
    static final String COMPANY = SampleData.company().id();

    static final ComplianceSummary PASS = new ComplianceSummary(Verdict.PASS, SampleData.RULE_SET_ID, "1.0.0",
            Disclosure.digestOf("report"));

    static final List<Disclosure> SHARE_DISCLOSURES = List.of(
            Disclosure.of("no-request-no-obligation", 1, "The FBI is not requesting that the company take any "
                    + "action, and the company is under no obligation to take any action."),
            Disclosure.of("no-adverse-action", 1, "The government will take no adverse action against the company "
                    + "based on its decision about whether or how to respond."),
            Disclosure.of("voluntary-participation", 1, "The company's participation is entirely voluntary."));

    private Fixtures() {}

    static EnvelopeSigner signer() {
        return EnvelopeSigner.builder(SENDER, OFFICE).clock(CLOCK).build();
    }

    static EnvelopeVerifier.Builder verifierBuilder() {
        return EnvelopeVerifier.builder().trustAnchor(ROOT.certificate()).expectedRecipient(COMPANY).clock(CLOCK);
    }

    static EnvelopeVerifier verifier() {
        return verifierBuilder().build();
    }

    static SignedEnvelope signedShare() {
        return signer().sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS, SHARE_DISCLOSURES);
    }

    /** The three members of a flattened JWS. */
    static Map<String, String> members(byte[] serialized) {
        ObjectNode o = (ObjectNode) FmiJson.standard().mapper().readTree(serialized);
        return Map.of("payload", o.get("payload").stringValue(), "protected", o.get("protected").stringValue(),
                "signature", o.get("signature").stringValue());
    }

    static byte[] flattened(String protectedB64, String payloadB64, String signatureB64) {
        return ("{\"payload\":\"" + payloadB64 + "\",\"protected\":\"" + protectedB64 + "\",\"signature\":\""
                + signatureB64 + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Signs arbitrary payload bytes under an arbitrary header with an EC key, bypassing every rule of the SDK's
     * signer, so tests can check that the verifier's own checks hold even when the signature is valid.
     */
    static byte[] signRaw(SigningCredential cred, JWSHeader header, byte[] payload) {
        try {
            JWSObject jws = new JWSObject(header, new Payload(payload));
            ECDSASigner s = new ECDSASigner((ECPrivateKey) cred.privateKey());
            s.getJCAContext().setProvider(CryptoProviders.provider());
            jws.sign(s);
            return flattened(jws.getHeader().toBase64URL().toString(), jws.getPayload().toBase64URL().toString(),
                    jws.getSignature().toString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWSHeader.Builder header(SigningCredential cred) {
        try {
            List<com.nimbusds.jose.util.Base64> x5c = new java.util.ArrayList<>();
            for (var c : cred.chain()) {
                x5c.add(com.nimbusds.jose.util.Base64.encode(c.getEncoded()));
            }
            return new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(new com.nimbusds.jose.JOSEObjectType(EnvelopeSigner.JOSE_TYPE)).x509CertChain(x5c);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
