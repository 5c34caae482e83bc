package org.fmishare.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A log that {@link AuditVerifier} walked end to end: every link, sequence number and seal checked. Only a verified
 * log yields its records, so reports built from {@link #records()} rest on checked data.
 *
 * @param entries entries walked (records and checkpoints)
 * @param checkpoints checkpoints among them, all valid
 * @param head the hash of the last entry ({@link AuditEntry#GENESIS} when empty)
 * @param lastCheckpoint the last checkpoint, if any
 * @param unsealedRecords records after the last checkpoint (at most what the verifier allowed)
 * @param records every record, in order
 */
public record AuditVerification(long entries, int checkpoints, String head, Optional<Checkpoint> lastCheckpoint,
        long unsealedRecords, List<AuditRecord> records) {
    /** Validates and copies. */
    public AuditVerification {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(lastCheckpoint, "lastCheckpoint");
        records = List.copyOf(records);
    }

    /** {@return the events of {@link #records()}, in order} */
    public List<AuditEvent> events() {
        return records.stream().map(AuditRecord::event).toList();
    }

    /** {@return a one-line summary, e.g. for a demo or a log line} */
    @Override
    public String toString() {
        return "audit log verified: " + entries + " entries (" + records.size() + " records, " + checkpoints
                + " checkpoints), head " + head
                + lastCheckpoint.map(c -> ", last sealed " + c.sealedAt() + " by " + c.signerSubject()).orElse("")
                + ", " + unsealedRecords + " unsealed";
    }
}
