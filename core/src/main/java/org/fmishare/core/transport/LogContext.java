package org.fmishare.core.transport;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The SLF4J MDC keys the SDK sets while it dispatches or receives an envelope, so every log line written meanwhile
 * (the SDK's, a transport's, the application's callback) can be traced to the envelope and share:
 * {@value #ENVELOPE_ID} and, when the envelope carries a threat share, {@value #SHARE_ID}. A logging pattern shows
 * them with {@code %X{fmishare.envelopeId}}.
 *
 * <p>A {@link Scope} restores the values the keys had before it was opened, so scopes nest and a worker thread is
 * left as it was found.
 */
public final class LogContext {
    /** MDC key of the envelope id. */
    public static final String ENVELOPE_ID = "fmishare.envelopeId";
    /** MDC key of the share id, set only for envelopes that carry a threat share. */
    public static final String SHARE_ID = "fmishare.shareId";

    private LogContext() {}

    /**
     * Sets the keys until the returned scope is closed.
     *
     * @param envelopeId the envelope id
     * @param shareId the share id, when the envelope carries a share
     * @return the scope; close it (try-with-resources) to restore the previous values
     */
    public static Scope open(String envelopeId, Optional<String> shareId) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(shareId, "shareId");
        Scope scope = new Scope(MDC.get(ENVELOPE_ID), MDC.get(SHARE_ID));
        MDC.put(ENVELOPE_ID, envelopeId);
        if (shareId.isPresent()) {
            MDC.put(SHARE_ID, shareId.get());
        } else {
            MDC.remove(SHARE_ID);
        }
        return scope;
    }

    /** The time during which the keys are set; closing it restores what was there before. Not thread-safe. */
    public static final class Scope implements AutoCloseable {
        private final String previousEnvelopeId;
        private final String previousShareId;
        private boolean closed;

        private Scope(String previousEnvelopeId, String previousShareId) {
            this.previousEnvelopeId = previousEnvelopeId;
            this.previousShareId = previousShareId;
        }

        /** Restores the previous values (removes the keys that were not set). Closing twice has no effect. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            restore(ENVELOPE_ID, previousEnvelopeId);
            restore(SHARE_ID, previousShareId);
        }

        private static void restore(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}
