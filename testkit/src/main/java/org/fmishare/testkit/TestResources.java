package org.fmishare.testkit;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Finds a test's bundled material (vectors, schemas, corpora) on its class path, so tests read nothing outside the
 * repository and work from any working directory.
 */
public final class TestResources {
    private TestResources() {}

    /**
     * The file or folder of a class-path resource.
     *
     * @param anchor a class of the test tree that holds the resource
     * @param name the absolute resource name, for example {@code /vectors/jcs}
     * @return its path on disk
     * @throws IllegalStateException when the resource is missing or packed in a jar
     */
    public static Path path(Class<?> anchor, String name) {
        URL url = Objects.requireNonNull(anchor, "anchor").getResource(Objects.requireNonNull(name, "name"));
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing (expected under src/test/resources)");
        }
        if (!"file".equals(url.getProtocol())) {
            throw new IllegalStateException("test resource " + name + " is not a file on disk: " + url);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource " + name + " has an unusable location: " + url, e);
        }
    }

    /**
     * The repository's {@code samples/} folder (the JSON documents of {@link SampleData}), for tests that drive the
     * command line with files. The build passes the checkout's root as the {@code fmishare.root} system property.
     *
     * @return the folder
     * @throws IllegalStateException when the property is unset or the folder is missing
     */
    public static Path samplesDirectory() {
        String root = System.getProperty("fmishare.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("system property fmishare.root is not set (the Maven build sets it)");
        }
        Path dir = Path.of(root).resolve("samples");
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalStateException("samples folder not found at " + dir);
        }
        return dir;
    }
}
