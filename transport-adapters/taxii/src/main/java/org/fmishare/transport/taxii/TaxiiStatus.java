package org.fmishare.transport.taxii;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TAXII 2.1 status resource, checked for consistency when read (the counts add up, and match the lists the
 * server included).
 *
 * @param id the status id
 * @param complete whether the server finished processing the request ({@code status} is {@code complete})
 * @param totalCount objects in the request
 * @param successCount objects added
 * @param failureCount objects refused
 * @param pendingCount objects not yet processed
 * @param successes details of added objects (may be empty if the server omits them)
 * @param failures details of refused objects
 * @param pendings details of pending objects
 */
public record TaxiiStatus(String id, boolean complete, int totalCount, int successCount, int failureCount,
        int pendingCount, List<Detail> successes, List<Detail> failures, List<Detail> pendings) {
    /** Checks presence, copies, and that the counts add up. */
    public TaxiiStatus {
        Objects.requireNonNull(id, "id");
        successes = List.copyOf(successes);
        failures = List.copyOf(failures);
        pendings = List.copyOf(pendings);
        if (totalCount != successCount + failureCount + pendingCount) {
            throw new IllegalArgumentException("status " + id + ": total_count " + totalCount
                    + " is not success_count + failure_count + pending_count (" + successCount + " + "
                    + failureCount + " + " + pendingCount + ")");
        }
        if (complete && pendingCount != 0) {
            throw new IllegalArgumentException("status " + id + " is complete but has " + pendingCount
                    + " pending objects");
        }
    }

    /**
     * Status details of one object.
     *
     * @param id the object id
     * @param version the object version
     * @param message the server's message, if any
     */
    public record Detail(String id, String version, Optional<String> message) {
        /** Checks presence. */
        public Detail {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(message, "message");
        }
    }
}
