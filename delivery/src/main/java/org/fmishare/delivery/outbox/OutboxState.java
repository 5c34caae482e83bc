package org.fmishare.delivery.outbox;

/** Where an envelope is in its delivery life. */
public enum OutboxState {
    /** Persisted, waiting for (another) delivery attempt. */
    QUEUED,
    /** Delivered; a receipt was received. Terminal. */
    DELIVERED,
    /** Given up after a permanent failure or too many attempts; the embedder may replay it. */
    DEAD
}
