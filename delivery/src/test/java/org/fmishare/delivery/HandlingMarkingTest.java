package org.fmishare.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatcher enforces each company's handling clearance before the outbox or a transport sees an envelope.
 * (Across the three real transports: the CLI module's HandlingMarkingsOnEveryTransportTest.)
 */
class HandlingMarkingTest {
    static final String COMPANY = SampleData.company().id();
    static final URI DEST = URI.create("test://smc.example/fmi");
    static final URI ANALYST = URI.create("test://smc.example/red-desk");

    @TempDir
    Path dir;

    static SignedEnvelope marked(TlpMarking tlp) {
        return DispatcherTest.SIGNER.sign(new EnvelopeBody.Share(SampleData.passingShare().toBuilder().handling(tlp)
                .build()), DispatcherTest.PASS, DispatcherTest.DISCLOSURES);
    }

    static CompanyRecord clearance(TlpMarking highest) {
        return highest == TlpMarking.RED ? CompanyRecord.red(COMPANY, Set.of(ANALYST))
                : CompanyRecord.upTo(COMPANY, highest);
    }

    @Test
    void everyMarkingAgainstEveryClearanceIsRefusedAboveItBeforeTheOutbox() throws Exception {
        for (TlpMarking highest : TlpMarking.values()) {
            DispatcherTest.ScriptedTransport t = new DispatcherTest.ScriptedTransport(
                    (id, n) -> new DeliveryResult.Delivered(new byte[0], "ok"));
            try (FileJournalStore store = FileJournalStore.open(dir.resolve("j-" + highest));
                    Dispatcher d = Dispatcher.builder().store(store).transport(t).company(clearance(highest))
                            .build().start()) {
                int expectedDeliveries = 0;
                for (TlpMarking tlp : TlpMarking.values()) {
                    SignedEnvelope e = marked(tlp);
                    URI to = tlp == TlpMarking.RED ? ANALYST : DEST;
                    if (tlp.compareTo(highest) <= 0) {
                        assertThat(d.submit(e, to)).as("%s to a company cleared for %s", tlp, highest).isTrue();
                        expectedDeliveries++;
                    } else {
                        assertThatThrownBy(() -> d.submit(e, to)).as("%s to %s", tlp, highest)
                                .isInstanceOfSatisfying(HandlingException.AboveClearance.class, ex -> {
                                    assertThat(ex.marking()).isEqualTo(tlp);
                                    assertThat(ex.clearance()).contains(highest);
                                    assertThat(ex.isInputRejection()).isTrue();
                                    assertThat(ex.getMessage()).contains(tlp.label(), highest.label(), COMPANY,
                                            "highest-tlp");
                                });
                        assertThat(d.status(e.envelopeId())).as("refused %s is not in the outbox", tlp).isEmpty();
                    }
                }
                assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
                assertThat(t.delivered).hasSize(expectedDeliveries);
                assertThat(t.attempts).hasSize(expectedDeliveries);
            }
        }
    }

    @Test
    void redGoesOnlyToARecipientTheRecordNames() throws Exception {
        DispatcherTest.ScriptedTransport t = new DispatcherTest.ScriptedTransport(
                (id, n) -> new DeliveryResult.Delivered(new byte[0], "ok"));
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = Dispatcher.builder().store(store).transport(t).company(clearance(TlpMarking.RED))
                        .build().start()) {
            SignedEnvelope red = marked(TlpMarking.RED);
            assertThatThrownBy(() -> d.submit(red, DEST))
                    .isInstanceOf(HandlingException.RedRecipientNotNamed.class)
                    .hasMessageContaining(DEST.toString()).hasMessageContaining("red-named-recipient");
            assertThat(d.status(red.envelopeId())).isEmpty();
            // Below RED the named list does not restrict: AMBER+STRICT goes to the company's ordinary endpoint.
            assertThat(d.submit(marked(TlpMarking.AMBER_STRICT), DEST)).isTrue();
            assertThat(d.submit(red, URI.create("TEST://SMC.EXAMPLE/red-desk"))).isTrue();
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(t.delivered).hasSize(2);
        }
    }

    @Test
    void aMarkedEnvelopeToACompanyWithoutARecordIsRefused() throws Exception {
        DispatcherTest.ScriptedTransport t = new DispatcherTest.ScriptedTransport(
                (id, n) -> new DeliveryResult.Delivered(new byte[0], "ok"));
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = Dispatcher.builder().store(store).transport(t)
                        .company(CompanyRecord.upTo("smc-other", TlpMarking.AMBER))
                        .build().start()) {
            SignedEnvelope clear = marked(TlpMarking.CLEAR);
            assertThatThrownBy(() -> d.submit(clear, DEST)).isInstanceOfSatisfying(
                    HandlingException.NoCompanyRecord.class, ex -> {
                        assertThat(ex.clearance()).isEmpty();
                        assertThat(ex.companyId()).isEqualTo(COMPANY);
                        assertThat(ex.getMessage()).contains("company-record-required");
                    });
            assertThat(d.status(clear.envelopeId())).isEmpty();
            assertThat(t.attempts).isEmpty();
        }
    }

    @Test
    void anEnvelopeQueuedBeforeItsClearanceWasLoweredIsRetiredNotSent() throws Exception {
        Path journal = dir.resolve("j");
        SignedEnvelope amber = marked(TlpMarking.AMBER);
        DispatcherTest.ScriptedTransport t = new DispatcherTest.ScriptedTransport(
                (id, n) -> new DeliveryResult.Delivered(new byte[0], "ok"));
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            // Queued under an AMBER clearance, never started: the envelope waits in the journal.
            Dispatcher before = Dispatcher.builder().store(store).transport(t)
                    .company(CompanyRecord.upTo(COMPANY, TlpMarking.AMBER)).build();
            assertThat(before.submit(amber, DEST)).isTrue();
            before.close();
        }
        try (FileJournalStore store = FileJournalStore.open(journal);
                Dispatcher after = Dispatcher.builder().store(store).transport(t)
                        .company(CompanyRecord.upTo(COMPANY, TlpMarking.GREEN)).build().start()) {
            assertThat(after.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(after.status(amber.envelopeId()).orElseThrow().state()).isEqualTo(OutboxState.DEAD);
            assertThat(after.status(amber.envelopeId()).orElseThrow().lastError().orElseThrow())
                    .contains("highest-tlp");
            assertThat(t.attempts).isEmpty();
        }
    }

    @Test
    void aRecordNamesRecipientsExactlyForARedClearance() {
        assertThatThrownBy(() -> new CompanyRecord(COMPANY, TlpMarking.RED, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("red-names-recipients");
        assertThatThrownBy(() -> new CompanyRecord(COMPANY, TlpMarking.AMBER, Set.of(ANALYST)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("red-recipients-only-with-red");
        assertThatThrownBy(() -> CompanyRecord.upTo(" ", TlpMarking.AMBER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(TlpMarking.values())).containsExactly(TlpMarking.CLEAR, TlpMarking.GREEN,
                TlpMarking.AMBER, TlpMarking.AMBER_STRICT, TlpMarking.RED);
    }
}
