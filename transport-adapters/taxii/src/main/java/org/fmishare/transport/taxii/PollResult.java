package org.fmishare.transport.taxii;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading objects page by page.
 *
 * @param objectCount how many objects were handed to the consumer
 * @param pages how many pages were requested
 * @param dateAddedLast the last page's {@code X-TAXII-Date-Added-Last} header: use it as {@code added_after} of the
 *     next poll (never the objects' {@code modified}); absent when the server sent none (for example no objects)
 */
public record PollResult(long objectCount, int pages, Optional<Instant> dateAddedLast) {
    /** Checks presence and ranges. */
    public PollResult {
        Objects.requireNonNull(dateAddedLast, "dateAddedLast");
        if (objectCount < 0 || pages < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
