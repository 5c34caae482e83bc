package org.fmishare.sop;

/** A rule set document could not be read (missing file, I/O error, missing bundled resource). */
public final class RuleSetIoException extends SopException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be read
     * @param cause the I/O failure
     */
    public RuleSetIoException(String message, Throwable cause) {
        super(Kind.PROCESSING_FAILED, message, cause);
    }
}
