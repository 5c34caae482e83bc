package org.fmishare.disclosure;

import java.util.Objects;
import java.util.Optional;

/**
 * The verifier's finding for one mandatory clause.
 *
 * @param id the clause id
 * @param version the clause version the verifier expects
 * @param expectedDigest the digest of the expected canonical text ({@code sha-256:<hex>})
 * @param state what was found
 * @param detail for {@link ClauseState#ALTERED} and {@link ClauseState#MISSING}, a human-readable explanation
 */
public record ClauseResult(String id, int version, String expectedDigest, ClauseState state,
        Optional<String> detail) {

    /** Checks that no component is null. */
    public ClauseResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedDigest, "expectedDigest");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        if (version < 1) {
            throw new IllegalArgumentException("clause " + id + ": version must be at least 1, was " + version);
        }
    }

    /** {@return whether the clause was found intact} */
    public boolean isPresent() {
        return state == ClauseState.PRESENT;
    }
}
