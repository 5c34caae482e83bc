package org.fmishare.delivery;

/**
 * A snapshot of the dispatcher's state.
 *
 * @param queued envelopes waiting for an attempt
 * @param inFlight attempts under way
 * @param delivered envelopes delivered (in the store, all time)
 * @param dead envelopes in the dead letters
 * @param attempts delivery attempts made by this dispatcher since it started
 */
public record DispatchMetrics(int queued, int inFlight, int delivered, int dead, long attempts) {}
