package org.fmishare.transport.taxii;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of an object's versions ({@code GET .../objects/{id}/versions/}).
 *
 * @param versions the version timestamps, as the server wrote them
 * @param more whether more versions match
 * @param dateAddedLast the {@code X-TAXII-Date-Added-Last} header, if sent
 */
public record VersionsPage(List<String> versions, boolean more, Optional<Instant> dateAddedLast) {
    /** Copies. */
    public VersionsPage {
        versions = List.copyOf(versions);
        Objects.requireNonNull(dateAddedLast, "dateAddedLast");
    }
}
