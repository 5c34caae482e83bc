package org.fmishare.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;

/**
 * Turns exceptions into the one-line reasons the command line prints: a person reads them, so they name the file,
 * host or option and say what went wrong, never {@code null}, a Java type name or {@code Optional[...]}.
 */
final class Problems {
    /** A qualified Java type name with an optional trailing colon, as {@code Throwable.toString()} prints it. */
    private static final Pattern TYPE_PREFIX =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern OPTIONAL = Pattern.compile("Optional\\[(.*?)]");
    /** Jackson's list of JSON tokens mentions 'null'; a person only needs to know a JSON value was expected. */
    private static final Pattern JSON_TOKENS = Pattern.compile("\\(JSON String, Number, Array, Object or token "
            + "'null', 'true' or 'false'\\)");

    private Problems() {}

    /**
     * The reason an operation failed, without the subject (the caller names the file, host or option).
     *
     * @param e the failure
     * @return a short reason, never empty
     */
    static String reason(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemException fse) {
            return fse.getReason() == null ? "the file system refused the operation" : clean(fse.getReason());
        }
        if (e instanceof CharacterCodingException) {
            return "not a text file (binary content where text was expected)";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof ConnectException) {
            return e.getMessage() == null ? "connection refused" : clean(e.getMessage());
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.equals("null")) {
            return e.getCause() != null && e.getCause() != e ? reason(e.getCause()) : "failed without a reason";
        }
        return clean(m);
    }

    /**
     * The message for a failure that reached the top of a command: a file-system failure names its file.
     *
     * @param e the failure
     * @return one line
     */
    static String message(Throwable e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            return fse.getFile() + ": " + reason(e);
        }
        return reason(e);
    }

    /**
     * Removes Java type names and {@code Optional[...]} wrappers, and folds the text onto one line.
     *
     * @param message a message from a library
     * @return the cleaned message
     */
    static String clean(String message) {
        String m = OPTIONAL.matcher(message).replaceAll("$1");
        m = JSON_TOKENS.matcher(m).replaceAll("(a JSON value)");
        m = TYPE_PREFIX.matcher(m).replaceAll("");
        m = m.replace('\n', ' ').replace('\r', ' ').strip();
        return m.isEmpty() ? "failed without a reason" : m;
    }
}
