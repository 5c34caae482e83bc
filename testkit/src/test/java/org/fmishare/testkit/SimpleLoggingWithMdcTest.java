package org.fmishare.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/** The test-JVM logging provider keeps what is put into the MDC, which slf4j-simple's own provider discards. */
class SimpleLoggingWithMdcTest {
    @Test
    void theMdcKeepsValuesPerThreadWhereSlf4jSimpleDiscardsThem() throws Exception {
        SimpleLoggingWithMdc provider = new SimpleLoggingWithMdc();
        provider.initialize();
        MDCAdapter mdc = provider.getMDCAdapter();
        String[] seenElsewhere = new String[1];
        // Made before the put: threads made after it inherit the values (the MDC is inheritable).
        Thread other = new Thread(() -> seenElsewhere[0] = mdc.get("envelopeId"));
        mdc.put("envelopeId", "e-1");
        assertThat(mdc.get("envelopeId")).isEqualTo("e-1");
        other.start();
        other.join();
        assertThat(seenElsewhere[0]).isNull();
        mdc.remove("envelopeId");
        assertThat(mdc.get("envelopeId")).isNull();

        SimpleServiceProvider simple = new SimpleServiceProvider();
        simple.initialize();
        simple.getMDCAdapter().put("envelopeId", "e-1");
        assertThat(simple.getMDCAdapter().get("envelopeId")).isNull();
    }

    @Test
    void loggersComeFromSlf4jSimple() {
        SimpleLoggingWithMdc provider = new SimpleLoggingWithMdc();
        provider.initialize();
        assertThat(provider.getLoggerFactory().getLogger("fmi-share.test").getClass().getName())
                .isEqualTo("org.slf4j.simple.SimpleLogger");
        assertThat(provider.getRequestedApiVersion()).startsWith("2.");
    }
}
