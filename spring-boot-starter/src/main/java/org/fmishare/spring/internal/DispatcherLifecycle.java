package org.fmishare.spring.internal;

import java.util.Objects;
import org.fmishare.delivery.Dispatcher;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the dispatcher when the application context has started (after every bean exists, so nothing is delivered
 * before the application is ready) and stops it before the context's beans are destroyed. A dispatcher cannot be
 * started again once closed, as a context cannot.
 */
public final class DispatcherLifecycle implements SmartLifecycle {
    private final Dispatcher dispatcher;
    private volatile boolean running;

    /**
     * Creates the lifecycle.
     *
     * @param dispatcher the dispatcher to start and stop
     */
    public DispatcherLifecycle(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public void start() {
        dispatcher.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        dispatcher.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
