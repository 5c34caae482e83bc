package org.fmishare.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fmishare.core.json.internal.IJsonKeyDeserializer;
import org.fmishare.core.json.internal.IJsonStringDeserializer;
import org.fmishare.core.json.internal.StrictTemporalDeserializers;
import org.fmishare.core.model.InvalidModelException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one JSON codec of the SDK: reads and writes every model type with a single, strictly configured Jackson
 * mapper.
 *
 * <p>Reading is strict: unknown properties, duplicate keys, trailing content, wrong JSON types (no coercion of
 * {@code "1"} to a number or of numbers to strings), non-UTC or non-ISO timestamps, and oversized input are
 * rejected with a {@link JsonCodecException} subtype naming the JSON path. Every value then passes the model's
 * own constraints, so a document that reads successfully is a valid model value.
 *
 * <p>Writing produces compact UTF-8 JSON; timestamps are ISO-8601 in UTC ({@code 2024-02-01T12:00:00Z}), dates
 * ISO-8601 ({@code 2024-11-05}); empty optionals are omitted; empty lists are written as {@code []}.
 *
 * <p>Instances are immutable and thread-safe; share one.
 */
public final class FmiJson {
    /** Default limit on input size: 16 MiB, enough for a share with 10,000 accounts and facts. */
    public static final int DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024;
    /** Default limit on nesting depth. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final java.util.regex.Pattern DUPLICATE_NAME =
            java.util.regex.Pattern.compile("[Dd]uplicate (?:Object )?(?:property|field) \"([^\"]*)\"");
    private static final FmiJson STANDARD = builder().build();

    private final JsonMapper mapper;
    private final int maxInputBytes;

    private FmiJson(Builder b) {
        this.maxInputBytes = b.maxInputBytes;
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(b.maxInputBytes)
                        .maxNestingDepth(b.maxDepth)
                        .maxStringLength(b.maxInputBytes)
                        .maxNumberLength(64)
                        .build())
                .build();
        SimpleModule temporal = new SimpleModule("fmi-share-strict-temporal");
        temporal.addDeserializer(Instant.class, new StrictTemporalDeserializers.InstantDeserializer());
        temporal.addDeserializer(LocalDate.class, new StrictTemporalDeserializers.LocalDateDeserializer());
        // The same I-JSON string rule signing applies, so validate and sign refuse the same documents.
        temporal.addDeserializer(String.class, new IJsonStringDeserializer());
        temporal.addKeyDeserializer(String.class, new IJsonKeyDeserializer());
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .withCoercionConfigDefaults(c -> c
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // Strings stay strings: only textual types (and enums, by name) accept a JSON string.
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.String,
                        CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.String,
                        CoercionAction.TryConvert))
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
                .addModule(temporal)
                .build();
    }

    /**
     * The codec with default limits.
     *
     * @return the shared standard codec
     */
    public static FmiJson standard() {
        return STANDARD;
    }

    /**
     * Starts a builder for a codec with other limits.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a document.
     *
     * @param json UTF-8 JSON bytes
     * @param type the model type expected at the top level
     * @param <T> the type
     * @return the value, valid against the model's constraints
     * @throws JsonCodecException naming the path of the first problem
     */
    public <T> T read(byte[] json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        if (json.length > maxInputBytes) {
            throw new JsonCodecException.TooLarge("$", "input of " + json.length + " bytes exceeds the limit of "
                    + maxInputBytes + " bytes", null);
        }
        return decode(type, reader(type), json);
    }

