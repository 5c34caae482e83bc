package org.fmishare.transport.https.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retry-After values in every form RFC 9110 requires recipients to accept, and the ones it lets them ignore. */
class RetryAfterTest {
    static final Instant NOW = Instant.parse("1994-11-06T08:49:30Z");
    static final Duration MAX = Duration.ofHours(1);

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "120|PT2M",
        "0|PT0S",
        " 7 |PT7S",
        "99999|PT1H",
        "Sun, 06 Nov 1994 08:49:37 GMT|PT7S",
        "Sunday, 06-Nov-94 08:49:37 GMT|PT7S",
        "Sun Nov  6 08:49:37 1994|PT7S",
        "Sun, 06 Nov 1994 08:00:00 GMT|PT0S",
        "Mon, 07 Nov 1994 08:49:30 GMT|PT1H",
        "-5|",
        "1.5|",
        "soon|",
        "Sun, 06 Nov 1994 08:49:37 CET|",
        "Mon, 06 Nov 1994 08:49:37 GMT|",
        "''|",
    })
    void parses(String value, String expected) {
        Optional<Duration> want = expected == null ? Optional.empty() : Optional.of(Duration.parse(expected));
        assertThat(RetryAfter.parse(value, NOW, MAX)).isEqualTo(want);
    }
}
