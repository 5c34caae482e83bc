package org.fmishare.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.fmishare.delivery.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A correctly configured application starts and stops without a single warning on stderr (where this test JVM's
 * SLF4J binding writes). Before the starter's quiet defaults, Spring Boot's Mustache auto-configuration warned at
 * every start, because the SDK's disclosure templates bring JMustache and the application has no template folder.
 */
class QuietStartTest {
    @TempDir
    Path dir;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}

    @Test
    void aCorrectlyConfiguredApplicationLogsNoWarning() {
        StarterFiles files = new StarterFiles(dir);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(files.sender().toArray(String[]::new))
                .properties("spring.main.banner-mode=off").run()) {
            assertThat(context.getBean(Dispatcher.class)).isNotNull();
        } finally {
            System.setErr(original);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertThat(err.lines().filter(l -> l.contains("WARN") || l.contains("WARNING"))).as(err).isEmpty();
    }
}
