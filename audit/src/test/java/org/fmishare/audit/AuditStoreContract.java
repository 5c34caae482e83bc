package org.fmishare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.core.model.AdHocTrigger;
import org.fmishare.core.model.MeetingKind;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link AuditStore} must show under an {@link AuditLog} and the {@link AuditVerifier}, including
 * detection of each kind of tampering with the stored entries. Subclasses open the store and can rewrite its raw
 * entries the way an insider with database or file access could.
 */
abstract class AuditStoreContract {
    static final Instant PKI_FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant PKI_TO = Instant.parse("2027-12-31T00:00:00Z");
    static final TestPki.Authority ROOT = TestPki.authority("fmi-share Audit Test Root", KeyAlgorithm.EC_P256,
            PKI_FROM, PKI_TO);
    static final SigningCredential SEALER = ROOT.issueAuditSealer("fitf", "FITF audit sealer", KeyAlgorithm.EC_P256);
    static final SigningCredential ENVELOPE_SIGNER = ROOT.issueEnvelopeSigner("fitf", "FITF envelope signer",
            KeyAlgorithm.EC_P256);
    static final TestPki.Authority OTHER_ROOT = TestPki.authority("Untrusted Root", KeyAlgorithm.EC_P256,
            PKI_FROM, PKI_TO);
    static final Instant T0 = Instant.parse("2026-10-01T15:00:00Z");

    /** Opens the store under test (the same underlying data each time). */
    abstract AuditStore open();

    /** Replaces every stored entry with these, bypassing the log. */
    abstract void rewrite(AuditStore store, List<byte[]> entries);

    static X509Certificate anchor() {
        return ROOT.certificate();
    }

