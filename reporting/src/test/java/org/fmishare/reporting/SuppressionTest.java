package org.fmishare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.fmishare.reporting.internal.Suppression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Primary and complementary suppression, one row per case in {@code suppression-cases.csv}. */
class SuppressionTest {
    @ParameterizedTest(name = "[{index}] {0} total {1} sum={2} k={3} -> {4} / {5}")
    @CsvFileSource(resources = "suppression-cases.csv", delimiter = ';', numLinesToSkip = 1)
    void suppressesSmallCountsAndWhatWouldRevealThem(String counts, long total, boolean totalIsSum, int k,
            String expectedCells, String expectedTotal) {
        long[] c = Arrays.stream(counts.split(" ")).mapToLong(Long::parseLong).toArray();
        Suppression.Row row = Suppression.apply(c, total, totalIsSum, k);
        assertThat(row.cells().stream().map(x -> x.display()).collect(Collectors.joining(" ")))
                .isEqualTo(expectedCells);
        assertThat(row.total().display()).isEqualTo(expectedTotal);
        row.cells().stream().filter(Cell::isSuppressed).forEach(x -> assertThat(x.value()).isEmpty());
    }
}
