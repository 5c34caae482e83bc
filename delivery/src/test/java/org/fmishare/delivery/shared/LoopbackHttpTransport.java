package org.fmishare.delivery.shared;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.core.transport.Transport;

/**
 * A plain HTTP transport for loopback tests: posts the envelope's wire bytes with its id in a header and takes the
 * response body as the receipt. Real sockets, so a killed sender process really stops mid-request.
 */
final class LoopbackHttpTransport implements Transport {
    static final String ID_HEADER = "Fmi-Share-Envelope-Id";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @Override
    public Set<String> schemes() {
        return Set.of("http");
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        HttpRequest request = HttpRequest.newBuilder(delivery.destination())
                .timeout(Duration.ofSeconds(60))
                .header(ID_HEADER, delivery.envelope().envelopeId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.envelope().serialized()))
                .build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return new DeliveryResult.Delivered(response.body(), "HTTP 200");
            }
            return DeliveryResult.retry("HTTP " + response.statusCode());
        } catch (IOException e) {
            return DeliveryResult.retry("I/O: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retry("interrupted");
        }
    }

    @Override
    public void close() {
        // The JDK client has nothing to release that the JVM's exit does not.
    }

    static URI endpoint(int port) {
        return URI.create("http://127.0.0.1:" + port + "/envelopes");
    }
}
