package org.fmishare.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.core.transport.Transport;
import org.fmishare.delivery.outbox.JdbcOutboxStore;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A shared dispatcher renews the lease of an attempt under way, so a delivery that outlives its lease time is not
 * taken over (and sent a second time) by another instance while it is still in progress.
 */
class LeaseRenewalTest {
    static final URI DEST = URI.create("test://smc.example/fmi");

    static Transport transport(Function<Delivery, DeliveryResult> behaviour) {
        return new Transport() {
            @Override
            public Set<String> schemes() {
                return Set.of("test");
            }

            @Override
            public DeliveryResult deliver(Delivery delivery) {
                return behaviour.apply(delivery);
            }
        };
    }

    static Dispatcher.Builder shared(JdbcOutboxStore store, Transport t, String instance, Duration lease) {
        return Dispatcher.builder().store(store).transport(t).shared(instance, lease)
                .pollInterval(Duration.ofMillis(50))
                .company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER));
    }

    @Test
    void anAttemptThatOutlivesItsLeaseIsNotTakenOverWhileItRuns() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:lease-renewal-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        // Long enough that a renewal delayed by a loaded machine (every 1.25 s, 3.75 s of slack) still lands in time.
        Duration lease = Duration.ofSeconds(5);
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicInteger slowCalls = new AtomicInteger();
        AtomicInteger otherCalls = new AtomicInteger();
        // The first instance's attempt lasts two and a half lease times; without renewal the second would take it
        // over after one.
        Transport slow = transport(d -> {
            slowCalls.incrementAndGet();
            slowStarted.countDown();
            try {
                Thread.sleep(lease.multipliedBy(5).dividedBy(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new DeliveryResult.Delivered(new byte[0], "200");
        });
        Transport other = transport(d -> {
            otherCalls.incrementAndGet();
            return new DeliveryResult.Delivered(new byte[0], "200");
        });
        SignedEnvelope e = DispatcherTest.envelope();
        try (Dispatcher a = shared(JdbcOutboxStore.open(db), slow, "instance-a", lease).build().start()) {
            assertThat(a.submit(e, DEST)).isTrue();
            assertThat(slowStarted.await(2, TimeUnit.MINUTES)).isTrue();
            try (Dispatcher b = shared(JdbcOutboxStore.open(db), other, "instance-b", lease).build().start()) {
                assertThat(b.awaitIdle(Duration.ofMinutes(2))).isTrue();
                assertThat(b.status(e.envelopeId()).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
            }
        }
        assertThat(otherCalls).as("the second instance never attempted the envelope").hasValue(0);
        assertThat(slowCalls).hasValue(1);
    }
}
