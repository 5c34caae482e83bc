package org.fmishare.demo;

import java.io.PrintWriter;
import java.util.List;
import org.fmishare.cli.FmiShareCli;

/**
 * Entry point of the demo jar: the full {@code fmi-share} command line plus the {@code demo} command, which needs
 * embedded test servers (SMTP/IMAP, TAXII) that the production CLI jar must not contain.
 */
public final class DemoMain {
    private DemoMain() {}

    /**
     * Runs the command line with the demo command added.
     *
     * @param args the arguments, for example {@code demo --out DIR}
     */
    public static void main(String[] args) {
        System.exit(FmiShareCli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                List.of(new DemoCommand())));
    }
}
