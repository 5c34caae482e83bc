package org.fmishare.transport.taxii;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a manifest. The manifest has no {@code next}: to read further, query again with
 * {@code added_after} set to {@link #dateAddedLast()}.
 *
 * @param entries the entries
 * @param more whether more entries match
 * @param dateAddedLast the {@code X-TAXII-Date-Added-Last} header, if sent
 */
public record ManifestPage(List<ManifestEntry> entries, boolean more, Optional<Instant> dateAddedLast) {
    /** Copies. */
    public ManifestPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(dateAddedLast, "dateAddedLast");
    }
}
