package org.fmishare.transport.taxii;

import java.time.Instant;
import java.util.List;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.fmishare.disclosure.ClauseCatalog;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.transport.taxii.stix.StixShareInput;

/** Mapping inputs built from the SDK's sample data and the real clause catalogue. */
public final class TestShares {
    /** A stand-in JWS JSON serialization: the mapping treats the envelope as opaque text. */
    public static final String JWS = "{\"payload\":\"eyJzaGFyZSI6InNoYXJlLTIwMjYtMDAwMSJ9\",\"signatures\":[{"
            + "\"protected\":\"eyJhbGciOiJFZERTQSJ9\",\"signature\":\"c2lnbmF0dXJl\"}]}";
    public static final String ENVELOPE_ID = "5b8f2c1e-9a47-4d3b-8c21-6f0e4a7d9b12";
    public static final String ENVELOPE_DIGEST = "sha-256:" + "ab".repeat(32);

    private TestShares() {}

    public static List<Disclosure> disclosures() {
        return ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE);
    }

    public static ComplianceSummary compliance() {
        return new ComplianceSummary(Verdict.PASS, SampleData.RULE_SET_ID, "1.0.0", "sha-256:" + "0f".repeat(32));
    }

    /**
     * A NEEDS_REVIEW summary with an approval of the right form: the mapping carries it as it is and never verifies
     * it (receivers do, through the envelope).
     */
    public static ComplianceSummary reviewedCompliance() {
        return new ComplianceSummary(Verdict.NEEDS_REVIEW, SampleData.RULE_SET_ID, "1.0.0", "sha-256:"
                + "0f".repeat(32)).withReview(new ReviewApproval("fitf-reviewer",
                        Instant.parse("2026-10-01T15:30:00Z"), "sha-256:" + "1e".repeat(32),
                        "eyJhbGciOiJFUzI1NiJ9.eyJyZXZpZXdlcklkIjoiZml0Zi1yZXZpZXdlciJ9.c2lnbmF0dXJl"));
    }

    /** The sample share as a reviewed NEEDS_REVIEW share. */
    public static StixShareInput reviewed() {
        ThreatShare share = SampleData.passingShare();
        return new StixShareInput(share, disclosures(), reviewedCompliance(), ENVELOPE_ID, ENVELOPE_DIGEST, JWS,
                share.createdAt().plusSeconds(60));
    }

    public static StixShareInput input(ThreatShare share) {
        return input(share, compliance());
    }

    public static StixShareInput input(ThreatShare share, ComplianceSummary compliance) {
        return new StixShareInput(share, disclosures(), compliance, ENVELOPE_ID, ENVELOPE_DIGEST, JWS,
                share.createdAt().plusSeconds(60));
    }

    public static StixShareInput sample() {
        return input(SampleData.passingShare());
    }
}
