package org.fmishare.cli;

import java.nio.file.Path;

/** The repository's {@code samples/} directory, which the command-line tests feed to the commands. */
final class Samples {
    /** The directory; {@code fmishare.root} names the repository root when tests do not run from a module. */
    static final Path SAMPLES = Path.of(System.getProperty("fmishare.root", "..")).resolve("samples");

    private Samples() {}
}