    /**
     * Binds a tree already read with this codec's {@link #mapper() mapper}, so a caller that has checked the tree
     * (for example for RFC 8785 canonical form) does not parse the bytes a second time. Binding is as strict as
     * {@link #read(byte[], Class)}: the same coercion rules and model constraints, the same error paths.
     *
     * @param tree the document
     * @param type the model type expected at the top level
     * @param <T> the type
     * @return the value, valid against the model's constraints
     * @throws JsonCodecException naming the path of the first problem
     */
    public <T> T read(tools.jackson.databind.JsonNode tree, Class<T> type) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(type, "type");
        if (type.isRecord() && tree.isArray()) {
            throw new JsonCodecException.WrongType("$", "expected a JSON object for " + type.getSimpleName()
                    + ", got an array", null);
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw translate(e);
        } catch (InvalidModelException e) {
            InvalidModelException.Violation v = e.first();
            throw new JsonCodecException.InvalidValue("$." + v.field(), v.rule(), v.message(), e);
        }
    }

    /**
     * Reads a document from a string.
     *
     * @param json the JSON text
     * @param type the model type expected at the top level
     * @param <T> the type
     * @return the value
     * @throws JsonCodecException naming the path of the first problem
     */
    public <T> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        // Encoding would silently turn a lone surrogate into '?', and the document would read as something else.
        int bad = IJsonStringDeserializer.loneSurrogate(json);
        if (bad >= 0) {
            throw new JsonCodecException.InvalidValue("$", "i-json", "the document text "
                    + IJsonStringDeserializer.LONE_SURROGATE + bad, null);
        }
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /**
     * Reads a document from a stream, reading at most the size limit plus one byte; the stream is not closed.
     *
     * @param in the stream
     * @param type the model type expected at the top level
     * @param <T> the type
     * @return the value
     * @throws JsonCodecException naming the path of the first problem, or {@link JsonCodecException.TooLarge}
     * @throws java.io.UncheckedIOException when the stream fails
     */
    public <T> T read(InputStream in, Class<T> type) {
        Objects.requireNonNull(in, "in");
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxInputBytes + 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading JSON input failed", e);
        }
        return read(bytes, type);
    }

    /**
     * Writes a value as compact UTF-8 JSON.
     *
     * @param value a model value
     * @return the JSON bytes
     */
    public byte[] write(Object value) {
        Objects.requireNonNull(value, "value");
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new JsonCodecException.WriteFailed(path(e), "cannot write " + value.getClass().getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes a value as compact JSON text.
     *
     * @param value a model value
     * @return the JSON text
     */
    public String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /**
     * Writes a value as indented JSON text, for people to read.
     *
     * @param value a model value
     * @return the indented JSON text
     */
    public String writePretty(Object value) {
        Objects.requireNonNull(value, "value");
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JacksonException e) {
            throw new JsonCodecException.WriteFailed(path(e), "cannot write " + value.getClass().getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The configured mapper, for SDK modules that need tree access with the same strict settings (for example
     * canonicalisation before signing). Callers must not reconfigure it (Jackson 3 mappers are immutable).
     *
     * @return the mapper
     */
    public JsonMapper mapper() {
        return mapper;
    }

    private ObjectReader reader(Class<?> type) {
        return mapper.readerFor(type);
    }

    private static <T> T decode(Class<T> type, ObjectReader reader, byte[] json) {
        if (type.isRecord() && firstSignificantByte(json) == '[') {
            throw new JsonCodecException.WrongType("$", "expected a JSON object for " + type.getSimpleName()
                    + ", got an array", null);
        }
        try {
            return reader.readValue(json);
        } catch (JacksonException e) {
            throw translate(e);
        } catch (InvalidModelException e) {
            // Thrown by a top-level value whose constructor Jackson called directly.
            InvalidModelException.Violation v = e.first();
            throw new JsonCodecException.InvalidValue("$." + v.field(), v.rule(), v.message(), e);
        }
    }

    static JsonCodecException translate(JacksonException e) {
        String path = path(e);
        String msg = e.getOriginalMessage();
        if (e instanceof ValueInstantiationException vie) {
            Throwable cause = rootModelCause(vie);
            if (cause instanceof InvalidModelException ime) {
                InvalidModelException.Violation v = ime.first();
                // A scalar-backed value (CountryCode, an enum with a code) is one JSON value: its field is the path.
                boolean scalar = vie.getType() != null && isScalarBacked(vie.getType().getRawClass());
                String full = scalar || "(value)".equals(v.field()) ? path : join(path, v.field());
                return new JsonCodecException.InvalidValue(full, v.rule(), v.message(), ime);
            }
            if (cause instanceof DateTimeParseException) {
                return new JsonCodecException.InvalidValue(path, "iso-8601", cause.getMessage(), e);
            }
            return new JsonCodecException.InvalidValue(path, "constructor", cause == null ? msg : cause.getMessage(),
                    e);
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            return new JsonCodecException.UnknownProperty(path, "unknown property '" + upe.getPropertyName()
                    + "' in " + upe.getReferringClass().getSimpleName(), e);
        }
        if (e instanceof InvalidNullException) {
            return new JsonCodecException.InvalidValue(path, "NotNull", "must not be null", e);
        }
        if (e instanceof StreamConstraintsException) {
            return new JsonCodecException.TooLarge(path, msg, e);
        }
        if (e instanceof InvalidFormatException ife) {
            Class<?> target = ife.getTargetType();
            if (target == Instant.class || target == LocalDate.class) {
                return new JsonCodecException.InvalidValue(path, "iso-8601", "'" + ife.getValue() + "' is not "
                        + (target == Instant.class ? "an ISO-8601 UTC timestamp such as 2024-02-01T12:00:00Z"
                                : "an ISO-8601 date such as 2024-11-05"), e);
            }
            if (target == String.class && msg != null && msg.contains(IJsonStringDeserializer.LONE_SURROGATE)) {
                return new JsonCodecException.InvalidValue(path, "i-json",
                        msg.substring(msg.indexOf(IJsonStringDeserializer.LONE_SURROGATE)), e);
            }
            if (target != null && target.isEnum() && ife.getValue() instanceof Number) {
                return new JsonCodecException.WrongType(path, "expected one of "
                        + List.of(target.getEnumConstants()) + " as a string, got a number", e);
            }
            if (target != null && target.isEnum()) {
                return new JsonCodecException.InvalidValue(path, "enum", "'" + ife.getValue()
                        + "' is not one of " + List.of(ife.getTargetType().getEnumConstants()), e);
            }
            return new JsonCodecException.WrongType(path, msg, e);
        }
        if (e instanceof MismatchedInputException mie) {
            String lower = msg == null ? "" : msg.toLowerCase(Locale.ROOT);
            if (lower.contains("trailing token")) {
                return new JsonCodecException.TrailingContent(path, "content after the end of the document", e);
            }
            if (lower.contains("no content to map") || lower.contains("end-of-input")) {
                return new JsonCodecException.Malformed(path, "document is empty or truncated", e);
            }
            Class<?> target = mie.getTargetType();
            return new JsonCodecException.WrongType(path, "wrong JSON type"
                    + (target == null ? "" : " for " + target.getSimpleName()) + ": " + msg, e);
        }
        if (e instanceof StreamReadException) {
            String lower = msg == null ? "" : msg.toLowerCase(Locale.ROOT);
            if (lower.contains("duplicate")) {
                java.util.regex.Matcher m = DUPLICATE_NAME.matcher(msg);
                String full = !m.find() || path.endsWith("." + m.group(1)) ? path : path + "." + m.group(1);
                return new JsonCodecException.DuplicateKey(full, "property '" + (m.find(0) ? m.group(1) : "?")
                        + "' appears more than once", e);
            }
            return new JsonCodecException.Malformed(path, msg, e);
        }
        return new JsonCodecException.Malformed(path, msg, e);
    }

    private static Throwable rootModelCause(Throwable t) {
        Throwable cur = t.getCause();
        while (cur != null) {
            if (cur instanceof InvalidModelException || cur instanceof DateTimeParseException) {
                return cur;
            }
            if (cur.getCause() == null || cur.getCause() == cur) {
                return cur;
            }
            cur = cur.getCause();
        }
        return null;
    }

    private static int firstSignificantByte(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b;
            }
        }
        return -1;
    }

    private static boolean isScalarBacked(Class<?> type) {
        if (type.isEnum()) {
            return true;
        }
        for (java.lang.reflect.Method m : type.getMethods()) {
            if (m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) {
                return true;
            }
        }
        return false;
    }

    private static String join(String base, String field) {
        return field.startsWith("[") ? base + field : base + "." + field;
    }

    /** Builds a JSONPath from the databind reference chain, or from the parser's position for stream errors. */
    static String path(JacksonException e) {
        List<JacksonException.Reference> refs = e.getPath();
        // Stream errors know the parser position, which is deeper than databind's reference chain.
        if (refs != null && !refs.isEmpty() && !(e instanceof StreamReadException)) {
            StringBuilder sb = new StringBuilder("$");
            for (JacksonException.Reference ref : refs) {
                if (ref.getPropertyName() != null) {
                    sb.append('.').append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.toString();
        }
        if (e.processor() instanceof JsonParser p) {
            TokenStreamContext ctx = p.streamReadContext();
            // On a structural start token the parser has already entered the new scope; the value is its parent's.
            if (ctx != null && p.currentToken() != null && p.currentToken().isStructStart()) {
                ctx = ctx.getParent();
            }
            return contextPath(ctx);
        }
        return "$";
    }

    private static String contextPath(TokenStreamContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (TokenStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.currentName() != null) {
                sb.insert(0, "." + c.currentName());
            } else if (c.inArray()) {
                sb.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return "$" + sb;
    }

    /** Configures a codec; each option has a safe default. */
    public static final class Builder {
        private int maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
        private int maxDepth = DEFAULT_MAX_DEPTH;

        private Builder() {}

        /**
         * Sets the largest accepted input.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxInputBytes(int bytes) {
            if (bytes < 1 || bytes == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxInputBytes must be between 1 and " + (Integer.MAX_VALUE - 1)
                        + ", was " + bytes);
            }
            this.maxInputBytes = bytes;
            return this;
        }

        /**
         * Sets the deepest accepted nesting of arrays and objects.
         *
         * @param depth at least 8 (the model itself nests about 6 deep)
         * @return this builder
         */
        public Builder maxDepth(int depth) {
            if (depth < 8) {
                throw new IllegalArgumentException("maxDepth must be at least 8, was " + depth);
            }
            this.maxDepth = depth;
            return this;
        }

        /**
         * Builds the immutable codec.
         *
         * @return the codec
         */
        public FmiJson build() {
            return new FmiJson(this);
        }
    }
}
