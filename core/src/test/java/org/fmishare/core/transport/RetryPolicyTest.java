package org.fmishare.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"408, true", "429, true", "500, true", "502, true", "503, true", "504, true", "599, true",
            "200, false", "202, false", "301, false", "400, false", "401, false", "403, false", "404, false",
            "409, false", "413, false", "415, false", "422, false", "499, false", "600, false", "999, false",
            "0, false", "-1, false"})
    void appliesTheOneRule(int status, boolean retryable) {
        assertThat(RetryPolicy.isRetryableStatus(status)).isEqualTo(retryable);
    }

    @Test
    void exactlyTheDocumentedStatusesAreRetryable() {
        int[] retryable = IntStream.rangeClosed(100, 999).filter(RetryPolicy::isRetryableStatus).toArray();
        int[] expected = IntStream.concat(IntStream.of(408, 429), IntStream.rangeClosed(500, 599)).toArray();
        assertThat(retryable).containsExactly(expected);
    }
}
