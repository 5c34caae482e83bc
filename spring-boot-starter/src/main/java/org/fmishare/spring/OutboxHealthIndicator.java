package org.fmishare.spring;

import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The outbox's health for Spring Boot 3's actuator ({@code /actuator/health}, component {@code fmishareOutbox}): UP
 * with the backlog and the oldest queued age as details, DOWN when a threshold is exceeded (the details say which)
 * or the outbox cannot be read.
 */
public final class OutboxHealthIndicator implements HealthIndicator {
    private final OutboxHealth outboxHealth;

    /**
     * Creates the indicator.
     *
     * @param outboxHealth what judges the outbox
     */
    public OutboxHealthIndicator(OutboxHealth outboxHealth) {
        this.outboxHealth = Objects.requireNonNull(outboxHealth, "outboxHealth");
    }

    @Override
    public Health health() {
        OutboxHealth.Status s;
        try {
            s = outboxHealth.check();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
        return (s.healthy() ? Health.up() : Health.down()).withDetails(s.details()).build();
    }
}
