/**
 * The {@code fmi-share} command line (picocli). {@link org.fmishare.cli.FmiShareCli#run} runs it
 * in-process for tests and harnesses; the shaded jar's main class is {@link org.fmishare.cli.FmiShareCli}.
 */
package org.fmishare.cli;
