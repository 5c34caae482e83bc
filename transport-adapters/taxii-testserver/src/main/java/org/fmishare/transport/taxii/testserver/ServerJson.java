package org.fmishare.transport.taxii.testserver;

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
import tools.jackson.databind.json.JsonMapper;

/** The test server's own JSON and timestamp handling (independent of the client's, see {@link StoredObject}). */
final class ServerJson {
    /** Strict mapper: duplicate keys and trailing content rejected, nesting and sizes bounded. Thread-safe. */
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                            .maxStringLength(64 * 1024 * 1024).maxNumberLength(64).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    // TAXII 2.1 section 3.6 timestamps: RFC 3339 in UTC with a Z; the server writes microseconds, as many do.
    private static final Pattern TIMESTAMP =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ServerJson() {}

    static String timestamp(Instant t) {
        return MICROS.format(t);
    }

    static Instant parseTimestamp(String text) {
        if (text == null || !TIMESTAMP.matcher(text).matches()) {
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
