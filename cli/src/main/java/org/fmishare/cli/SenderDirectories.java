package org.fmishare.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.fmishare.core.envelope.SenderDirectory;

/** Reads a {@code --senders} file; an unreadable or invalid directory is unreadable input (exit 3), never ignored. */
final class SenderDirectories {
    private SenderDirectories() {}

    static SenderDirectory read(Path file) {
        try {
            return SenderDirectory.fromJson(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": " + e.getMessage(), e);
        }
    }
}
