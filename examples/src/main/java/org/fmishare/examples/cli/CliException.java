package org.fmishare.examples.cli;

/** A command-line failure with its exit code and a one-line message for stderr. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliException pending(String command, String capability) {
        return new CliException(ExitCodes.USAGE, "'" + command + "' is not available yet: " + capability
                + " has not landed in this build (see the README's list of pending commands)");
    }
}
