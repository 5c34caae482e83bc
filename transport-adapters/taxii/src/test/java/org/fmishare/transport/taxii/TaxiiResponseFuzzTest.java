package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fmishare.testkit.FuzzCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile TAXII responses: a loopback server answers every request of the client with the fuzzer's bytes (after
 * the first, which picks the client call: discovery, API root, collections, one collection, object envelopes,
 * manifest, versions, status, one object). The client returns a value or throws {@link TaxiiException}. Any other
 * exception, a hang or an {@link OutOfMemoryError} is a finding. A real socket, so the client's HTTP handling is
 * part of the target.
 */
class TaxiiResponseFuzzTest {
    private static final String MEDIA = "application/taxii+json;version=2.1";
    private static volatile byte[] body = new byte[0];
    private static final HttpServer SERVER = start();
    private static final URI ROOT = URI.create("http://127.0.0.1:" + SERVER.getAddress().getPort() + "/api1/");
    private static final TaxiiClient CLIENT = TaxiiClient.builder(URI.create("http://127.0.0.1:"
            + SERVER.getAddress().getPort() + "/taxii2/")).requestTimeout(Duration.ofSeconds(20))
            .statusPolling(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(5)).build();
    private static final TaxiiCollection COLLECTION = new TaxiiCollection(ROOT, "c1", "Shares", Optional.empty(),
            Optional.empty(), true, true, List.of(MEDIA));

    @FuzzTest
    @Timeout(120)
    void parseResponse(byte[] input) {
        if (input.length == 0) {
            return;
        }
        body = Arrays.copyOfRange(input, 1, input.length);
        // Jazzer's request-forgery detector flags every connection; this target connects to its own loopback server
        // by design, and only there.
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections((host, port) ->
                port == SERVER.getAddress().getPort() && ("127.0.0.1".equals(host) || "localhost".equals(host)))) {
            Object result = switch (Byte.toUnsignedInt(input[0]) % 9) {
                case 0 -> CLIENT.discover();
                case 1 -> CLIENT.apiRoot(ROOT);
                case 2 -> CLIENT.collections(ROOT);
                case 3 -> CLIENT.collection(ROOT, "c1");
                case 4 -> CLIENT.fetchObjects(COLLECTION, ObjectQuery.all());
                case 5 -> CLIENT.manifest(COLLECTION, ObjectQuery.all());
                case 6 -> CLIENT.versions(COLLECTION, "report--6b8a8c8e-5b0b-4b8a-9d55-0d3c2f0f4a11",
                        ObjectQuery.all());
                case 7 -> CLIENT.status(ROOT, "s1");
                default -> CLIENT.getObject(COLLECTION, "report--6b8a8c8e-5b0b-4b8a-9d55-0d3c2f0f4a11",
                        ObjectQuery.all());
            };
            assertThat(result).isNotNull();
        } catch (TaxiiException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("Optional[");
        }
    }

    private static HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            s.createContext("/", exchange -> {
                byte[] b = body;
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                exchange.getResponseHeaders().set("Content-Type", MEDIA);
                exchange.sendResponseHeaders(200, b.length == 0 ? -1 : b.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(b);
                }
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the valid seeds (run once with -Dfmishare.fuzz.writeSeeds=true). */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.fuzz.writeSeeds", matches = "true")
    void writeSeeds() {
        Path dir = FuzzCorpus.sourceDirectory(TaxiiResponseFuzzTest.class, "parseResponse");
        String report = "{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"report--6b8a8c8e-5b0b-4b8a-9d55-"
                + "0d3c2f0f4a11\",\"created\":\"2026-10-01T15:00:00.000Z\",\"modified\":\"2026-10-01T15:00:00.000Z\","
                + "\"name\":\"Share\",\"published\":\"2026-10-01T15:00:00.000Z\",\"object_refs\":[\"identity--"
                + "0a3f1c1e-3d1b-4c55-9a8e-1c2d3e4f5a6b\"]}";
        seed(dir, 0, "valid-discovery", "{\"title\":\"TAXII\",\"description\":\"d\",\"contact\":\"c\","
                + "\"default\":\"/api1/\",\"api_roots\":[\"/api1/\",\"http://127.0.0.1/api2/\"]}");
        seed(dir, 1, "valid-api-root", "{\"title\":\"API\",\"versions\":[\"application/taxii+json;version=2.1\"],"
                + "\"max_content_length\":10485760}");
        seed(dir, 2, "valid-collections", "{\"collections\":[{\"id\":\"c1\",\"title\":\"Shares\",\"can_read\":true,"
                + "\"can_write\":false,\"media_types\":[\"application/stix+json;version=2.1\"]}]}");
        seed(dir, 3, "valid-collection", "{\"id\":\"c1\",\"title\":\"Shares\",\"alias\":\"s\",\"can_read\":true,"
                + "\"can_write\":true}");
        seed(dir, 4, "valid-envelope", "{\"more\":false,\"objects\":[" + report + "]}");
        seed(dir, 4, "invalid-envelope-more-without-progress", "{\"more\":true,\"next\":\"n1\",\"objects\":["
                + report + "]}");
        seed(dir, 5, "valid-manifest", "{\"more\":false,\"objects\":[{\"id\":\"report--6b8a8c8e-5b0b-4b8a-9d55-"
                + "0d3c2f0f4a11\",\"date_added\":\"2026-10-01T15:00:00.000Z\",\"version\":\"2026-10-01T15:00:00.000Z\","
                + "\"media_type\":\"application/stix+json;version=2.1\"}]}");
        seed(dir, 6, "valid-versions", "{\"more\":false,\"versions\":[\"2026-10-01T15:00:00.000Z\"]}");
        seed(dir, 7, "valid-status", "{\"id\":\"s1\",\"status\":\"complete\",\"request_timestamp\":"
                + "\"2026-10-01T15:00:00.000Z\",\"total_count\":2,\"success_count\":1,\"failure_count\":1,"
                + "\"pending_count\":0,\"successes\":[{\"id\":\"report--6b8a8c8e-5b0b-4b8a-9d55-0d3c2f0f4a11\","
                + "\"version\":\"2026-10-01T15:00:00.000Z\"}],\"failures\":[{\"id\":\"identity--0a3f1c1e-3d1b-4c55-"
                + "9a8e-1c2d3e4f5a6b\",\"version\":\"2026-10-01T15:00:00.000Z\",\"message\":\"Unable to process "
                + "object\"}]}");
        seed(dir, 8, "valid-object", "{\"objects\":[" + report + "]}");
        seed(dir, 7, "invalid-status-counts", "{\"id\":\"s1\",\"status\":\"complete\",\"total_count\":-1,"
                + "\"success_count\":99999999999999999999,\"failure_count\":\"x\",\"pending_count\":0}");
    }

    private static void seed(Path dir, int operation, String name, String json) {
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[j.length + 1];
        input[0] = (byte) operation;
        System.arraycopy(j, 0, input, 1, j.length);
        FuzzCorpus.write(dir, name, input);
    }
}