    /** A verifier for the office's seals, at a clock two hours after the test events (inside the PKI's validity). */
    static AuditVerifier.Builder verifier(X509Certificate anchor) {
        return AuditVerifier.builder().trustAnchor(anchor).sealer("fitf")
                .clock(Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC));
    }

    static AuditVerification verify(AuditStore store, X509Certificate anchor) {
        return verifier(anchor).build().verify(store);
    }

    static AuditLog log(AuditStore store, int sealEvery) {
        return AuditLog.builder(store, SEALER).sealEvery(sealEvery).clock(Clock.fixed(T0.plusSeconds(3600),
                ZoneOffset.UTC)).build();
    }

    static List<AuditEvent> events(int n) {
        List<AuditEvent> out = new ArrayList<>();
        ComplianceSummary pass = new ComplianceSummary(Verdict.PASS, "sop-2024-02", "1.0.0", "sha-256:" + "a".repeat(64));
        for (int i = 0; i < n; i++) {
            Instant at = T0.plusSeconds(i);
            out.add(switch (i % 5) {
                case 0 -> AuditEvent.Validated.ofShare(SampleData.passingShare(), pass, List.of(), at);
                case 1 -> new AuditEvent.SendAttempted(at, "env-" + i, 1);
                case 2 -> new AuditEvent.Delivered(at, "env-" + i, "sha-256:" + "b".repeat(64));
                case 3 -> new AuditEvent.SmcResponded(at, "resp-" + i, "share-1", "smc-x", ResponseKind.DECLINED);
                default -> new AuditEvent.MeetingHeld(at, "m-" + i, List.of("smc-x"), MeetingKind.AD_HOC,
                        Optional.of(AdHocTrigger.IMMINENT_THREAT), MeetingLeadership.FIELD_OFFICE_FITF_OVERSIGHT);
            });
        }
        return out;
    }

    /** 10 records sealed every 4: entries r0 r1 r2 r3 C4 r5 r6 r7 r8 C9 r10 r11 C12. */
    AuditStore written() {
        AuditStore store = open();
        try (AuditLog log = log(store, 4)) {
            events(10).forEach(log::append);
        }
        return store;
    }

    static List<byte[]> raw(AuditStore store) {
        return new ArrayList<>(store.read(0, Integer.MAX_VALUE));
    }

    @Test
    void sealedLogVerifiesAndReturnsEveryEventInOrder() {
        try (AuditStore store = written()) {
            AuditVerification v = verify(store, anchor());
            assertThat(v.entries()).isEqualTo(13);
            assertThat(v.checkpoints()).isEqualTo(3);
            assertThat(v.unsealedRecords()).isZero();
            assertThat(v.events()).isEqualTo(events(10));
            assertThat(v.lastCheckpoint()).get().extracting(Checkpoint::sequence).isEqualTo(12L);
            assertThat(v.lastCheckpoint().get().signerSubject()).contains("FITF audit sealer");
            assertThat(v.toString()).startsWith("audit log verified: 13 entries (10 records, 3 checkpoints)");
        }
    }

    @Test
    void reopenedLogContinuesTheChainAndItsSealCount() {
        try (AuditStore store = open()) {
            try (AuditLog log = log(store, 4)) {
                events(3).forEach(log::append);
                assertThat(log.unsealed()).isEqualTo(3);
            }
        }
        try (AuditStore store = open()) {
            AuditLog log = log(store, 4);
            assertThat(log.size()).isEqualTo(4);
            assertThat(log.unsealed()).isZero();
            events(5).forEach(log::append);
            log.close();
            AuditVerification v = verify(store, anchor());
            assertThat(v.records()).hasSize(8);
            assertThat(v.checkpoints()).isEqualTo(3);
        }
    }

    @Test
    void modifiedRecordIsDetectedAtItsIndex() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            e.set(7, replace(e.get(7), "\"attempt\":1", "\"attempt\":2"));
            rewrite(store, e);
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.RecordAltered.class,
                            x -> assertThat(x.recordIndex()).isEqualTo(7))
                    .hasMessageContaining("audit entry 7");
        }
    }

    @Test
    void modifiedRecordWithRecomputedHashBreaksTheNextLink() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            AuditEvent forged = new AuditEvent.SendAttempted(T0, "env-forged", 1);
            e.set(6, EntryCodec.record(6, hashOf(e.get(5)), forged).bytes());
            rewrite(store, e);
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.ChainBroken.class,
                            x -> assertThat(x.recordIndex()).isEqualTo(7));
        }
    }

    @Test
    void deletedRecordIsDetectedWhereItWasMissing() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            e.remove(2);
            rewrite(store, e);
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.SequenceBroken.class, x -> {
                        assertThat(x.recordIndex()).isEqualTo(2);
                        assertThat(x.expectedSequence()).isEqualTo(2);
                        assertThat(x.foundSequence()).isEqualTo(3);
                    })
                    .hasMessageContaining("1 entry missing");
        }
    }

    @Test
    void swappedRecordsAreReportedAsOutOfOrderNotAsMissing() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            byte[] two = e.get(2);
            e.set(2, e.get(3));
            e.set(3, two);
            rewrite(store, e);
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.SequenceBroken.class, x -> {
                        assertThat(x.recordIndex()).isEqualTo(2);
                        assertThat(x.foundSequence()).isEqualTo(3);
                    })
                    .hasMessageContaining("out of order").hasMessageContaining("position 3")
                    .hasMessageNotContaining("missing");
        }
    }

    @Test
    void insertedRecordIsDetected() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            e.add(3, EntryCodec.record(3, hashOf(e.get(2)), new AuditEvent.SendAttempted(T0, "env-x", 1)).bytes());
            rewrite(store, e);
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.SequenceBroken.class,
                            x -> assertThat(x.recordIndex()).isEqualTo(4))
                    .hasMessageContaining("inserted, duplicated or moved");
        }
    }

    @Test
    void insertionWithTheWholeChainRecomputedBreaksTheSeal() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            List<byte[]> forged = new ArrayList<>();
            String prev = AuditEntry.GENESIS;
            // An insider rebuilds the chain with an extra record, keeping the old (signed) checkpoint JWS.
            List<Object> items = new ArrayList<>();
            for (byte[] b : e) {
                EntryCodec.Decoded d = EntryCodec.decode(b);
                items.add(d.event().isPresent() ? d.event().get() : d.jws().get());
            }
            items.add(1, new AuditEvent.SendAttempted(T0, "env-x", 1));
            for (int i = 0; i < items.size(); i++) {
                EntryCodec.Encoded enc = items.get(i) instanceof AuditEvent ev
                        ? EntryCodec.record(i, prev, ev) : EntryCodec.checkpoint(i, prev, (String) items.get(i));
                forged.add(enc.bytes());
                prev = enc.hash();
            }
            rewrite(store, forged);
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.SealInvalid.class,
                            x -> assertThat(x.recordIndex()).isEqualTo(5))
                    .hasMessageContaining("the seal covers 4 entries");
        }
    }

    @Test
    void reorderedRecordsAreDetected() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            byte[] t = e.get(6);
            e.set(6, e.get(7));
            e.set(7, t);
            rewrite(store, e);
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.SequenceBroken.class,
                            x -> assertThat(x.recordIndex()).isEqualTo(6));
        }
    }

    @Test
    void forgedSealSignatureIsDetected() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            EntryCodec.Decoded c = EntryCodec.decode(e.get(4));
            String jws = c.jws().orElseThrow();
            char last = jws.charAt(jws.length() - 2);
            String bad = jws.substring(0, jws.length() - 2) + (last == 'A' ? 'B' : 'A') + jws.charAt(jws.length() - 1);
            e.set(4, EntryCodec.checkpoint(4, c.previousHash(), bad).bytes());
            rewrite(store, e);
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.SealInvalid.class,
                            x -> assertThat(x.recordIndex()).isEqualTo(4));
        }
    }

    @Test
    void sealFromAnUntrustedSignerIsRejected() {
        try (AuditStore store = written()) {
            assertThatThrownBy(() -> verify(store, OTHER_ROOT.certificate()))
                    .isInstanceOfSatisfying(AuditException.SealInvalid.class,
                            x -> assertThat(x.recordIndex()).isEqualTo(4))
                    .hasMessageContaining("trust anchor");
        }
    }

    @Test
    void unsealedTailIsReportedAsMissingSealUnlessAllowed() {
        try (AuditStore store = open()) {
            AuditLog log = log(store, 4);
            events(6).forEach(log::append);
            // Not closed: records 5 and 6 (entries 5, 6) are unsealed.
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.SealMissing.class,
                            x -> assertThat(x.recordIndex()).isEqualTo(5))
                    .hasMessageContaining("2 record(s)");
            AuditVerification v = verifier(anchor()).allowUnsealedTail(2).build()
                    .verify(store);
            assertThat(v.unsealedRecords()).isEqualTo(2);
        }
    }

    @Test
    void removedCheckpointIsDetected() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            e.remove(12);
            rewrite(store, e);
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.SealMissing.class,
                            x -> assertThat(x.recordIndex()).isEqualTo(10));
        }
    }

    @Test
    void garbageEntryIsReportedMalformed() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            e.set(8, "{\"seq\":8}".getBytes(StandardCharsets.UTF_8));
            rewrite(store, e);
            assertThatThrownBy(() -> verify(store, anchor()))
                    .isInstanceOfSatisfying(AuditException.RecordMalformed.class,
                            x -> assertThat(x.recordIndex()).isEqualTo(8));
        }
    }

    @Test
    void logRefusesToExtendADamagedTail() {
        try (AuditStore store = written()) {
            List<byte[]> e = raw(store);
            e.set(12, replace(e.get(12), "\"seq\":12", "\"seq\":11"));
            rewrite(store, e);
            assertThatThrownBy(() -> log(store, 4)).isInstanceOf(AuditException.Integrity.class);
        }
    }

    @Test
    void appendingAnOutOfTurnSequenceFails() {
        try (AuditStore store = written()) {
            assertThatThrownBy(() -> store.append(3, "{}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AuditException.StorageFailed.class);
        }
    }

    static byte[] replace(byte[] entry, String from, String to) {
        String s = new String(entry, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        return s.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    static String hashOf(byte[] entry) {
        return EntryCodec.decode(entry).storedHash();
    }
}
