package org.fmishare.transport.https;

import org.fmishare.testkit.TestParties;
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

/** Test material shared by the HTTPS tests: the testkit's two parties, and an unrelated root. */
final class Pki {
    static final TestParties PARTIES = TestParties.create("https test root");
    static final TestPki.Authority CA = PARTIES.ca();
    static final TestPki.Authority OTHER_CA = TestPki.authority("unrelated root");
    static final String COMPANY = PARTIES.companyId();
    static final String OFFICE = PARTIES.officeId();

    static final SigningCredential FITF_SIGNING = PARTIES.officeSigning();
    static final SigningCredential SMC_SIGNING = PARTIES.companySigning();
    static final SigningCredential SERVER_TLS = PARTIES.serverTls();
    static final SigningCredential CLIENT_TLS = PARTIES.clientTls();

    static final EnvelopeSigner FITF = PARTIES.officeSigner();
    static final EnvelopeSigner SMC = PARTIES.companySigner();
    static final ComplianceSummary PASS = TestParties.PASS;
    static final List<Disclosure> DISCLOSURES = TestParties.SHARE_DISCLOSURES;

    private Pki() {}

    /** One validated share, signed into many envelopes (each with its own id and nonce). */
    static SignedEnvelope share() {
        return PARTIES.signedShare();
    }

    static SSLContext serverTls() {
        return TlsContexts.of(SERVER_TLS, List.of(CA.certificate()));
    }

    static SSLContext clientTls() {
        return TlsContexts.of(CLIENT_TLS, List.of(CA.certificate()));
    }

    /** The company's verifier: trusts the demo root, accepts envelopes addressed to the company. */
    static EnvelopeVerifier companyVerifier() {
        return PARTIES.companyVerifier();
    }

    /** The office's receipt verifier: receipts are addressed to the sending office. */
    static EnvelopeVerifier receiptVerifier() {
        return PARTIES.officeVerifier();
    }
}
