package org.fmishare.core.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Hibernate Validator's start-up banner ({@code HV000001: Hibernate Validator <version>}) off stderr.
 *
 * <p>Hibernate Validator logs through JBoss Logging, which falls back to {@code java.util.logging} unless the
 * application uses JBoss LogManager, Log4j or Logback; the JDK's default console handler then prints the INFO banner
 * on stderr the first time a model record is built. This class raises the level of that one logger (Hibernate
 * Validator's {@code Version} class, which logs nothing else) to WARNING, and only when the application configured no
 * level for it or for any of its parent loggers, so explicit logging configuration always wins. No system property
 * and no handler is changed; with any other JBoss Logging back end this has no effect.
 *
 * <p>Not API.
 */
public final class ValidatorBanner {
    /** The logger the banner goes to (JBoss Logging names it after the logging class). */
    static final String LOGGER_NAME = "org.hibernate.validator.internal.util.Version";

    /** Held so the configured level outlives garbage collection of an otherwise unreferenced JUL logger. */
    private static final Logger BANNER_LOGGER = Logger.getLogger(LOGGER_NAME);

    private ValidatorBanner() {
    }

    /**
     * Quietens the banner unless logging configuration already decides its level; call before the first
     * {@code jakarta.validation.Validation} bootstrap.
     *
     * @return whether the level was raised
     */
    public static synchronized boolean quieten() {
        for (Logger l = BANNER_LOGGER; l != null && !l.getName().isEmpty(); l = l.getParent()) {
            if (l.getLevel() != null) {
                return false;
            }
        }
        BANNER_LOGGER.setLevel(Level.WARNING);
        return true;
    }
}
