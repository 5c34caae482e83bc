package org.fmishare.consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application that runs the SDK's quickstart and an HTTPS round trip while it starts. */
@SpringBootApplication
public class App {

    /** {@return the quickstart's summary, computed inside the application context} */
    @Bean
    String quickstartSummary() {
        return Quickstart.run();
    }

    public static void main(String[] args) {
        SpringApplication.run(App.class, args);
    }
}
