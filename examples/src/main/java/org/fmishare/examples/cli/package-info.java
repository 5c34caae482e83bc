/**
 * The {@code fmi-share} command line (picocli). {@link org.fmishare.examples.cli.FmiShareCli#run} runs it
 * in-process for tests and harnesses; the shaded jar's main class is {@link org.fmishare.examples.cli.FmiShareCli}.
 */
package org.fmishare.examples.cli;
