package org.fmishare.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.fmishare.audit.internal.Checks;
import org.fmishare.core.model.AmendmentKind;

/**
 * How many corrections and retractions the office sent one company, from a verified audit log: the overseer's view
 * (the log names companies; the public transparency report never does, so it counts amendments per quarter only).
 * Each amendment id is counted once, however many channels it went over.
 *
 * @param companyId the company
 * @param corrections corrections sent to it
 * @param retractions retractions sent to it
 */
public record AmendmentCounts(String companyId, long corrections, long retractions) {
    /** Validates. */
    public AmendmentCounts {
        Checks.id(companyId, "companyId");
        if (corrections < 0 || retractions < 0) {
            throw new IllegalArgumentException("corrections and retractions must not be negative, were "
                    + corrections + " and " + retractions);
        }
    }

    /**
     * Counts the {@link AuditEvent.ShareAmended} events of a verified log by company.
     *
     * @param verified the verified log
     * @return one entry per company that was sent an amendment, ordered by company id
     */
    public static List<AmendmentCounts> byCompany(AuditVerification verified) {
        Objects.requireNonNull(verified, "verified");
        Map<String, long[]> counts = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (AuditEvent e : verified.events()) {
            if (e instanceof AuditEvent.ShareAmended a && seen.add(a.amendmentId())) {
                counts.computeIfAbsent(a.recipientId(), k -> new long[2])[a.kind() == AmendmentKind.CORRECTION
                        ? 0 : 1]++;
            }
        }
        List<AmendmentCounts> out = new ArrayList<>();
        counts.forEach((company, c) -> out.add(new AmendmentCounts(company, c[0], c[1])));
        return List.copyOf(out);
    }
}
