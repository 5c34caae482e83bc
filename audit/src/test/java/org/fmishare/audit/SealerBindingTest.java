package org.fmishare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.fmishare.core.envelope.SenderDirectory;
import org.fmishare.core.jose.KeyPurposes;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may seal a log, and at which time: a valid signature under the trusted CA is not enough. Each of these cases
 * verified before the sealer was pinned (any certificate under the anchor could seal, the chain was validated at the
 * seal's claimed time, and an empty log verified).
 */
class SealerBindingTest {
    private static final TestPki.Authority CA = AuditStoreContract.ROOT;
    private static final SigningCredential RECEIPT_KEY = CA.issueReceiptSigner("smc-examplesocial",
            "ExampleSocial receipts", KeyAlgorithm.EC_P256);
    private static final SigningCredential OTHER_OFFICE = CA.issueAuditSealer("other-office", "Other office sealer",
            KeyAlgorithm.EC_P256);
    private static final Instant T0 = AuditStoreContract.T0;

    @TempDir
    Path dir;

    private FileAuditStore write(String name, SigningCredential sealer, Instant sealedAt) {
        FileAuditStore store = FileAuditStore.open(dir.resolve(name));
        try (AuditLog log = AuditLog.builder(store, sealer).sealEvery(3)
                .clock(Clock.fixed(sealedAt, ZoneOffset.UTC)).build()) {
            AuditStoreContract.events(5).forEach(log::append);
        }
        return store;
    }

    @Test
    void theOfficesSealerVerifies() {
        try (FileAuditStore store = write("a.jsonl", AuditStoreContract.SEALER, T0)) {
            AuditVerification v = AuditStoreContract.verify(store, CA.certificate());
            assertThat(v.checkpoints()).isEqualTo(2);
            assertThat(v.records()).hasSize(5);
        }
    }

    @Test
    void aLogRewrittenRehashedAndSealedByTheCompanysReceiptKeyIsRefused() {
        // The company holds a certificate under the same CA: it writes a whole new, internally consistent log.
        try (FileAuditStore store = write("forged.jsonl", RECEIPT_KEY, T0)) {
            assertThatThrownBy(() -> AuditStoreContract.verify(store, CA.certificate()))
                    .isInstanceOfSatisfying(AuditException.SealerNotAuthorized.class,
                            e -> assertThat(e.recordIndex()).isEqualTo(3))
                    .hasMessageContaining("sealer binding")
                    .hasMessageContaining("lacks audit sealing (" + KeyPurposes.AUDIT_SEALING + ")");
        }
    }

    @Test
    void theOfficesEnvelopeSignerAndAnotherOfficesSealerCannotSeal() {
        try (FileAuditStore store = write("env.jsonl", AuditStoreContract.ENVELOPE_SIGNER, T0)) {
            assertThatThrownBy(() -> AuditStoreContract.verify(store, CA.certificate()))
                    .isInstanceOf(AuditException.SealerNotAuthorized.class)
                    .hasMessageContaining("lacks audit sealing");
        }
        try (FileAuditStore store = write("other.jsonl", OTHER_OFFICE, T0)) {
            assertThatThrownBy(() -> AuditStoreContract.verify(store, CA.certificate()))
                    .isInstanceOf(AuditException.SealerNotAuthorized.class)
                    .hasMessageContaining("not bound to any configured sealer [fitf]");
            // Told that the other office seals this log, the verifier accepts it.
            assertThat(AuditVerifier.builder().trustAnchor(CA.certificate()).sealer("other-office")
                    .clock(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).build().verify(store).checkpoints())
                    .isEqualTo(2);
        }
    }

    @Test
    void aSealerCanBePinnedByKeyThroughASenderDirectory() {
        SenderDirectory pinned = SenderDirectory.builder()
                .bind("fitf", SenderDirectory.PinnedKey.of(AuditStoreContract.SEALER.certificate())).build();
        SigningCredential sameNameOtherKey = CA.issueAuditSealer("fitf", "FITF audit sealer", KeyAlgorithm.EC_P256);
        try (FileAuditStore genuine = write("g.jsonl", AuditStoreContract.SEALER, T0);
                FileAuditStore other = write("o.jsonl", sameNameOtherKey, T0)) {
            AuditVerifier v = AuditStoreContract.verifier(CA.certificate()).senderDirectory(pinned).build();
            assertThat(v.verify(genuine).checkpoints()).isEqualTo(2);
            assertThatThrownBy(() -> v.verify(other)).isInstanceOf(AuditException.SealerNotAuthorized.class)
                    .hasMessageContaining("not bound to any configured sealer [fitf]");
        }
    }

    @Test
    void anEmptyLogIsNeverReportedVerified() {
        try (FileAuditStore store = FileAuditStore.open(dir.resolve("empty.jsonl"))) {
            assertThatThrownBy(() -> AuditStoreContract.verify(store, CA.certificate()))
                    .isInstanceOf(AuditException.LogEmpty.class)
                    .hasMessageContaining("the log is empty");
            // Not even when an unsealed tail is allowed: there is nothing sealed to speak for it.
            assertThatThrownBy(() -> AuditStoreContract.verifier(CA.certificate()).allowUnsealedTail(10).build()
                    .verify(store)).isInstanceOf(AuditException.LogEmpty.class);
        }
    }

    @Test
    void anExpiredSealerCannotSealByBackdatingSealedAt() {
        TestPki.Authority shortLived = TestPki.authority("Short-lived audit root", KeyAlgorithm.EC_P256,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-06-30T00:00:00Z"));
        SigningCredential sealer = shortLived.issueAuditSealer("fitf", "FITF audit sealer", KeyAlgorithm.EC_P256);
        // Sealed (or claimed to be sealed) in March, inside the certificate's life.
        try (FileAuditStore store = write("old.jsonl", sealer, Instant.parse("2026-03-01T00:00:00Z"))) {
            AuditVerifier inApril = AuditVerifier.builder().trustAnchor(shortLived.certificate()).sealer("fitf")
                    .clock(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC)).build();
            assertThat(inApril.verify(store).checkpoints()).isEqualTo(2);
            AuditVerifier inOctober = AuditVerifier.builder().trustAnchor(shortLived.certificate()).sealer("fitf")
                    .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
            assertThatThrownBy(() -> inOctober.verify(store)).isInstanceOf(AuditException.SealInvalid.class)
                    .hasMessageContaining("does not lead to a trust anchor at " + T0);
        }
    }

    @Test
    void aSealFromTheFutureIsRefused() {
        try (FileAuditStore store = write("future.jsonl", AuditStoreContract.SEALER, T0.plusSeconds(86_400))) {
            assertThatThrownBy(() -> AuditVerifier.builder().trustAnchor(CA.certificate()).sealer("fitf")
                    .clock(Clock.fixed(T0, ZoneOffset.UTC)).build().verify(store))
                    .isInstanceOf(AuditException.SealInvalid.class)
                    .hasMessageContaining("after the verifier's clock");
        }
    }

    @Test
    void aRevokedSealerBreaksTheLog() {
        try (FileAuditStore store = write("revoked.jsonl", AuditStoreContract.SEALER, T0)) {
            java.security.cert.X509CRL none = CA.crl(T0.minusSeconds(3600), T0.plusSeconds(86_400),
                    java.util.Map.of());
            java.security.cert.X509CRL revoked = CA.crl(T0.minusSeconds(3600), T0.plusSeconds(86_400),
                    java.util.Map.of(AuditStoreContract.SEALER.certificate(), T0.minusSeconds(7200)));
            assertThat(AuditStoreContract.verifier(CA.certificate()).crls(java.util.List.of(none)).build()
                    .verify(store).checkpoints()).isEqualTo(2);
            assertThatThrownBy(() -> AuditStoreContract.verifier(CA.certificate())
                    .crls(java.util.List.of(revoked)).build().verify(store))
                    .isInstanceOf(AuditException.SealInvalid.class)
                    .hasMessageContaining("fails the revocation check");
        }
    }

    @Test
    void aSealerTheOcspResponderReportsRevokedBreaksTheLog() {
        try (FileAuditStore store = write("ocsp-revoked.jsonl", AuditStoreContract.SEALER, T0);
                org.fmishare.testkit.TestOcspResponder responder = org.fmishare.testkit.TestOcspResponder.start(CA,
                        java.time.Clock.systemUTC())) {
            org.fmishare.core.jose.OcspSettings ocsp = org.fmishare.core.jose.OcspSettings.responder(responder.uri());
            responder.good(AuditStoreContract.SEALER.certificate());
            assertThat(AuditStoreContract.verifier(CA.certificate()).ocsp(ocsp).build().verify(store).checkpoints())
                    .isEqualTo(2);
            responder.revoked(AuditStoreContract.SEALER.certificate(), T0.minusSeconds(7200));
            assertThatThrownBy(() -> AuditStoreContract.verifier(CA.certificate()).ocsp(ocsp).build().verify(store))
                    .isInstanceOf(AuditException.SealInvalid.class)
                    .hasMessageContaining("fails the revocation check");
        }
    }

    @Test
    void theVerifierIsAlwaysToldWhoMaySeal() {
        assertThatThrownBy(() -> AuditVerifier.builder().trustAnchor(CA.certificate()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sealer id");
    }
}
