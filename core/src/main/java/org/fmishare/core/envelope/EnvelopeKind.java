package org.fmishare.core.envelope;

import java.util.Set;

/** What an envelope carries; fixes which body field is present and which disclosures are required by default. */
public enum EnvelopeKind {
    /** A prong-1 threat share ({@link org.fmishare.core.model.ThreatShare}), sent to the company it names. */
    THREAT_SHARE(Set.of("no-request-no-obligation", "no-adverse-action", "voluntary-participation")),
    /** Notice of a meeting ({@link org.fmishare.core.model.Meeting}), sent to one of its companies. */
    MEETING_NOTICE(Set.of("voluntary-participation", "meeting-no-content-direction")),
    /** Summary of a briefing ({@link org.fmishare.core.model.Briefing}). */
    BRIEFING_SUMMARY(Set.of("voluntary-participation")),
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
