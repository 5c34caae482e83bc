package org.fmishare.testkit;

import java.util.List;
import java.util.Objects;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.ShareAmendment;

/**
 * The two parties of every exchange, ready to use in a test: an office (the FITF, {@link SampleData#fitf()}) and a
 * company ({@link SampleData#company()}), each with credentials issued by one development CA, plus the compliance
 * summary and disclosures a signed share needs. The SDK's test trees share this instead of each building its own.
 *
 * <p>Each {@link #create} makes a new CA and new keys; build one per test class and reuse it. Immutable and
 * thread-safe.
 */
public final class TestParties {
    /** A PASS summary under the sample rule set (its report digest stands for a report the test did not run). */
    public static final ComplianceSummary PASS = new ComplianceSummary(Verdict.PASS, SampleData.RULE_SET_ID, "1.0.0",
            Disclosure.digestOf("report"));

    /** The three clauses every share must carry, with short texts. */
    public static final List<Disclosure> SHARE_DISCLOSURES = List.of(
            Disclosure.of("no-request-no-obligation", 1, "No request."),
            Disclosure.of("no-adverse-action", 1, "No adverse action."),
            Disclosure.of("voluntary-participation", 1, "Voluntary."));

    private final TestPki.Authority ca;
    private final SigningCredential officeSigning;
    private final SigningCredential companySigning;
    private final SigningCredential serverTls;
    private final SigningCredential clientTls;

    private TestParties(TestPki.Authority ca) {
        this.ca = ca;
        this.officeSigning = ca.issueEnvelopeSigner(SampleData.fitf().id(), "FITF envelope signer",
                KeyAlgorithm.EC_P256);
        this.companySigning = ca.issueReceiptSigner(SampleData.company().id(), "SMC receipt signer",
                KeyAlgorithm.EC_P256);
        this.serverTls = ca.issueTls("smc receiver", KeyAlgorithm.EC_P256, List.of("localhost"),
                List.of("127.0.0.1", "::1"));
        this.clientTls = ca.issueTls("fitf sender", KeyAlgorithm.EC_P256, List.of("fitf.example"), List.of());
    }

    /**
     * A new CA with the parties' credentials.
     *
     * @param caName the CA's common name (names in test output which test made it)
     * @return the parties
     */
    public static TestParties create(String caName) {
        return new TestParties(TestPki.authority(Objects.requireNonNull(caName, "caName")));
    }

    /** {@return the development CA every credential here chains to} */
    public TestPki.Authority ca() {
        return ca;
    }

    /** {@return the office's id, {@code fitf}} */
    public String officeId() {
        return SampleData.fitf().id();
    }

    /** {@return the company's id} */
    public String companyId() {
        return SampleData.company().id();
    }

    /** {@return the office's envelope-signing credential (envelope-signing purpose, bound to the office's id)} */
    public SigningCredential officeSigning() {
        return officeSigning;
    }

    /** {@return the company's receipt-signing credential (receipt purpose, bound to the company's id)} */
    public SigningCredential companySigning() {
        return companySigning;
    }

    /** {@return a TLS server credential for {@code localhost}, {@code 127.0.0.1} and {@code ::1}} */
    public SigningCredential serverTls() {
        return serverTls;
    }

    /** {@return a TLS client credential for the office} */
    public SigningCredential clientTls() {
        return clientTls;
    }

    /** {@return a signer speaking for the office} */
    public EnvelopeSigner officeSigner() {
        return EnvelopeSigner.builder(officeSigning, officeId()).build();
    }

    /** {@return a signer speaking for the company (receipts)} */
    public EnvelopeSigner companySigner() {
        return EnvelopeSigner.builder(companySigning, companyId()).build();
    }

    /** {@return the sample share, signed by the office (a new envelope id and nonce on every call)} */
    public SignedEnvelope signedShare() {
        return officeSigner().sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS, SHARE_DISCLOSURES);
    }

    /**
     * A correction or retraction of the share an envelope of this office carried, signed by the office under the
     * fixed PASS summary (as {@link #signedShare()}; production signs through the SOP validator's preparer).
     *
     * @param amendment the amendment, for example {@link SampleData#retraction()}
     * @param original the envelope that carried the share
     * @return the signed amendment
     */
    public SignedEnvelope signedAmendment(ShareAmendment amendment, OutboundEnvelope original) {
        return officeSigner().sign(EnvelopeBody.Amendment.of(amendment, original), PASS, SHARE_DISCLOSURES);
    }

    /** {@return the company's verifier: trusts this CA, accepts envelopes addressed to the company} */
    public EnvelopeVerifier companyVerifier() {
        return EnvelopeVerifier.builder().trustAnchor(ca.certificate()).expectedRecipient(companyId()).build();
    }

    /** {@return the office's receipt verifier: trusts this CA, accepts receipts addressed to the office} */
    public EnvelopeVerifier officeVerifier() {
        return EnvelopeVerifier.builder().trustAnchor(ca.certificate()).expectedRecipient(officeId()).build();
    }
}
