package org.fmishare.transport.taxii;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.envelope.ShareStatus;
import org.fmishare.core.envelope.VerifiedEnvelope;

/**
 * What one {@link TaxiiPuller#pull} found: one entry per version of each share's report (the share, signed once or
 * again, then its corrections and retractions, in version order), and the reports passed over.
 *
 * @param entries one per report version pulled
 * @param skipped reports that are not fmi-share reports, or claim a share at another id
 */
public record TaxiiPull(List<Entry> entries, List<Skipped> skipped) {

    /** Copies the lists. */
    public TaxiiPull {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
    }

    /** What a report version carries. */
    public enum Step {
        /** A share envelope: the share, or the share signed again. */
        SHARE,
        /** A correction: new versions of the share's objects with the corrected content. */
        CORRECTION,
        /** A retraction: the share's objects revoked. */
        RETRACTION
    }

    /** What became of a report version. */
    public enum Outcome {
        /** Verified and applied: the share's state changed (a share first seen, a correction, a retraction). */
        APPLIED,
        /** Verified, and already applied before (a repeated pull), or overtaken by a later amendment applied before. */
        UNCHANGED,
        /** Verified, but it amends a share envelope this puller's share states do not hold. */
        ORPHANED,
        /** Refused: the envelope failed verification, or the STIX objects do not say what it signs. */
        REJECTED
    }

    /**
     * One report version and what became of it.
     *
     * @param shareId the share the report is for
     * @param reportId the report's STIX id
     * @param version the version's {@code modified}
     * @param step what the version carries, as its extension claims (confirmed by the envelope when verified)
     * @param outcome what became of it
     * @param envelope the verified envelope, unless rejected
     * @param status the share's state after this version, when the share states hold the share
     * @param problem why it was rejected or is orphaned
     */
    public record Entry(String shareId, String reportId, String version, Step step, Outcome outcome,
            Optional<VerifiedEnvelope> envelope, Optional<ShareStatus> status, Optional<String> problem) {
        /** Rejects nulls, and requires an envelope exactly when verified and a problem exactly when not applied. */
        public Entry {
            Objects.requireNonNull(shareId, "shareId");
            Objects.requireNonNull(reportId, "reportId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(problem, "problem");
            if (envelope.isPresent() == (outcome == Outcome.REJECTED)) {
                throw new IllegalArgumentException("envelope must be present exactly for verified versions, outcome "
                        + "was " + outcome);
            }
            boolean problemExpected = outcome == Outcome.REJECTED || outcome == Outcome.ORPHANED;
            if (problem.isPresent() != problemExpected) {
                throw new IllegalArgumentException("problem must be present exactly for REJECTED and ORPHANED, "
                        + "outcome was " + outcome);
            }
        }

        /** {@return whether the version's envelope verified and its STIX objects say what it signs} */
        public boolean verified() {
            return outcome != Outcome.REJECTED;
        }
    }

    /**
     * A report passed over.
     *
     * @param objectId the report's STIX id
     * @param reason why
     */
    public record Skipped(String objectId, String reason) {
        /** Rejects nulls. */
        public Skipped {
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** {@return the shares pulled, in the order first seen} */
    public List<String> shareIds() {
        Set<String> ids = new LinkedHashSet<>();
        entries.forEach(e -> ids.add(e.shareId()));
        return List.copyOf(ids);
    }

    /** {@return the shares with at least one rejected report version} */
    public List<String> rejectedShares() {
        Set<String> ids = new LinkedHashSet<>();
        entries.stream().filter(e -> e.outcome() == Outcome.REJECTED).forEach(e -> ids.add(e.shareId()));
        return List.copyOf(ids);
    }

    /** {@return the verified corrections (applied now or before, or orphaned)} */
    public long corrections() {
        return count(Step.CORRECTION);
    }

    /** {@return the verified retractions (applied now or before, or orphaned)} */
    public long retractions() {
        return count(Step.RETRACTION);
    }

    /** {@return the verified amendments that amend a share envelope the share states do not hold} */
    public long orphaned() {
        return entries.stream().filter(e -> e.outcome() == Outcome.ORPHANED).count();
    }

    /** {@return the report versions rejected} */
    public long rejected() {
        return entries.stream().filter(e -> e.outcome() == Outcome.REJECTED).count();
    }

    /** {@return the report versions whose state change was applied by this pull} */
    public long applied() {
        return entries.stream().filter(e -> e.outcome() == Outcome.APPLIED).count();
    }

    private long count(Step step) {
        return entries.stream().filter(e -> e.step() == step && e.verified()).count();
    }
}
