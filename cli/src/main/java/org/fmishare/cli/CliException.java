package org.fmishare.cli;

/**
 * A command-line failure with its exit code (see {@link ExitCodes}) and a one-line message for stderr. Commands
 * added to the CLI from outside (the demo) throw it too.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /**
     * A failure without a cause.
     *
     * @param exitCode the process exit code
     * @param message the one-line message
     */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * A failure with its cause (printed with {@code --verbose}).
     *
     * @param exitCode the process exit code
     * @param message the one-line message
     * @param cause the cause
     */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** {@return the process exit code} */
    public int exitCode() {
        return exitCode;
    }
}
