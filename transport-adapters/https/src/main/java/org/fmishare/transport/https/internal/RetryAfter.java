package org.fmishare.transport.https.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses {@code Retry-After} (RFC 9110 section 10.2.3): delta-seconds, or an HTTP-date in any of the three formats
 * a recipient must accept (section 5.6.7: IMF-fixdate, obsolete RFC 850, asctime). Anything else is ignored, as the
 * RFC allows; a date in the past means "now".
 */
public final class RetryAfter {
    private static final Pattern DELTA = Pattern.compile("[0-9]{1,10}");
    private static final DateTimeFormatter IMF = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** RFC 850: {@code Sunday, 06-Nov-94 08:49:37 GMT}; two-digit years are read per RFC 9110 (50 years rule). */
    private static final DateTimeFormatter RFC_850 = DateTimeFormatter.ofPattern("dd-MMM-yy HH:mm:ss 'GMT'",
            Locale.US);
    private static final Pattern RFC_850_DAY = Pattern.compile(
            "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ");
    /** asctime: {@code Sun Nov  6 08:49:37 1994}. */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.US);

    private RetryAfter() {}

    /**
     * Parses a header value.
     *
     * @param value the header value
     * @param now the current time, for dates
     * @param max the longest delay accepted; longer ones are capped to it
     * @return the delay, or empty when the value is not valid
     */
    public static Optional<Duration> parse(String value, Instant now, Duration max) {
        String v = value.trim();
        if (DELTA.matcher(v).matches()) {
            long seconds = Long.parseLong(v);
            return Optional.of(cap(Duration.ofSeconds(seconds), max));
        }
        for (DateTimeFormatter f : List.of(IMF, RFC_850, ASCTIME)) {
            try {
                Instant at = f == IMF ? ZonedDateTime.parse(v, IMF).toInstant() : fromLocal(v, f, now);
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : cap(d, max));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static Instant fromLocal(String v, DateTimeFormatter f, Instant now) {
        if (f == RFC_850) {
            // The weekday is dropped before parsing: with a two-digit year it cannot be cross-checked yet.
            java.util.regex.Matcher m = RFC_850_DAY.matcher(v);
            if (!m.lookingAt()) {
                throw new DateTimeParseException("not an RFC 850 date", v, 0);
            }
            v = v.substring(m.end());
        }
        LocalDateTime t = LocalDateTime.parse(v, f);
        if (f == RFC_850) {
            // A two-digit year more than 50 years in the future means the most recent past year with those digits.
            int nowYear = now.atOffset(ZoneOffset.UTC).getYear();
            int year = nowYear - nowYear % 100 + t.getYear() % 100;
            if (year > nowYear + 50) {
                year -= 100;
            }
            t = t.withYear(year);
        }
        return t.toInstant(ZoneOffset.UTC);
    }

    private static Duration cap(Duration d, Duration max) {
        return d.compareTo(max) > 0 ? max : d;
    }
}
