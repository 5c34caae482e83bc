package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against servers that misbehave on purpose, over real loopback sockets: one that never finishes its
 * response, one whose {@code next} cursor never ends (every page bringing new objects, so the loop check alone does
 * not stop it), and one that sends a 1 GB object. Each ends in a typed {@link TaxiiException}, in bounded time and
 * without reading everything. The outer time limits only stop a client that would otherwise hang; they are far
 * above what the checks need.
 */
class HostileServerTest {
    private static final String MEDIA = "application/taxii+json;version=2.1";
    private static final Duration HANG = Duration.ofMinutes(3);

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();

    private URI start(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            handler.handle(ex);
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static TaxiiCollection collection(URI root) {
        return new TaxiiCollection(root, "c", "C", Optional.empty(), Optional.empty(), true, true, List.of());
    }

    private static String identity(int i) {
        return "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"identity--00000000-0000-4000-8000-"
                + String.format("%012d", i) + "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":"
                + "\"2026-01-01T00:00:00.000Z\",\"name\":\"n" + i + "\"}";
    }

    /** Headers at once, then a byte every 100 ms for ever: the body never ends, yet the connection is never idle. */
    private static void trickle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", MEDIA);
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write('{');
        out.flush();
        try {
            while (true) {
                Thread.sleep(100);
                out.write(' ');
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientLeft) {
            // The client gave up: what this test waits for.
        }
    }

    @Test
    void aResourceResponseThatNeverEndsFailsAtTheRequestTimeout() throws IOException {
        URI root = start(HostileServerTest::trickle);
        TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).requestTimeout(Duration.ofSeconds(3))
                .build();
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(client::discover)
                .isInstanceOfSatisfying(TaxiiException.ConnectionFailed.class,
                        e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("did not finish within 3 s"));
    }

