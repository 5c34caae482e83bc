package org.fmishare.delivery.outbox;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What opening a journal found: how many committed records were replayed and whether a damaged tail was cut off.
 * A damaged tail (a record torn by a crash mid-write, or corrupted bytes) is copied aside before the journal is
 * truncated to its last intact record, so nothing is silently discarded.
 *
 * @param recordsReplayed intact records read
 * @param entries entries in the outbox after replay
 * @param damagedBytes bytes cut off the end of the journal (0 when intact)
 * @param damage what was wrong with the first bad record, if any
 * @param damagedCopy where the cut-off bytes were saved, if any
 */
public record RecoveryReport(long recordsReplayed, int entries, long damagedBytes, Optional<String> damage,
        Optional<Path> damagedCopy) {

    /** Validates. */
    public RecoveryReport {
        Objects.requireNonNull(damage, "damage");
        Objects.requireNonNull(damagedCopy, "damagedCopy");
    }

    /** {@return whether the journal was intact} */
    public boolean intact() {
        return damagedBytes == 0;
    }
}
