package org.fmishare.core.envelope;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a receiver knows about one share: its state and the envelopes that brought it there. Keyed by the sending
 * office and the share id, since share ids are unique per office only.
 *
 * @param senderId the office that sent the share
 * @param shareId the share id
 * @param recipientId the company the share was addressed to
 * @param state active, corrected or retracted
 * @param originals the share envelopes received for this share (a share signed again arrives under a new
 *     envelope); an amendment must name one of them
 * @param lastAmendment the last correction or retraction accepted
 * @param reason the last amendment's reason
 * @param updatedAt the issue time of the envelope that last changed the state
 */
public record ShareStatus(String senderId, String shareId, String recipientId, ShareState state,
        List<EnvelopeReference> originals, Optional<EnvelopeReference> lastAmendment, Optional<String> reason,
        Instant updatedAt) {

    /** Rejects nulls and an empty list of originals, and requires an amendment exactly for amended states. */
    public ShareStatus {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(state, "state");
        originals = List.copyOf(Objects.requireNonNull(originals, "originals"));
        Objects.requireNonNull(lastAmendment, "lastAmendment");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (originals.isEmpty()) {
            throw new IllegalArgumentException("originals must name at least the envelope that brought the share");
        }
        if (lastAmendment.isPresent() == (state == ShareState.ACTIVE)) {
            throw new IllegalArgumentException("lastAmendment must be present exactly for CORRECTED and RETRACTED, "
                    + "state was " + state);
        }
    }
}
