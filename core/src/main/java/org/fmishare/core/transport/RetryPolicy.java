package org.fmishare.core.transport;

/**
 * The SDK's one rule for which HTTP statuses are worth retrying, shared by every HTTP-based transport.
 *
 * <p>Retryable: 408 (Request Timeout), 429 (Too Many Requests) and 500-599 (the server's side). Everything else,
 * including other 4xx statuses, redirects that were not followed and statuses outside the defined range (600 and
 * above), is permanent: retrying an envelope the receiver rejected, or that a non-conforming server answered with
 * a status HTTP does not define, cannot succeed and would only delay the dead letter an operator must look at.
 */
public final class RetryPolicy {
    private RetryPolicy() {}

    /**
     * Applies the rule.
     *
     * @param status an HTTP status code
     * @return whether a delivery answered with this status should be retried
     */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500 && status < 600;
    }
}
