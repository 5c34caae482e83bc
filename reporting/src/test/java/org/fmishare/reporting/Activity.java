package org.fmishare.reporting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.fmishare.audit.AuditEvent;
import org.fmishare.audit.AuditLog;
import org.fmishare.audit.AuditStore;
import org.fmishare.audit.AuditSubject;
import org.fmishare.audit.AuditVerification;
import org.fmishare.audit.AuditVerifier;
import org.fmishare.audit.FileAuditStore;
import org.fmishare.audit.MeetingLeadership;
import org.fmishare.audit.Prong;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.core.model.AdHocTrigger;
import org.fmishare.core.model.MeetingKind;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.TransportKind;

/**
 * Two quarters of fictional activity written to a real, sealed audit log, with known counts:
 *
 * <pre>
 * 2026-Q3: 15 shares (HTTPS 11, EMAIL 3, TAXII 1; 12 with election nexus; all sop-2024-02 v1.0.0) and 2 meeting
 *          notices (EMAIL, no nexus, v1.0.0); 16 delivered, 1 dead letter; meetings: 3 regular under FITF oversight,
 *          1 ad hoc on a company request led by the FITF; responses 10 acknowledged, 3 none, 2 declined;
 *          3 shares blocked (P1-FITF-COORDINATION twice, P1-CONFIDENCE three times).
 * 2026-Q4: 25 shares (HTTPS 20, TAXII 5; all with election nexus; 15 v1.0.0, 10 v1.1.0); 25 delivered;
 *          meetings: 10 regular with FITF participating, 1 ad hoc imminent threat FITF-led, 1 ad hoc multiple
 *          threats under FITF oversight; responses 20 acknowledged, 5 took independent action; none blocked.
 * </pre>
 */
