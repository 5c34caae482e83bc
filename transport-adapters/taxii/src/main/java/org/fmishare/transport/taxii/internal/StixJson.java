package org.fmishare.transport.taxii.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON setup for STIX and TAXII documents: duplicate keys and trailing content are rejected, nesting is
 * bounded, but (unlike the model codec) a whole document may be large, because TAXII pages are parsed as a stream
 * one object at a time. Not API.
 */
public final class StixJson {
    /** Largest single string accepted (a JWS with a large share payload still fits). */
    public static final int MAX_STRING = 64 * 1024 * 1024;

    /** The most bytes a parser reads ahead of the token it returns (its input buffer), with room to spare. */
    public static final int PARSER_BUFFER = 64 * 1024;

    /** Mapper for STIX/TAXII trees; immutable and thread-safe. */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxStringLength(MAX_STRING)
                            .maxNumberLength(64)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** Reader for one value inside a larger stream (no trailing-token check: the stream continues). */
    public static final ObjectReader IN_STREAM = MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    // STIX 2.1 section 3.2: RFC 3339, UTC, "Z"; fraction optional in general but we always write at least millis.
    private static final Pattern STIX_TIMESTAMP =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private StixJson() {}

    /**
     * Formats a STIX timestamp: UTC, millisecond precision, more digits only when the instant carries them (so
     * a round trip through STIX never loses precision).
     *
     * @param t the instant
     * @return for example {@code 2026-10-01T15:00:00.000Z}
     */
    public static String timestamp(Instant t) {
        int nanos = t.getNano();
        String fraction;
        if (nanos % 1_000_000 == 0) {
            fraction = String.format(Locale.ROOT, "%03d", nanos / 1_000_000);
        } else if (nanos % 1_000 == 0) {
            fraction = String.format(Locale.ROOT, "%06d", nanos / 1_000);
        } else {
            fraction = String.format(Locale.ROOT, "%09d", nanos);
        }
        return SECONDS.format(t) + "." + fraction + "Z";
    }

    /**
     * Parses a STIX or TAXII timestamp.
     *
     * @param text the text
     * @return the instant
     * @throws IllegalArgumentException when the text is not an RFC 3339 UTC timestamp with a {@code Z} suffix
     */
    public static Instant parseTimestamp(String text) {
        if (text == null || !STIX_TIMESTAMP.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an RFC 3339 UTC timestamp such as "
                    + "2026-10-01T15:00:00.000Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid timestamp: " + e.getMessage(), e);
        }
    }
}
