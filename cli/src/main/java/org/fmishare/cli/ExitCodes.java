package org.fmishare.cli;

/** Process exit codes of the {@code fmi-share} command line; documented in {@code --help} and the README. */
public final class ExitCodes {
    /** Success; for {@code validate}, verdict PASS. */
    public static final int OK = 0;
    /** A check failed: {@code validate} verdict FAIL, {@code verify} rejected the envelope. */
    public static final int FAILED = 1;
    /** {@code validate} verdict NEEDS_REVIEW. */
    public static final int NEEDS_REVIEW = 2;
    /** The input could not be read or is not a valid document. */
    public static final int UNREADABLE_INPUT = 3;
    /** An I/O, network or delivery failure. */
    public static final int IO_FAILURE = 4;
    /** Bad arguments. */
    public static final int USAGE = 64;
    /** An internal error (a bug): rerun with {@code --verbose} and report the stack trace. */
    public static final int INTERNAL = 70;

    /** Text for {@code --help}. */
    public static final String HELP = "%nExit codes:%n"
            + "  0   success (validate: PASS)%n"
            + "  1   check failed (validate: FAIL; verify: rejected)%n"
            + "  2   validate: NEEDS_REVIEW%n"
            + "  3   unreadable or invalid input%n"
            + "  4   I/O, network or delivery failure%n"
            + "  64  usage error%n"
            + "  70  internal error (rerun with --verbose)%n";

    private ExitCodes() {}
}
