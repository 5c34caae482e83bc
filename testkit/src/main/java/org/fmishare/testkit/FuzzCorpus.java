package org.fmishare.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Finds and writes the seed corpus of a fuzz test. The corpus of method {@code m} of test class {@code a.b.C} lives
 * in the module's {@code src/test/resources/a/b/CInputs/m/}, the layout Jazzer's JUnit integration replays as
 * regression tests in every build; one file is one input.
 */
public final class FuzzCorpus {
    private FuzzCorpus() {}

    /**
     * The corpus folder on the test class path (the copy the build made of {@code src/test/resources}).
     *
     * @param testClass the fuzz test class
     * @param method the fuzz test method
     * @return the folder
     * @throws IllegalStateException when the corpus is missing
     */
    public static Path directory(Class<?> testClass, String method) {
        return TestResources.path(testClass, "/" + relative(testClass, method));
    }

    /**
     * The corpus folder in the module's sources, for writing seeds that the repository keeps. The build passes the
     * module's folder as the {@code basedir} system property.
     *
     * @param testClass the fuzz test class
     * @param method the fuzz test method
     * @return the folder, created when missing
     * @throws IllegalStateException when the property is unset
     */
    public static Path sourceDirectory(Class<?> testClass, String method) {
        String base = System.getProperty("basedir");
        if (base == null || base.isBlank()) {
            throw new IllegalStateException("system property basedir is not set (the Maven build sets it)");
        }
        Path dir = Path.of(base, "src", "test", "resources").resolve(relative(testClass, method));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * Writes one seed.
     *
     * @param directory the corpus folder
     * @param name the file name, saying what the seed is
     * @param input the input bytes
     */
    public static void write(Path directory, String name, byte[] input) {
        Path file = directory.resolve(Objects.requireNonNull(name, "name"));
        try {
            Files.write(file, Objects.requireNonNull(input, "input"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String relative(Class<?> testClass, String method) {
        return testClass.getName().replace('.', '/') + "Inputs/" + Objects.requireNonNull(method, "method");
    }
}
