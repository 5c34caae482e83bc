package org.fmishare.core.jose.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class StrictBase64Test {

    @Test
    void nonCanonicalTrailingBitsAreRejectedThoughTheJdkDecodesThem() {
        // "AR" and "AQ" both decode to the single byte 0x01 with the JDK decoder: a changed signature character that
        // would otherwise go unnoticed.
        assertThat(Base64.getUrlDecoder().decode("AR")).containsExactly(1);
        assertThat(StrictBase64.url("AQ")).hasValueSatisfying(b -> assertThat(b).containsExactly(1));
        assertThat(StrictBase64.url("AR")).isEmpty();
    }

    @Test
    void paddingAndForeignAlphabetsAreRejected() {
        assertThat(StrictBase64.url("AQ==")).isEmpty();
        assertThat(StrictBase64.url("+/8")).isEmpty();
        assertThat(StrictBase64.standard("+/8=")).isPresent();
        assertThat(StrictBase64.standard("+/8")).isEmpty();
        assertThat(StrictBase64.standard("-_8=")).isEmpty();
    }
}
