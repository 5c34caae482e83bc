package org.fmishare.consumer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.transport.https.EnvelopeConsumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An office and a company in one application, configured by application.yml alone: the starter makes the signer,
 * outbox, dispatcher and the receiver endpoint; the application only says what to do with a received envelope.
 */
@SpringBootApplication
public class App {
    /** What the receiver endpoint accepted, for the test to look at. */
    static final BlockingQueue<VerifiedEnvelope> RECEIVED = new LinkedBlockingQueue<>();

    @Bean
    EnvelopeConsumer onEnvelope() {
        return RECEIVED::add;
    }

    public static void main(String[] args) {
        SpringApplication.run(App.class, args);
    }
}
