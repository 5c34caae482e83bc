package org.fmishare.core.json.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
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
    private static final Pattern UTC_INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
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
            if (!UTC_INSTANT.matcher(text).matches()) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "expected an ISO-8601 UTC timestamp such as 2024-02-01T12:00:00Z");
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not a valid timestamp: "
                        + e.getMessage());
            }
        }
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
