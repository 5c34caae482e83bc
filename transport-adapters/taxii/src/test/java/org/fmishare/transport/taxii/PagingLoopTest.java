package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.transport.taxii.stix.StixObject;
import org.junit.jupiter.api.Test;

/**
 * Paging loops are recognised by what the pages bring, not by the {@code next} token: a server that reuses one
 * token while making progress (as medallion does) is read to the end; one that keeps answering the same page is
 * stopped. A scripted HTTP endpoint plays the server, since neither real server misbehaves on purpose.
 */
class PagingLoopTest {

    private static String identity(int i) {
        return "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"identity--00000000-0000-4000-8000-"
                + String.format("%012d", i) + "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":"
                + "\"2026-01-01T00:00:00.000Z\",\"name\":\"n" + i + "\"}";
    }

    /** Serves page {@code pages.get(min(request, last))} for every objects request. */
    private static List<StixObject> read(List<String> pages) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger request = new AtomicInteger();
        server.createContext("/api/collections/c/objects/", ex -> {
            String page = pages.get(Math.min(request.getAndIncrement(), pages.size() - 1));
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/taxii+json;version=2.1");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            URI root = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
            TaxiiClient client = TaxiiClient.builder(root.resolve("/taxii2/")).build();
            TaxiiCollection c = new TaxiiCollection(root, "c", "C", Optional.empty(), Optional.empty(), true, true,
                    List.of());
            List<StixObject> out = new ArrayList<>();
            client.forEachObject(c, ObjectQuery.builder().limit(2).build(), out::add);
            return out;
        } finally {
            server.stop(0);
        }
    }

    @Test
    void oneTokenForTheWholeSessionIsFineWhilePagesBringNewObjects() throws IOException {
        List<StixObject> all = read(List.of(
                "{\"more\":true,\"next\":\"session-1\",\"objects\":[" + identity(1) + "," + identity(2) + "]}",
                "{\"more\":true,\"next\":\"session-1\",\"objects\":[" + identity(3) + "," + identity(4) + "]}",
                "{\"more\":false,\"objects\":[" + identity(5) + "]}"));
        assertThat(all).hasSize(5);
    }

    @Test
    void aServerRepeatingThePageIsStopped() {
        String same = "{\"more\":true,\"next\":\"n\",\"objects\":[" + identity(1) + "," + identity(2) + "]}";
        assertThatThrownBy(() -> read(List.of(same)))
                .isInstanceOf(TaxiiException.ProtocolViolation.class).hasMessageContaining("paging in a loop");
    }

    @Test
    void anEmptyPageThatPromisesMoreIsStopped() {
        assertThatThrownBy(() -> read(List.of(
                "{\"more\":true,\"next\":\"a\",\"objects\":[" + identity(1) + "]}",
                "{\"more\":true,\"next\":\"b\",\"objects\":[]}")))
                .isInstanceOf(TaxiiException.ProtocolViolation.class).hasMessageContaining("paging in a loop");
    }
}