    @Test
    void aResponseThatStopsAfterItsFirstByteFailsAtTheRequestTimeout() throws IOException {
        URI root = start(ex -> {
            ex.getResponseHeaders().set("Content-Type", MEDIA);
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write('{');
            out.flush();
            try {
                Thread.sleep(HANG.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).requestTimeout(Duration.ofSeconds(3))
                .build();
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(client::discover)
                .isInstanceOf(TaxiiException.ConnectionFailed.class)
                .hasMessageContaining("did not finish within 3 s"));
    }

    @Test
    void anObjectPageThatNeverEndsFailsAtTheRequestTimeout() throws IOException {
        URI root = start(HostileServerTest::trickle);
        TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).requestTimeout(Duration.ofSeconds(3))
                .build();
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> client.fetchObjects(collection(root),
                ObjectQuery.all()))
                .isInstanceOf(TaxiiException.ConnectionFailed.class)
                .hasMessageContaining("did not finish within 3 s"));
    }

    @Test
    void aNextCursorThatNeverEndsIsStoppedAfterTheMostPagesOneReadFollows() throws IOException {
        URI root = start(ex -> {
            int page = requests.get();
            byte[] body = ("{\"more\":true,\"next\":\"p" + (page + 1) + "\",\"objects\":[" + identity(page) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", MEDIA);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).maxPages(25).build();
        AtomicInteger seen = new AtomicInteger();
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> client.forEachObject(collection(root),
                ObjectQuery.all(), o -> seen.incrementAndGet()))
                .isInstanceOf(TaxiiException.ProtocolViolation.class)
                .hasMessageContaining("after 25 pages"));
        assertThat(requests.get()).isEqualTo(25);
        assertThat(seen.get()).isEqualTo(25);
        assertThat(TaxiiClient.DEFAULT_MAX_PAGES).isPositive();
    }

    @Test
    void aOneGigabyteObjectIsRefusedAfterTheCapWithoutReadingItAll() throws IOException {
        long gigabyte = 1L << 30;
        URI root = start(ex -> {
            ex.getResponseHeaders().set("Content-Type", MEDIA);
            ex.sendResponseHeaders(200, 0);
            byte[] head = ("{\"more\":false,\"objects\":[" + identity(1).substring(0, identity(1).length() - 1)
                    + ",\"x_padding\":[").getBytes(StandardCharsets.UTF_8);
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < chunk.length; i += 2) {
                chunk[i] = '1';
                chunk[i + 1] = ',';
            }
            try (OutputStream out = ex.getResponseBody()) {
                out.write(head);
                long sent = head.length;
                while (sent < gigabyte) {
                    out.write(chunk);
                    sent += chunk.length;
                    bytesSent.set(sent);
                }
                out.write("1]}]}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException clientLeft) {
                // The client stopped reading: what this test waits for.
            }
        });
        TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).requestTimeout(Duration.ofMinutes(2))
                .build();
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> client.fetchObjects(collection(root),
                ObjectQuery.all()))
                .isInstanceOfSatisfying(TaxiiException.ContentTooLarge.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("objects[0] is larger than " + TaxiiClient.DEFAULT_MAX_OBJECT_BYTES));
        assertThat(bytesSent.get()).as("bytes the server managed to send")
                .isLessThan(TaxiiClient.DEFAULT_MAX_OBJECT_BYTES * 2);
    }

    /** Found by fuzzing: a count beyond 32 bits escaped as Jackson's unchecked exception instead of a TAXII error. */
    @Test
    void aStatusCountBeyondTheIntRangeIsAProtocolViolation() throws IOException {
        byte[] body = ("{\"id\":\"s1\",\"status\":\"complete\",\"total_count\":1,\"success_count\":"
                + "99999999999999999999,\"failure_count\":0,\"pending_count\":0}").getBytes(StandardCharsets.UTF_8);
        URI root = start(ex -> {
            ex.getResponseHeaders().set("Content-Type", MEDIA);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).build();
        assertThatThrownBy(() -> client.status(root, "s1"))
                .isInstanceOf(TaxiiException.ProtocolViolation.class)
                .hasMessageContaining("success_count must be a non-negative integer");
    }

    private URI serving(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return start(ex -> {
            ex.getResponseHeaders().set("Content-Type", MEDIA);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** Found by fuzzing: an API root the URI parser refuses escaped as its unchecked exception. */
    @Test
    void anApiRootThatIsNotAValidUriReferenceIsAProtocolViolation() throws IOException {
        URI root = serving("{\"title\":\"TAXII\",\"api_roots\":[\"/api1`\"]}");
        TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).build();
        assertThatThrownBy(client::discover).isInstanceOf(TaxiiException.ProtocolViolation.class)
                .hasMessageContaining("/taxii2/").hasMessageContaining("API root '/api1`'")
                .hasMessageContaining("not a valid URI reference");
    }

    /** The same for the default API root, which is resolved the same way. */
    @Test
    void aDefaultApiRootThatIsNotAValidUriReferenceIsAProtocolViolation() throws IOException {
        URI root = serving("{\"title\":\"TAXII\",\"default\":\"http://[x/\",\"api_roots\":[]}");
        TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).build();
        assertThatThrownBy(client::discover).isInstanceOf(TaxiiException.ProtocolViolation.class)
                .hasMessageContaining("API root 'http://[x/'");
    }

    /** A listed collection id that is not one path segment would point the client outside the collections. */
    @Test
    void aCollectionIdThatWouldLeaveTheCollectionsPathIsAProtocolViolation() throws IOException {
        URI root = serving("{\"collections\":[{\"id\":\"../../elsewhere\",\"title\":\"C\",\"can_read\":true,"
                + "\"can_write\":true}]}");
        TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).build();
        assertThatThrownBy(() -> client.collections(root)).isInstanceOf(TaxiiException.ProtocolViolation.class)
                .hasMessageContaining("collection id '../../elsewhere'").hasMessageContaining("one path segment");
    }

    /** A listed collection id with a character a URI path does not allow is encoded, not an unchecked failure later. */
    @Test
    void aCollectionIdWithCharactersAPathDoesNotAllowIsEncodedInItsUri() throws IOException {
        URI root = serving("{\"collections\":[{\"id\":\"a`b c\",\"title\":\"C\",\"can_read\":true,"
                + "\"can_write\":true}]}");
        TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).build();
        TaxiiCollection c = client.collections(root).get(0);
        assertThat(c.id()).isEqualTo("a`b c");
        assertThat(c.uri()).isEqualTo(root.resolve("collections/a%60b%20c/"));
    }
}
