package org.fmishare.transport.https;

import java.util.List;
import org.fmishare.core.envelope.EnvelopeBody;
import javax.net.ssl.SSLContext;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.testkit.SampleData;

/** Test material shared by the HTTPS tests: one demo root, signing and TLS credentials for both parties. */
final class Pki {
    static final TestPki.Authority CA = TestPki.authority("https test root");
    static final TestPki.Authority OTHER_CA = TestPki.authority("unrelated root");
    static final String COMPANY = SampleData.passingShare().recipient().id();
    static final String OFFICE = SampleData.passingShare().sendingOffice().id();

    static final SigningCredential FITF_SIGNING = CA.issueEnvelopeSigner(OFFICE, "FITF envelope signer",
            KeyAlgorithm.EC_P256);
    static final SigningCredential SMC_SIGNING = CA.issueReceiptSigner(COMPANY, "SMC receipt signer",
            KeyAlgorithm.EC_P256);
    static final SigningCredential SERVER_TLS = CA.issueTls("smc receiver", KeyAlgorithm.EC_P256,
            List.of("localhost"), List.of("127.0.0.1", "::1"));
    static final SigningCredential CLIENT_TLS = CA.issueTls("fitf sender", KeyAlgorithm.EC_P256,
            List.of("fitf.example"), List.of());

    static final EnvelopeSigner FITF = EnvelopeSigner.builder(FITF_SIGNING, OFFICE).build();
    static final EnvelopeSigner SMC = EnvelopeSigner.builder(SMC_SIGNING, COMPANY).build();
    static final ComplianceSummary PASS = new ComplianceSummary(Verdict.PASS, SampleData.RULE_SET_ID, "1.0.0",
            Disclosure.digestOf("report"));
    static final List<Disclosure> DISCLOSURES = List.of(Disclosure.of("no-request-no-obligation", 1, "No request."),
            Disclosure.of("no-adverse-action", 1, "No adverse action."),
            Disclosure.of("voluntary-participation", 1, "Voluntary."));

    private Pki() {}

    /** One validated share, signed into many envelopes (each with its own id and nonce). */
    private static final org.fmishare.core.model.ThreatShare SHARE = SampleData.passingShare();

    static SignedEnvelope share() {
        return FITF.sign(new EnvelopeBody.Share(SHARE), PASS, DISCLOSURES);
    }

    static SSLContext serverTls() {
        return TlsContexts.of(SERVER_TLS, List.of(CA.certificate()));
    }

    static SSLContext clientTls() {
        return TlsContexts.of(CLIENT_TLS, List.of(CA.certificate()));
    }

    /** The company's verifier: trusts the demo root, accepts envelopes addressed to the company. */
    static EnvelopeVerifier companyVerifier() {
        return EnvelopeVerifier.builder().trustAnchor(CA.certificate()).expectedRecipient(COMPANY).build();
    }

    /** The office's receipt verifier: receipts are addressed to the sending office. */
    static EnvelopeVerifier receiptVerifier() {
        return EnvelopeVerifier.builder().trustAnchor(CA.certificate()).expectedRecipient(OFFICE).build();
    }
}
