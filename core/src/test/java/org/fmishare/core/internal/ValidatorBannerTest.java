package org.fmishare.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * A correctly used library prints nothing on stderr: Hibernate Validator's INFO banner stays off the JDK console
 * handler, unless the application's logging configuration asks for it. Each case runs in a fresh JVM because the
 * banner is logged once per JVM.
 */
class ValidatorBannerTest {
    private static final String BANNER = "HV000001";

    @Test
    void bootstrappingTheModelChecksPrintsNoBanner() throws Exception {
        assertThat(runProbe("model")).doesNotContain(BANNER);
    }

    @Test
    void theProbeSeesTheBannerWhenNothingQuietensIt() throws Exception {
        // Without this control the test above would also pass if the banner went somewhere else entirely.
        assertThat(runProbe("plain")).contains(BANNER);
    }

    @Test
    void anExplicitLevelFromTheApplicationIsLeftAlone() throws Exception {
        assertThat(runProbe("configured")).contains(BANNER);
    }

    private static String runProbe(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Probe.class.getName(), mode)).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String stderr = new String(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isZero();
        return stderr;
    }

    /** Runs in the child JVM. */
    static final class Probe {
        private static Logger configured;

        public static void main(String[] args) throws Exception {
            switch (args[0]) {
                case "model" -> Class.forName(ModelChecks.class.getName(), true, Probe.class.getClassLoader());
                case "plain" -> Validation.byDefaultProvider().configure()
                        .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().close();
                case "configured" -> {
                    configured = Logger.getLogger("org.hibernate.validator");
                    configured.setLevel(Level.INFO);
                    Class.forName(ModelChecks.class.getName(), true, Probe.class.getClassLoader());
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }
}
