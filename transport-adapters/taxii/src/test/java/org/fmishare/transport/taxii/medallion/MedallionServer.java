package org.fmishare.transport.taxii.medallion;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OASIS TAXII 2.1 reference server, medallion 3.0.0 (test resources {@code medallion/}, see its PROVENANCE),
 * run as a child process on loopback with the memory back-end, so the client is tested against what users run and
 * not only against our own test server.
 *
 * <p>When {@code /usr/bin/python3} or the Flask packages are missing the calling test is skipped (an assumption
 * failure names the Debian packages); CI installs them ({@code .ci/run}).
 */
public final class MedallionServer implements AutoCloseable {
    /** The interpreter the Debian packages install into; a virtualenv python could lack them. */
    static final String PYTHON = "/usr/bin/python3";
    /** Debian packages that provide medallion's dependencies. */
    static final String PACKAGES = "python3-flask python3-flask-httpauth python3-tz python3-six";
    /** The API root's path segment. */
    public static final String API_ROOT = "api1";
    /** Start-up is slow on a loaded CI machine (Python imports Flask first): wait generously. */
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final URI base;
    private final Path dir;

    private MedallionServer(Process process, Path log, URI base, Path dir) {
        this.process = process;
        this.log = log;
        this.base = base;
        this.dir = dir;
    }

    /**
     * Starts medallion with one API root, the given read-write collections and one user, or skips the calling test
     * when Python or Flask is not installed.
     *
     * @param user the user name
     * @param password the password
     * @param maxPageSize medallion's {@code max_page_size}
     * @param collections collection ids, each readable and writable
     * @return the running server
     * @throws IOException when it cannot be started
     */
    public static MedallionServer start(String user, String password, int maxPageSize, List<String> collections)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue(pythonReady(), "medallion tests skipped: " + PYTHON + " with flask, flask_httpauth, "
                + "pytz and six is not installed (Debian: apt-get install " + PACKAGES + ")");
        Path home = medallionHome();
        Path dir = Files.createTempDirectory("medallion");
        int port = freePort();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode data = json.createObjectNode();
        ObjectNode discovery = data.putObject("/discovery");
        discovery.put("title", "medallion for fmi-share tests");
        discovery.put("description", "OASIS reference TAXII 2.1 server, memory back-end");
        discovery.put("default", base + API_ROOT + "/");
        discovery.putArray("api_roots").add(base + API_ROOT + "/");
        ObjectNode root = data.putObject(API_ROOT);
        ObjectNode info = root.putObject("information");
        info.put("title", "fmi-share test API root");
        info.putArray("versions").add("application/taxii+json;version=2.1");
        info.put("max_content_length", 9_765_625);
        root.putArray("status");
        ArrayNode cols = root.putArray("collections");
        for (String id : collections) {
            ObjectNode c = cols.addObject();
            c.put("id", id);
            c.put("title", "collection " + id);
            c.put("can_read", true);
            c.put("can_write", true);
            c.putArray("media_types").add("application/stix+json;version=2.1");
            c.putArray("objects");
            c.putArray("manifest");
        }
        Path dataFile = dir.resolve("data.json");
        Files.writeString(dataFile, json.writeValueAsString(data));
        ObjectNode config = json.createObjectNode();
        ObjectNode backend = config.putObject("backend");
        backend.put("module", "medallion.backends.memory_backend");
        backend.put("module_class", "MemoryBackend");
        backend.put("filename", dataFile.toString());
        config.putObject("users").put(user, password);
        config.putObject("taxii").put("max_page_size", maxPageSize);
        Path configFile = dir.resolve("config.json");
        Files.writeString(configFile, json.writeValueAsString(config));

        Path log = dir.resolve("medallion.log");
        ProcessBuilder pb = new ProcessBuilder(PYTHON, "-m", "medallion.scripts.run", "--host", "127.0.0.1",
                "--port", Integer.toString(port), configFile.toString());
        Map<String, String> env = pb.environment();
        env.put("PYTHONPATH", home.toString());
        // Keep the test resources clean of __pycache__ folders.
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        MedallionServer server = new MedallionServer(pb.start(), log, base, dir);
        try {
            server.awaitReady(user, password);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** {@return true when the interpreter and medallion's dependencies are installed} */
    static boolean pythonReady() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import flask, flask_httpauth, pytz, six")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path medallionHome() {
        try {
            return Path.of(MedallionServer.class.getResource("/medallion/PROVENANCE").toURI()).getParent();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("the medallion sources are missing from the test resources", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitReady(String user, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(discoveryUri()).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/taxii+json;version=2.1")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("medallion exited with " + process.exitValue() + ": " + output());
            }
            try {
                if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("medallion did not answer within " + STARTUP + ": " + output());
    }

    /** {@return what medallion printed so far, for failure messages} */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** {@return the discovery URI, {@code http://127.0.0.1:<port>/taxii2/}} */
    public URI discoveryUri() {
        return base.resolve("taxii2/");
    }

    /** {@return the API root URI} */
    public URI apiRootUri() {
        return base.resolve(API_ROOT + "/");
    }

    /**
     * A {@code taxii+http} destination for the transport.
     *
     * @param collection the collection id
     * @return the destination URI
     */
    public URI destination(String collection) {
        return URI.create("taxii+http://" + base.getRawAuthority() + "/" + API_ROOT + "/collections/" + collection
                + "/");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
