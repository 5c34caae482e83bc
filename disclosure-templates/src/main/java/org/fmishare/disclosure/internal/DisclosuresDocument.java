package org.fmishare.disclosure.internal;

import java.util.List;
import java.util.Objects;
import org.fmishare.core.compliance.Disclosure;

/**
 * The machine-readable document {@code {"disclosures":[...]}} as Jackson binds it.
 *
 * @param disclosures the clauses
 */
public record DisclosuresDocument(List<Disclosure> disclosures) {
    /** Copies the list; a missing array is rejected. */
    public DisclosuresDocument {
        disclosures = List.copyOf(Objects.requireNonNull(disclosures, "disclosures"));
    }
}
