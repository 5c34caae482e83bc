package org.fmishare.core.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one delivery attempt, as a {@link Transport} reports it. Sealed: a delivery either succeeded with a
 * receipt, failed in a way worth retrying, or failed for good.
 */
public sealed interface DeliveryResult
        permits DeliveryResult.Delivered, DeliveryResult.RetryableFailure, DeliveryResult.PermanentFailure {

    /**
     * The receiver accepted the envelope.
     *
     * @param receipt the receiver's receipt as received (for the SDK's own receivers, a signed receipt envelope);
     *     may be empty for channels without receipts
     * @param detail a short description for logs and the audit trail (no payload data)
     */
    record Delivered(byte[] receipt, String detail) implements DeliveryResult {
        /** Validates and copies. */
        public Delivered {
            receipt = Objects.requireNonNull(receipt, "receipt").clone();
            Objects.requireNonNull(detail, "detail");
        }

        /** {@return a copy of the receipt bytes} */
        @Override
        public byte[] receipt() {
            return receipt.clone();
        }
    }

    /**
     * A transient failure (timeout, connection reset, HTTP 408/429/5xx, SMTP 4xx): the dispatcher retries.
     *
     * @param reason what failed
     * @param retryAfter how long the receiver asked the sender to wait, when it said so ({@code Retry-After})
     */
    record RetryableFailure(String reason, Optional<Duration> retryAfter) implements DeliveryResult {
        /** Validates. */
        public RetryableFailure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
            retryAfter.ifPresent(d -> {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("retryAfter must not be negative, was " + d);
                }
            });
        }
    }

    /**
     * A failure that retrying cannot fix (HTTP 4xx other than 408/429, SMTP 5xx, a refused envelope): the dispatcher
     * moves the envelope to the dead letters.
     *
     * @param reason what failed, including the receiver's message when it gave one
     */
    record PermanentFailure(String reason) implements DeliveryResult {
        /** Validates. */
        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Shorthand for a retryable failure without a server-requested delay.
     *
     * @param reason what failed
     * @return the result
     */
    static DeliveryResult retry(String reason) {
        return new RetryableFailure(reason, Optional.empty());
    }
}
