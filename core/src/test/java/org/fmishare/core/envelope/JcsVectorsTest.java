package org.fmishare.core.envelope;

import org.fmishare.testkit.TestResources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.erdtman.jcs.NumberToJSON;
import org.fmishare.core.jose.Jcs;
import org.junit.jupiter.api.Test;

/**
 * RFC 8785 reference data: byte-exact output for every input file, ES6 number serialisation for every line of
 * es6numbers_10k.txt (through the number formatter of the canonicaliser the SDK uses, and through the whole
 * canonicaliser), and I-JSON rejections.
 */
class JcsVectorsTest {
    private static final Path DIR = TestResources.path(JcsVectorsTest.class, "/vectors/jcs");

    @Test
    void everyInputFileCanonicalisesByteForByte() throws IOException {
        List<String> mismatches = new ArrayList<>();
        List<Path> inputs;
        try (Stream<Path> s = Files.list(DIR.resolve("input"))) {
            inputs = s.sorted().toList();
        }
        for (Path in : inputs) {
            byte[] expected = Files.readAllBytes(DIR.resolve("output").resolve(in.getFileName()));
            byte[] actual = Jcs.canonicalize(Files.readAllBytes(in));
            if (!java.util.Arrays.equals(expected, actual)) {
                mismatches.add(in.getFileName() + ": " + new String(actual, StandardCharsets.UTF_8));
            }
            String hex = Files.readString(DIR.resolve("outhex").resolve(in.getFileName().toString()
                    .replace(".json", ".txt"))).trim().replaceAll("\\s+", " ");
            if (!java.util.HexFormat.ofDelimiter(" ").formatHex(actual).equals(hex)) {
                mismatches.add(in.getFileName() + ": differs from outhex");
            }
        }
        assertThat(inputs).hasSize(6);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyEs6NumberLineSerialisesExactly() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("es6numbers_10k.txt"));
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            int comma = line.indexOf(',');
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, comma), 16));
            String expected = line.substring(comma + 1);
            String formatted = NumberToJSON.serializeNumber(d);
            if (!formatted.equals(expected)) {
                mismatches.add(line + " -> " + formatted);
            }
            // And through the full canonicaliser, from Java's own spelling of the same double.
            if (Double.isFinite(d) && (Math.abs(d) <= 9007199254740991d || d != Math.rint(d))) {
                String canonical = new String(Jcs.canonicalize(("[" + Double.toString(d) + "]")
                        .getBytes(StandardCharsets.US_ASCII)), StandardCharsets.UTF_8);
                if (!canonical.equals("[" + expected + "]")) {
                    mismatches.add(line + " -> canonicaliser " + canonical);
                }
            }
        }
        assertThat(lines).hasSize(10_000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void duplicateKeysAreRejectedBeforeCanonicalisation() {
        assertThatThrownBy(() -> Jcs.canonicalize("{\"a\":1,\"b\":{\"c\":1,\"c\":2}}".getBytes(
                StandardCharsets.UTF_8))).isInstanceOf(Jcs.NotIJsonException.class);
    }

    @Test
    void nonIJsonIsRejected() {
        for (String bad : new String[] {"{\"a\":\"\\ud800\"}", "{\"\\udc00\":1}", "[9007199254740993]",
                "[1e400]", "[NaN]", "{\"a\":1} x", ""}) {
            assertThatThrownBy(() -> Jcs.canonicalize(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(Jcs.NotIJsonException.class);
        }
    }

    /**
     * The canonicaliser writes from the Jackson tree; on random documents (every escape class, non-BMP characters,
     * integers and fractions, nesting, keys that sort differently by UTF-16 unit than by code point) it must agree
     * byte for byte with the reference library's own parser and serialiser.
     */
    @Test
    void agreesWithTheReferenceLibraryOnRandomDocuments() throws IOException {
        java.util.Random random = new java.util.Random(8785);
        for (int i = 0; i < 2_000; i++) {
            // The reference library accepts only an object or an array at the top.
            StringBuilder json = new StringBuilder("[");
            randomValue(random, json, 0);
            json.append(']');
            byte[] in = json.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(Jcs.canonicalize(in)).as(json.toString())
                    .isEqualTo(new org.erdtman.jcs.JsonCanonicalizer(in).getEncodedUTF8());
        }
    }

    private static void randomValue(java.util.Random r, StringBuilder out, int depth) {
        int kind = depth > 3 ? 2 + r.nextInt(4) : r.nextInt(6);
        switch (kind) {
            case 0 -> {
                out.append('{');
                java.util.Set<String> keys = new java.util.HashSet<>();
                int n = r.nextInt(5);
                for (int k = 0; k < n; k++) {
                    String key = randomString(r);
                    if (!keys.add(key)) {
                        continue;
                    }
                    if (out.charAt(out.length() - 1) != '{') {
                        out.append(',');
                    }
                    quote(key, out);
                    out.append(':');
                    randomValue(r, out, depth + 1);
                }
                out.append('}');
            }
            case 1 -> {
                out.append('[');
                int n = r.nextInt(5);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        out.append(',');
                    }
                    randomValue(r, out, depth + 1);
                }
                out.append(']');
            }
            case 2 -> quote(randomString(r), out);
            case 3 -> out.append(r.nextInt(3) == 0 ? Long.toString(r.nextLong() % 9007199254740991L)
                    : Integer.toString(r.nextInt()));
            case 4 -> out.append(Double.toString((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20)));
            default -> out.append(List.of("true", "false", "null").get(r.nextInt(3)));
        }
    }

    private static String randomString(java.util.Random r) {
        String pool = "aZ09 \"\\/\b\t\n\f\r\u0000\u001f\u007f\u00e9\u2028\u20ac\ufb01\ufffd";
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(6) == 0) {
                sb.appendCodePoint(0x1F600 + r.nextInt(50));
            } else {
                sb.append(pool.charAt(r.nextInt(pool.length())));
            }
        }
        return sb.toString();
    }

    /** Writes a JSON string escaping everything as \\uXXXX, so the canonical form has to re-escape it. */
    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || (i % 2 == 0 && c > 0x7e && !Character.isSurrogate(c))) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
