package org.fmishare.core.json.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Deserializers that accept only the SDK's wire forms: timestamps as ISO-8601 strings in UTC with a {@code Z}
 * suffix, dates as {@code yyyy-MM-dd}. Jackson's defaults also accept epoch numbers, arrays and offsets, which would
 * let two different documents mean the same thing and defeat canonical signing. Not API.
 */
public final class StrictTemporalDeserializers {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private StrictTemporalDeserializers() {}

    /** Reads an {@link Instant} from {@code 2024-02-01T12:00:00Z} (fraction optional). */
    public static final class InstantDeserializer extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getString();
            Instant parsed;
            try {
                parsed = parseUtc(text);
            } catch (DateTimeException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not a valid timestamp: "
                        + e.getMessage());
            }
            if (parsed == null) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "expected an ISO-8601 UTC timestamp such as 2024-02-01T12:00:00Z");
            }
            return parsed;
        }
    }

    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    /**
     * Parses the one timestamp form the wire allows, {@code uuuu-MM-ddTHH:mm:ss[.f{1,9}]Z} with ASCII digits, by
     * position: every envelope carries dozens of timestamps, and a regular expression followed by
     * {@link Instant#parse} was a tenth of a whole verification's time. A leap second ({@code :60}) is left to
     * {@link Instant#parse}, which has its own rule for it, and so is the end of a day ({@code T24:00:00}, which it reads
     * as the next midnight).
     *
     * @param text the string
     * @return the instant, or {@code null} when the text does not have the form
     * @throws DateTimeException when it has the form but names no valid time (month 13, 30 February, hour 24)
     */
    public static Instant parseUtc(String text) {
        int n = text.length();
        if (n < 20 || n == 21 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || (n > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = digits(text, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * SCALE[n - 22];
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        if (second == 60 || hour == 24) {
            return Instant.parse(text);
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /** The non-negative value of ASCII digits {@code [from, to)}, or -1 when any is not one. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Reads a {@link LocalDate} from {@code 2024-11-05}. */
    public static final class LocalDateDeserializer extends ValueDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString();
            try {
                return LocalDate.parse(text, DATE);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                        "expected an ISO-8601 date such as 2024-11-05");
            }
        }
    }
}
