package org.fmishare.transport.https;

/**
 * Where an office's {@link ResponseEndpoint} hands the company responses it receives: typically {@code
 * bytes -> recorder.record(bytes).firstTime()} with the audit module's {@code ResponseRecorder}, which verifies the
 * response against the company's receipt certificate and records it once.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ResponseIntake {
    /**
     * Verifies and records one response.
     *
     * @param serialized the response envelope as received
     * @return true when recorded now, false when the same response had been recorded before
     * @throws org.fmishare.core.FmiShareException of kind {@code INPUT_REJECTED} when the response is refused
     *     (answered 400), of kind {@code PROCESSING_FAILED} when recording failed (answered 500, so the company's
     *     sender retries)
     */
    boolean take(byte[] serialized);
}
