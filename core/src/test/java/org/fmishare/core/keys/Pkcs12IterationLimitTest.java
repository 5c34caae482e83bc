package org.fmishare.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;

/**
 * A PKCS#12 store names its own key-derivation and MAC iteration counts; one with a huge count is refused before any
 * key is derived, with a message naming the count (before, it read as a corrupt file or a wrong password). The stores here are real ones with
 * the DER integer 100,000 (what the SDK writes) replaced in place by 8,388,607, the largest count of the same length.
 */
class Pkcs12IterationLimitTest {
    private static final TestPki.Authority ROOT = TestPki.authority("P12 Limit Root", KeyAlgorithm.EC_P256,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    private static final byte[] COUNT_100000 = {0x02, 0x03, 0x01, (byte) 0x86, (byte) 0xa0};
    private static final byte[] COUNT_8388607 = {0x02, 0x03, 0x7f, (byte) 0xff, (byte) 0xff};
    private static final char[] PASSWORD = "secret".toCharArray();

    private static byte[] store() {
        return Credentials.toPkcs12(ROOT.issue("p12 limit", KeyAlgorithm.EC_P256), "signer", PASSWORD);
    }

    private static List<Integer> countsIn(byte[] der) {
        List<Integer> at = new ArrayList<>();
        outer:
        for (int i = 0; i + COUNT_100000.length <= der.length; i++) {
            for (int j = 0; j < COUNT_100000.length; j++) {
                if (der[i + j] != COUNT_100000[j]) {
                    continue outer;
                }
            }
            at.add(i);
        }
        return at;
    }

    private static byte[] raise(byte[] der, List<Integer> offsets) {
        byte[] out = der.clone();
        for (int offset : offsets) {
            System.arraycopy(COUNT_8388607, 0, out, offset, COUNT_8388607.length);
        }
        return out;
    }

    @Test
    void theStoresTheSdkWritesAreWithinTheLimitAndLoad() {
        byte[] der = store();
        assertThat(countsIn(der)).as("MAC and at least one PBKDF2 count of 100,000").hasSizeGreaterThanOrEqualTo(2);
        assertThat(Credentials.fromPkcs12(der, PASSWORD).certificate()).isNotNull();
    }

    @Test
    void aStoreWithAHugeMacIterationCountIsRefusedBeforeAnyDerivation() {
        byte[] der = store();
        List<Integer> counts = countsIn(der);
        // MacData is the last element of the PFX, so its count is the last occurrence.
        byte[] hostile = raise(der, List.of(counts.get(counts.size() - 1)));
        assertThatThrownBy(() -> Credentials.fromPkcs12(hostile, PASSWORD))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("MAC iteration count 8388607")
                .hasMessageContaining("1.." + Pkcs12Limits.MAX_ITERATIONS);
    }

    @Test
    void aStoreWithAHugeKeyDerivationIterationCountIsRefusedBeforeAnyDerivation() {
        byte[] der = store();
        List<Integer> counts = countsIn(der);
        byte[] hostile = raise(der, counts.subList(0, counts.size() - 1));
        assertThatThrownBy(() -> Credentials.fromPkcs12(hostile, PASSWORD))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("PBKDF2 iteration count 8388607");
    }
}
