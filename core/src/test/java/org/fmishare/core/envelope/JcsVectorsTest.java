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
}
