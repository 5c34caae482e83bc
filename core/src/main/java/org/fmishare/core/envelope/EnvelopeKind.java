package org.fmishare.core.envelope;

import static org.fmishare.core.compliance.ClauseIds.MEETING_NO_CONTENT_DIRECTION;
import static org.fmishare.core.compliance.ClauseIds.NO_ADVERSE_ACTION;
import static org.fmishare.core.compliance.ClauseIds.NO_REQUEST_NO_OBLIGATION;
import static org.fmishare.core.compliance.ClauseIds.VOLUNTARY_PARTICIPATION;

import java.util.Set;

/** What an envelope carries; fixes which body field is present and which disclosures are required by default. */
public enum EnvelopeKind {
    /** A prong-1 threat share ({@link org.fmishare.core.model.ThreatShare}), sent to the company it names. */
    THREAT_SHARE(Set.of(NO_REQUEST_NO_OBLIGATION, NO_ADVERSE_ACTION, VOLUNTARY_PARTICIPATION)),
    /** Notice of a meeting ({@link org.fmishare.core.model.Meeting}), sent to one of its companies. */
    MEETING_NOTICE(Set.of(VOLUNTARY_PARTICIPATION, MEETING_NO_CONTENT_DIRECTION)),
    /** Summary of a briefing ({@link org.fmishare.core.model.Briefing}). */
    BRIEFING_SUMMARY(Set.of(VOLUNTARY_PARTICIPATION)),
    /**
     * A correction or retraction ({@link org.fmishare.core.model.ShareAmendment}) of a share sent earlier, referring
     * to the original share envelope's id and digest. Carries the same disclosures as a share: the company reads that
     * no action is requested, now as then.
     */
    SHARE_AMENDMENT(Set.of(NO_REQUEST_NO_OBLIGATION, NO_ADVERSE_ACTION, VOLUNTARY_PARTICIPATION)),
    /**
     * A signed receipt: the recipient's voluntary response ({@link org.fmishare.core.model.SmcResponse}) referring
     * to the original envelope's digest. Carries no compliance summary and requires no disclosures.
     */
    RECEIPT(Set.of());

    private final Set<String> defaultRequiredDisclosures;

    EnvelopeKind(Set<String> defaultRequiredDisclosures) {
        this.defaultRequiredDisclosures = defaultRequiredDisclosures;
    }

    /** {@return the disclosure clause ids signers and verifiers require for this kind unless configured otherwise} */
    public Set<String> defaultRequiredDisclosures() {
        return defaultRequiredDisclosures;
    }
}
