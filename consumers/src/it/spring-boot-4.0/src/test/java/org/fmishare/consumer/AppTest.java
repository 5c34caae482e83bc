package org.fmishare.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

class AppTest {

    @Test
    void theQuickstartAndAnHttpsRoundTripRunInsideSpringBoot() {
        try (ConfigurableApplicationContext context = SpringApplication.run(App.class)) {
            String summary = context.getBean("quickstartSummary", String.class);
            assertTrue(summary.contains("with a verified receipt"), summary);
        }
    }
}
