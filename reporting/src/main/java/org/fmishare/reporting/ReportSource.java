package org.fmishare.reporting;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verified audit log a report was computed from, as the report states it, so that an overseer handed the log
 * can check it is the same one (same entry count and head hash).
 *
 * @param entries entries in the log
 * @param records event records among them
 * @param checkpoints signed checkpoints among them
 * @param head the hash of the last entry
 * @param lastSealedAt when the last checkpoint was signed, if any
 */
public record ReportSource(long entries, long records, int checkpoints, String head, Optional<Instant> lastSealedAt) {
    /** Validates. */
    public ReportSource {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(lastSealedAt, "lastSealedAt");
    }
}
