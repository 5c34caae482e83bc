package org.fmishare.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every document of {@code json/malformed/cases.tsv} through the codec and checks the typed error, the JSON
 * path it names and, for value errors, the rule.
 */
class MalformedJsonCorpusTest {

    record Case(String file, String type, String exception, String path, String rule, int maxInputBytes) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<String> lines = read("cases.tsv").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        return lines.stream().map(l -> {
            String[] c = Arrays.copyOf(l.split("\t", -1), 6);
            return new Case(c[0], c[1], c[2], c[3], c[4] == null ? "" : c[4],
                    c[5] == null || c[5].isEmpty() ? FmiJson.DEFAULT_MAX_INPUT_BYTES : Integer.parseInt(c[5]));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsWithTypedErrorNamingThePath(Case c) throws Exception {
        FmiJson codec = FmiJson.builder().maxInputBytes(c.maxInputBytes()).build();
        Class<?> type = Class.forName("org.fmishare.core.model." + c.type());
        byte[] bytes;
        try (InputStream in = resource(c.file())) {
            bytes = in.readAllBytes();
        }

        Throwable thrown = catchThrowable(() -> codec.read(bytes, type));

        assertThat(thrown).as(c.file()).isInstanceOf(JsonCodecException.class);
        JsonCodecException e = (JsonCodecException) thrown;
        assertThat(e.getClass().getSimpleName()).as(c.file() + ": " + e.getMessage()).isEqualTo(c.exception());
        assertThat(e.path()).as(c.file() + ": " + e.getMessage()).isEqualTo(c.path());
        assertThat(e.getMessage()).startsWith(c.path() + ": ");
        assertThat(e.isInputRejection()).isTrue();
        if (!c.rule().isEmpty()) {
            assertThat(((JsonCodecException.InvalidValue) e).rule()).as(c.file()).isEqualTo(c.rule());
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MalformedJsonCorpusTest.class.getResourceAsStream("/json/malformed/" + name);
        if (in == null) {
            throw new IllegalStateException("missing corpus file " + name);
        }
        return in;
    }

    private static String read(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
