package org.fmishare.testkit;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider for test JVMs: slf4j-simple's logging, whose own MDC discards everything, with a working MDC, so
 * tests can check what the SDK puts into it. A test tree selects it with the {@code slf4j.provider} system property
 * in its surefire configuration ({@code org.fmishare.testkit.SimpleLoggingWithMdc}) and adds {@code slf4j-simple} at
 * test scope (the testkit declares it optional). It is deliberately not registered as a service, so nothing that
 * merely has the testkit on its class path changes how it logs.
 */
public final class SimpleLoggingWithMdc implements SLF4JServiceProvider {
    private final SimpleServiceProvider simple = new SimpleServiceProvider();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    /** Creates the provider; SLF4J does this once, when it is first used. */
    public SimpleLoggingWithMdc() {}

    /** {@return slf4j-simple's logger factory} */
    @Override
    public ILoggerFactory getLoggerFactory() {
        return simple.getLoggerFactory();
    }

    /** {@return slf4j-simple's marker factory} */
    @Override
    public IMarkerFactory getMarkerFactory() {
        return simple.getMarkerFactory();
    }

    /** {@return an MDC that keeps what is put into it, per thread} */
    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    /** {@return the SLF4J API version slf4j-simple was built for} */
    @Override
    public String getRequestedApiVersion() {
        return simple.getRequestedApiVersion();
    }

    /** Initialises slf4j-simple. */
    @Override
    public void initialize() {
        simple.initialize();
    }
}
