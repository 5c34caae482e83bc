package org.fmishare.reporting;

import org.fmishare.core.FmiShareException;

/**
 * Root of the reporting module's exceptions: the report or its chart could not be produced or written. Both are
 * processing failures; a verified audit log is never rejected here (the audit module does that).
 */
public abstract sealed class ReportingException extends FmiShareException
        permits ReportingException.WriteFailed, ReportingException.ChartFailed {
    private static final long serialVersionUID = 1L;

    private ReportingException(String message, Throwable cause) {
        super(Kind.PROCESSING_FAILED, message, cause);
    }

    /** A report file could not be written. */
    public static final class WriteFailed extends ReportingException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message which file and why
         * @param cause the I/O failure
         */
        public WriteFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The chart could not be rendered (for example, no fonts available to a headless JVM). */
    public static final class ChartFailed extends ReportingException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what failed
         * @param cause the underlying failure
         */
        public ChartFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
