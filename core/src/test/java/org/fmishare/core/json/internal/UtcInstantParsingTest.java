package org.fmishare.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The positional timestamp parser answers exactly what the earlier rule did (the wire form as a regular expression,
 * then {@link Instant#parse}): the same instant, or a refusal, for edge cases and for a large random sample of
 * near-miss strings.
 */
class UtcInstantParsingTest {
    private static final Pattern WIRE_FORM =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    /** What the earlier rule answered: the instant, "form" when the form is wrong, "invalid" when no such time. */
    private static String reference(String s) {
        if (!WIRE_FORM.matcher(s).matches()) {
            return "form";
        }
        try {
            return Instant.parse(s).toString();
        } catch (DateTimeException e) {
            return "invalid";
        }
    }

    private static String positional(String s) {
        try {
            Instant i = StrictTemporalDeserializers.parseUtc(s);
            return i == null ? "form" : i.toString();
        } catch (DateTimeException e) {
            return "invalid";
        }
    }

    @Test
    void edgeCasesAgreeWithTheRegularExpressionAndInstantParse() {
        List<String> cases = List.of("2024-02-01T12:00:00Z", "2024-02-01T12:00:00.1Z", "2024-02-01T12:00:00.123456789Z",
                "2024-02-01T12:00:00.1234567890Z", "2024-02-01T12:00:00.Z", "2024-02-01T12:00:00", "2024-02-01 12:00:00Z",
                "2024-02-30T12:00:00Z", "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2024-13-01T12:00:00Z",
                "2024-00-01T12:00:00Z", "2024-01-00T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z",
                "2024-12-31T23:59:60Z", "2024-06-30T23:59:60Z", "2024-01-01T12:00:60Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "2024-01-01T12:00:00+00:00", "2024-01-01t12:00:00z",
                "２０２４-01-01T12:00:00Z", "2024-01-01T12:00:0٠Z", "+2024-01-01T12:00:00Z", "-024-01-01T12:00:00Z",
                "2024-1-01T12:00:00Z", "", "Z", "2024-01-01T12:00:00ZZ", "2024-01-01T12:00:00.12a4Z");
        for (String c : cases) {
            assertThat(positional(c)).as(c).isEqualTo(reference(c));
        }
    }

    @Test
    void randomNearMissesAgreeWithTheRegularExpressionAndInstantParse() {
        Random random = new Random(20261130);
        String alphabet = "0123456789-:T.Z+ z9";
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62),
                    random.nextInt(62)));
            if (random.nextBoolean()) {
                b.append('.');
                int digits = random.nextInt(11);
                for (int d = 0; d < digits; d++) {
                    b.append((char) ('0' + random.nextInt(10)));
                }
            }
            b.append('Z');
            int edits = random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(b.length());
                b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            if (!positional(s).equals(reference(s))) {
                disagreements.add(s + " -> " + positional(s) + " vs " + reference(s));
            }
        }
        assertThat(disagreements).isEmpty();
    }
}