final class Activity {
    static final TestPki.Authority ROOT = TestPki.authority("fmi-share Reporting Test Root", KeyAlgorithm.EC_P256,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-12-31T00:00:00Z"));
    static final SigningCredential SEALER = ROOT.issueAuditSealer("fitf", "FITF audit sealer", KeyAlgorithm.EC_P256);
    static final Instant SEALED_AT = Instant.parse("2026-12-31T23:00:00Z");
    private static final String DIGEST = "sha-256:" + "c".repeat(64);

    private Activity() {}

    static AuditVerification verifiedLog(Path dir) {
        try (AuditStore store = FileAuditStore.open(dir.resolve("audit.jsonl"))) {
            try (AuditLog log = AuditLog.builder(store, SEALER).sealEvery(25)
                    .clock(Clock.fixed(SEALED_AT, ZoneOffset.UTC)).build()) {
                write(log);
            }
            // Verified an hour after the (fixed) sealing time, inside the test PKI's validity.
            return AuditVerifier.builder().trustAnchor(ROOT.certificate()).sealer("fitf")
                    .clock(Clock.fixed(SEALED_AT.plusSeconds(3600), ZoneOffset.UTC)).build().verify(store);
        }
    }

    static void write(AuditLog log) {
        Instant q3 = Instant.parse("2026-07-15T12:00:00Z");
        Instant q4 = Instant.parse("2026-10-15T12:00:00Z");
        int n = 0;
        for (int i = 0; i < 15; i++) {
            TransportKind ch = i < 11 ? TransportKind.HTTPS : i < 14 ? TransportKind.EMAIL : TransportKind.TAXII;
            share(log, q3.plusSeconds(n++), "q3-" + i, ch, i < 12, "1.0.0");
        }
        for (int i = 0; i < 2; i++) {
            log.append(new AuditEvent.Dispatched(q3.plusSeconds(n++), "env-q3-m" + i, AuditSubject.MEETING,
                    "meeting-q3-" + i, "smc-a", Prong.MEETINGS, TransportKind.EMAIL, false, "sop-2024-02", "1.0.0"));
        }
        for (int i = 0; i < 17; i++) {
            log.append(i < 16 ? new AuditEvent.Delivered(q3.plusSeconds(n++), "env-q3-" + i, DIGEST)
                    : new AuditEvent.DeadLettered(q3.plusSeconds(n++), "env-q3-" + i, "HTTP 403"));
        }
        for (int i = 0; i < 3; i++) {
            meeting(log, q3.plusSeconds(n++), "q3-r" + i, MeetingKind.REGULAR, null,
                    MeetingLeadership.FIELD_OFFICE_FITF_OVERSIGHT);
        }
        meeting(log, q3.plusSeconds(n++), "q3-a", MeetingKind.AD_HOC, AdHocTrigger.SMC_REQUEST,
                MeetingLeadership.FITF_LED);
        for (int i = 0; i < 15; i++) {
            ResponseKind k = i < 10 ? ResponseKind.ACKNOWLEDGED : i < 13 ? ResponseKind.NO_RESPONSE
                    : ResponseKind.DECLINED;
            log.append(new AuditEvent.SmcResponded(q3.plusSeconds(n++), "resp-q3-" + i, "share-q3-" + i,
                    "smc-" + (char) ('a' + i % 3), k));
        }
        List<List<String>> failures = List.of(List.of("P1-FITF-COORDINATION", "P1-CONFIDENCE"),
                List.of("P1-FITF-COORDINATION", "P1-CONFIDENCE"), List.of("P1-CONFIDENCE"));
        for (int i = 0; i < failures.size(); i++) {
            log.append(new AuditEvent.Validated(q3.plusSeconds(n++), AuditSubject.SHARE, "share-q3-blocked-" + i,
                    Verdict.FAIL, "sop-2024-02", "1.0.0", DIGEST, failures.get(i)));
        }
        // A passing validation is not a block.
        log.append(new AuditEvent.Validated(q3.plusSeconds(n++), AuditSubject.SHARE, "share-q3-0", Verdict.PASS,
                "sop-2024-02", "1.0.0", DIGEST, List.of()));

        for (int i = 0; i < 25; i++) {
            // The last twelve needed review and went out with a reviewer's approval.
            share(log, q4.plusSeconds(n++), "q4-" + i, i < 20 ? TransportKind.HTTPS : TransportKind.TAXII, true,
                    i < 15 ? "1.0.0" : "1.1.0", i >= 13 ? Optional.of("fitf-reviewer") : Optional.empty());
            log.append(new AuditEvent.Delivered(q4.plusSeconds(n++), "env-q4-" + i, DIGEST));
        }
        for (int i = 0; i < 10; i++) {
            meeting(log, q4.plusSeconds(n++), "q4-r" + i, MeetingKind.REGULAR, null,
                    MeetingLeadership.FIELD_OFFICE_FITF_PARTICIPATING);
        }
        meeting(log, q4.plusSeconds(n++), "q4-i", MeetingKind.AD_HOC, AdHocTrigger.IMMINENT_THREAT,
                MeetingLeadership.FITF_LED);
        meeting(log, q4.plusSeconds(n++), "q4-m", MeetingKind.AD_HOC, AdHocTrigger.MULTIPLE_THREATS_EMERGING,
                MeetingLeadership.FIELD_OFFICE_FITF_OVERSIGHT);
        for (int i = 0; i < 25; i++) {
            log.append(new AuditEvent.SmcResponded(q4.plusSeconds(n++), "resp-q4-" + i, "share-q4-" + i, "smc-a",
                    i < 20 ? ResponseKind.ACKNOWLEDGED : ResponseKind.TOOK_INDEPENDENT_ACTION));
        }
    }

    private static void share(AuditLog log, Instant at, String id, TransportKind channel, boolean nexus,
            String version) {
        share(log, at, id, channel, nexus, version, Optional.empty());
    }

    private static void share(AuditLog log, Instant at, String id, TransportKind channel, boolean nexus,
            String version, Optional<String> reviewedBy) {
        log.append(new AuditEvent.Dispatched(at, "env-" + id, AuditSubject.SHARE, "share-" + id, "smc-a",
                Prong.ACCOUNT_SHARING, channel, nexus, "sop-2024-02", version, reviewedBy));
    }

    private static void meeting(AuditLog log, Instant at, String id, MeetingKind kind, AdHocTrigger trigger,
            MeetingLeadership leadership) {
        log.append(new AuditEvent.MeetingHeld(at, "meeting-" + id, List.of("smc-a"), kind,
                Optional.ofNullable(trigger), leadership));
    }
}
