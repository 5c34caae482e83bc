package org.fmishare.delivery;

import java.net.URI;
import java.util.Objects;
import java.util.Set;
import org.fmishare.core.model.TlpMarking;

/**
 * What the sending office knows about one receiving company for handling purposes: the highest TLP 2.0 marking the
 * company may receive and, when that is TLP:RED, the named recipients (destinations) that may receive RED material.
 * The {@link Dispatcher} is given one record per company and refuses, before any I/O, an envelope marked above the
 * company's clearance or a TLP:RED envelope to a destination the record does not name.
 *
 * <p>TLP:RED is for named recipients only, so a RED clearance without names cannot be written down, and a clearance
 * below RED names nobody (names would suggest a RED permission the record does not give).
 *
 * @param companyId the company's id, as envelopes name their recipient
 * @param highestTlp the highest marking the company may receive
 * @param redRecipients the destinations that may receive TLP:RED envelopes: non-empty exactly when
 *     {@code highestTlp} is RED; compared as URIs (scheme and host case-insensitive)
 */
public record CompanyRecord(String companyId, TlpMarking highestTlp, Set<URI> redRecipients) {

    /** Validates: a non-blank id, and named recipients exactly for a TLP:RED clearance. */
    public CompanyRecord {
        Objects.requireNonNull(companyId, "companyId");
        if (companyId.isBlank()) {
            throw new IllegalArgumentException("CompanyRecord.companyId must not be blank");
        }
        Objects.requireNonNull(highestTlp, "highestTlp");
        redRecipients = Set.copyOf(Objects.requireNonNull(redRecipients, "redRecipients"));
        if (highestTlp == TlpMarking.RED && redRecipients.isEmpty()) {
            throw new IllegalArgumentException("CompanyRecord.redRecipients of " + companyId + " must name at "
                    + "least one recipient for a TLP:RED clearance (rule red-names-recipients)");
        }
        if (highestTlp != TlpMarking.RED && !redRecipients.isEmpty()) {
            throw new IllegalArgumentException("CompanyRecord.redRecipients of " + companyId + " must be empty for a "
                    + "clearance of " + highestTlp.label() + " (rule red-recipients-only-with-red)");
        }
        for (URI r : redRecipients) {
            if (!r.isAbsolute()) {
                throw new IllegalArgumentException("CompanyRecord.redRecipients of " + companyId + " must be absolute "
                        + "URIs, was " + r);
            }
        }
    }

    /**
     * A company cleared up to a marking below TLP:RED.
     *
     * @param companyId the company's id
     * @param highestTlp its clearance; not RED (use {@link #red})
     * @return the record
     */
    public static CompanyRecord upTo(String companyId, TlpMarking highestTlp) {
        return new CompanyRecord(companyId, highestTlp, Set.of());
    }

    /**
     * A company cleared for TLP:RED at the named destinations only.
     *
     * @param companyId the company's id
     * @param namedRecipients the destinations that may receive TLP:RED envelopes (at least one)
     * @return the record
     */
    public static CompanyRecord red(String companyId, Set<URI> namedRecipients) {
        return new CompanyRecord(companyId, TlpMarking.RED, namedRecipients);
    }

    /**
     * Whether the company may receive material with this marking at this destination.
     *
     * @param marking the envelope's marking
     * @param destination where it would go
     * @return true when the marking is at most the clearance, and for TLP:RED the destination is named
     */
    public boolean permits(TlpMarking marking, URI destination) {
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(destination, "destination");
        // TlpMarking declares its levels from least to most restrictive, so declaration order is the TLP order.
        if (marking.compareTo(highestTlp) > 0) {
            return false;
        }
        // URI.equals ignores the case of scheme and host; any other difference names another recipient.
        return marking != TlpMarking.RED || redRecipients.contains(destination);
    }
}
