package org.fmishare.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.JdbcOutboxStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The outbox health indicator's states on a real journal store, at a fixed clock. */
class OutboxHealthTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private static OutboxEntry queued(String id, Instant at) {
        return OutboxEntry.queued(id, "https://smc.example/fmi-share/envelopes", "smc-examplesocial",
                at.plus(Duration.ofDays(3)), "sha-256:" + "0".repeat(64), ("{\"id\":\"" + id + "\"}").getBytes(), at);
    }

    private static OutboxHealthIndicator indicator(FileJournalStore store, Instant now) {
        return new OutboxHealthIndicator(new OutboxHealth(store, Clock.fixed(now, ZoneOffset.UTC), 2,
                Duration.ofHours(1)));
    }

    @Test
    void anEmptyOutboxIsUpWithItsThresholds() {
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"))) {
            Health h = indicator(store, T0).health();
            assertThat(h.getStatus()).isEqualTo(Status.UP);
            assertThat(h.getDetails()).containsEntry("backlog", 0).containsEntry("maxBacklog", 2)
                    .containsEntry("maxOldestQueuedAge", "PT1H").doesNotContainKey("oldestQueuedAge");
        }
    }

    @Test
    void aBacklogWithinBothThresholdsIsUpAndShowsTheOldestAge() {
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"))) {
            store.enqueue(queued("e-1", T0));
            store.enqueue(queued("e-2", T0.plusSeconds(600)));
            Health h = indicator(store, T0.plus(Duration.ofMinutes(30))).health();
            assertThat(h.getStatus()).isEqualTo(Status.UP);
            assertThat(h.getDetails()).containsEntry("backlog", 2).containsEntry("oldestQueuedAge", "PT30M");
        }
    }

    @Test
    void tooManyQueuedOrTooOldIsDownAndSaysWhichThreshold() {
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"))) {
            OutboxEntry first = queued("e-1", T0);
            OutboxEntry second = queued("e-2", T0);
            store.enqueue(first);
            store.enqueue(second);
            store.enqueue(queued("e-3", T0));
            Health h = indicator(store, T0.plus(Duration.ofHours(2))).health();
            assertThat(h.getStatus()).isEqualTo(Status.DOWN);
            assertThat(h.getDetails()).containsEntry("backlog", 3).containsEntry("oldestQueuedAge", "PT2H");
            @SuppressWarnings("unchecked")
            List<String> problems = (List<String>) h.getDetails().get("problems");
            assertThat(problems).containsExactly("backlog of 3 envelopes exceeds 2",
                    "oldest queued envelope has waited PT2H, longer than PT1H");
            store.markDelivered(first.deliveryId(), T0.plusSeconds(1), new byte[0]);
            store.markDead(second.deliveryId(), T0.plusSeconds(1), "test");
            Health later = indicator(store, T0.plus(Duration.ofMinutes(10))).health();
            assertThat(later.getStatus()).isEqualTo(Status.UP);
            assertThat(later.getDetails()).containsEntry("backlog", 1);
        }
    }

    @Test
    void anOutboxThatCannotBeReadIsDown() throws Exception {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:health-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (JdbcOutboxStore store = JdbcOutboxStore.open(h2)) {
            OutboxHealthIndicator indicator = new OutboxHealthIndicator(new OutboxHealth(store,
                    Clock.fixed(T0, ZoneOffset.UTC), 2, Duration.ofHours(1)));
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            try (java.sql.Connection c = h2.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("DROP TABLE fmi_share_outbox");
            }
            Health h = indicator.health();
            assertThat(h.getStatus()).isEqualTo(Status.DOWN);
            assertThat(h.getDetails()).containsKey("error");
        }
    }

    @Test
    void thresholdsOutOfRangeAreRefused() {
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OutboxHealth(store, Clock.systemUTC(), -1,
                    Duration.ofHours(1))).hasMessage("maxBacklog must not be negative, was -1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OutboxHealth(store, Clock.systemUTC(), 1,
                    Duration.ZERO)).hasMessage("maxOldestQueuedAge must be positive, was PT0S");
        }
    }

    @Test
    void theDetailsMapIsOrderedAndWhatBothGenerationsShow() {
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"))) {
            store.enqueue(queued("e-1", T0));
            store.enqueue(queued("e-2", T0));
            store.enqueue(queued("e-3", T0));
            OutboxHealth.Status s = new OutboxHealth(store, Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC),
                    2, Duration.ofHours(1)).check();
            assertThat(s.details().keySet()).containsExactly("backlog", "maxBacklog", "maxOldestQueuedAge",
                    "oldestQueuedAge", "problems");
            assertThat(indicator(store, T0.plus(Duration.ofHours(2))).health().getDetails())
                    .isEqualTo(s.details());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.details().put("x", 1))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
