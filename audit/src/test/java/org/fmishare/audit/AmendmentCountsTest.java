package org.fmishare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.model.AmendmentKind;
import org.fmishare.core.model.TransportKind;
import org.junit.jupiter.api.Test;

/** The overseer's per-company count of corrections and retractions, each amendment id once. */
class AmendmentCountsTest {
    private static final Instant AT = Instant.parse("2026-10-08T15:00:00Z");

    private static AuditRecord record(long seq, AuditEvent e) {
        return new AuditRecord(seq, AuditEntry.GENESIS, AuditEntry.GENESIS, e);
    }

    private static AuditEvent.ShareAmended amended(String id, AmendmentKind kind, String company, String envelope,
            TransportKind channel) {
        return new AuditEvent.ShareAmended(AT, id, kind, "share-1", envelope, "env-0", company, channel,
                Disclosure.digestOf("reason"), "sop-2024-02", "1.0.0");
    }

    @Test
    void countsEachAmendmentOncePerCompany() {
        AuditVerification verified = new AuditVerification(5, 0, AuditEntry.GENESIS, Optional.empty(), 5, List.of(
                record(0, new AuditEvent.Dispatched(AT, "env-0", AuditSubject.SHARE, "share-1", "smc-b",
                        Prong.ACCOUNT_SHARING, TransportKind.HTTPS, false, "sop-2024-02", "1.0.0", Optional.empty())),
                record(1, amended("amd-1", AmendmentKind.CORRECTION, "smc-b", "env-1", TransportKind.HTTPS)),
                record(2, amended("amd-1", AmendmentKind.CORRECTION, "smc-b", "env-2", TransportKind.EMAIL)),
                record(3, amended("amd-2", AmendmentKind.RETRACTION, "smc-b", "env-3", TransportKind.HTTPS)),
                record(4, amended("amd-3", AmendmentKind.RETRACTION, "smc-a", "env-4", TransportKind.EMAIL))));

        assertThat(AmendmentCounts.byCompany(verified)).containsExactly(new AmendmentCounts("smc-a", 0, 1),
                new AmendmentCounts("smc-b", 1, 1));
    }

    @Test
    void invalidCountsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new AmendmentCounts("smc a", 0, 0)).hasMessageContaining("companyId");
        assertThatThrownBy(() -> new AmendmentCounts("smc-a", -1, 0)).hasMessageContaining("corrections");
    }
}
