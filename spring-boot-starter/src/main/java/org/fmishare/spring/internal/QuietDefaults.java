package org.fmishare.spring.internal;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps a correctly configured application quiet: the SDK's disclosure templates bring JMustache, whose presence
 * makes Spring Boot's Mustache auto-configuration warn at every start that the application has no
 * {@code classpath:/templates/} folder. That check is switched off as a default of the lowest precedence, so an
 * application that sets {@code spring.mustache.check-template-location} itself (anywhere) keeps its value.
 */
public final class QuietDefaults implements EnvironmentPostProcessor {
    /** The name of the property source holding the defaults. */
    public static final String SOURCE = "fmishareQuietDefaults";

    /** Created by Spring Boot from {@code META-INF/spring.factories}. */
    public QuietDefaults() {}

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                    Map.of("spring.mustache.check-template-location", "false")));
        }
    }
}
