package org.fmishare.delivery.outbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What opening a journal found: how many records were replayed, what was damaged, and which envelopes that damage
 * cost. Damaged bytes are never simply discarded: a torn tail is copied aside before the journal is truncated, and
 * a journal damaged anywhere else is kept whole as the copy while the journal is rewritten from what survived.
 *
 * @param recordsReplayed intact records read
 * @param entries entries in the outbox after replay
 * @param damagedBytes bytes in damaged frames, including a cut-off tail (0 when intact)
 * @param damage every problem found, in file order, joined with {@code "; "} (empty when intact)
 * @param damagedCopy where the damaged bytes (a cut tail, or the whole damaged original) were saved, if any
 * @param lostEnvelopeIds envelopes a damaged or torn record belonged to that are no longer in the outbox, sorted:
 *     they must be queued again from their source
 * @param revertedEnvelopeIds envelopes still in the outbox whose later state change was in a damaged or torn record,
 *     sorted: they are in an earlier state (for example QUEUED again after a lost delivery record, which is harmless
 *     because receivers dedupe on the envelope id)
 * @param unidentifiedDamagedRegions damaged regions in the middle of the journal whose envelope could not be
 *     identified at all (only possible when more than one part of a frame is damaged); when not 0, an envelope may
 *     have been lost without being named
 */
public record RecoveryReport(long recordsReplayed, int entries, long damagedBytes, Optional<String> damage,
        Optional<Path> damagedCopy, List<String> lostEnvelopeIds, List<String> revertedEnvelopeIds,
        int unidentifiedDamagedRegions) {

    /** Validates and copies the lists. */
    public RecoveryReport {
        Objects.requireNonNull(damage, "damage");
        Objects.requireNonNull(damagedCopy, "damagedCopy");
        lostEnvelopeIds = List.copyOf(lostEnvelopeIds);
        revertedEnvelopeIds = List.copyOf(revertedEnvelopeIds);
        if (recordsReplayed < 0 || entries < 0 || damagedBytes < 0 || unidentifiedDamagedRegions < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** {@return whether the journal was intact} */
    public boolean intact() {
        return damage.isEmpty();
    }

    /**
     * {@return whether every envelope recorded in the journal is still in the outbox}: no envelope was named lost
     * and no damaged region went unidentified. Entries may still have reverted to an earlier state.
     */
    public boolean nothingLost() {
        return lostEnvelopeIds.isEmpty() && unidentifiedDamagedRegions == 0;
    }
}
