package org.fmishare.core.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * A correction or retraction of a share the office sent earlier, for example when an account turns out to belong to
 * a U.S. person. It names the share it amends by id and keeps the share's sender, recipient, handling marking and
 * rule set, so an amendment cannot travel to another company, under a weaker marking, or under other rules than the
 * share did. A correction carries the whole corrected share (same id); a retraction carries none.
 *
 * <p>The reason is free text the company reads; the SOP validator requires it to be non-blank and lints it for
 * coercion like every other text that reaches the company. Use {@link #correction} and {@link #retraction}, which
 * derive every shared field from the share itself.
 *
 * @param id this amendment's own identifier
 * @param kind correction or retraction
 * @param shareId the id of the share amended
 * @param createdAt when the amendment was prepared
 * @param sendingOffice the office that sent the share (and sends the amendment)
 * @param recipient the company the share went to
 * @param handling the share's TLP 2.0 marking (for a correction, the corrected share's)
 * @param reason why the share is corrected or retracted, in words the company reads
 * @param correctedShare the corrected share, present exactly for a correction
 * @param ruleSetId the SOP rule set the amendment is validated under (the share's)
 */
public record ShareAmendment(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotNull AmendmentKind kind,
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String shareId,
        @NotNull Instant createdAt,
        @NotNull Office sendingOffice,
        @NotNull SocialMediaCompany recipient,
        @NotNull TlpMarking handling,
        @NotNull @Size(max = Limits.TEXT) String reason,
        @NotNull Optional<ThreatShare> correctedShare,
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String ruleSetId) {

    /** Validates the fields and that a correction's share is the same share (id, sender, recipient, rules). */
    public ShareAmendment {
        correctedShare = ModelChecks.optional(correctedShare);
        ModelChecks.validate(ShareAmendment.class, id, kind, shareId, createdAt, sendingOffice, recipient, handling,
                reason, correctedShare, ruleSetId);
        if (correctedShare.isPresent() != (kind == AmendmentKind.CORRECTION)) {
            throw InvalidModelException.of("ShareAmendment", "correctedShare", "present-exactly-for-correction",
                    "must be present for a CORRECTION and absent for a RETRACTION, was "
                    + (correctedShare.isPresent() ? "present" : "absent") + " for a " + kind);
        }
        if (correctedShare.isPresent()) {
            ThreatShare s = correctedShare.get();
            same("correctedShare.id", s.id(), "shareId", shareId);
            same("correctedShare.sendingOffice.id", s.sendingOffice().id(), "sendingOffice.id", sendingOffice.id());
            same("correctedShare.recipient.id", s.recipient().id(), "recipient.id", recipient.id());
            same("correctedShare.handling", s.handling().name(), "handling", handling.name());
            same("correctedShare.ruleSetId", s.ruleSetId(), "ruleSetId", ruleSetId);
        }
    }

    /**
     * A correction: the corrected share replaces the share with the same id.
     *
     * @param id the amendment's id
     * @param createdAt when it was prepared
     * @param corrected the corrected share (same id, sender and recipient as the share sent)
     * @param reason what changed and why
     * @return the correction
     */
    public static ShareAmendment correction(String id, Instant createdAt, ThreatShare corrected, String reason) {
        Objects.requireNonNull(corrected, "corrected");
        return new ShareAmendment(id, AmendmentKind.CORRECTION, corrected.id(), createdAt, corrected.sendingOffice(),
                corrected.recipient(), corrected.handling(), reason, Optional.of(corrected), corrected.ruleSetId());
    }

    /**
     * A retraction of a share.
     *
     * @param id the amendment's id
     * @param createdAt when it was prepared
     * @param original the share retracted, as it was sent
     * @param reason why the office withdraws it
     * @return the retraction
     */
    public static ShareAmendment retraction(String id, Instant createdAt, ThreatShare original, String reason) {
        Objects.requireNonNull(original, "original");
        return new ShareAmendment(id, AmendmentKind.RETRACTION, original.id(), createdAt, original.sendingOffice(),
                original.recipient(), original.handling(), reason, Optional.empty(), original.ruleSetId());
    }

    private static void same(String field, String value, String otherField, String other) {
        if (!value.equals(other)) {
            throw InvalidModelException.of("ShareAmendment", field, "same-share", "'" + value + "' must equal "
                    + otherField + " '" + other + "': a correction replaces the same share for the same company");
        }
    }
}
