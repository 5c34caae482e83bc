package org.fmishare.transport.taxii.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.fmishare.transport.taxii.TaxiiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP exchange of {@link org.fmishare.transport.taxii.TaxiiClient}: requests only to the origin the client is
 * bound to, with its credentials, bounded bodies, media-type checks, and TAXII error messages mapped to typed
 * exceptions. Immutable and thread-safe.
 */
public final class TaxiiHttp {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int MAX_RESOURCE_BODY = 16 * 1024 * 1024;

    private final URI discoveryUri;
    private final HttpClient http;
    private final String authorization;
    private final Duration requestTimeout;

    /**
     * @param discoveryUri the discovery URI; its origin is the only one requests go to
     * @param http the HTTP client (redirects off)
     * @param authorization the {@code Authorization} header value, or {@code null} for none
     * @param requestTimeout the timeout of each request
     */
    public TaxiiHttp(URI discoveryUri, HttpClient http, String authorization, Duration requestTimeout) {
        this.discoveryUri = discoveryUri;
        this.http = http;
        this.authorization = authorization;
        this.requestTimeout = requestTimeout;
    }

    /**
     * A JSON response.
     *
     * @param body the parsed body (a JSON object)
     * @param headers the response headers
     * @param <T> the body type
     */
    public record Response<T>(T body, java.net.http.HttpHeaders headers) { }

    /**
     * @param uri a resource on the bound origin
     * @return its JSON object body
     * @throws TaxiiException on any failure
     */
    public JsonNode getJson(URI uri) {
        return getJsonWithHeaders(uri).body();
    }

    /**
     * @param uri a resource on the bound origin
     * @return its JSON object body and headers
     * @throws TaxiiException on any failure
     */
    public Response<JsonNode> getJsonWithHeaders(URI uri) {
        return send("GET", uri, null, 200);
    }

    /**
     * Sends a request and reads a bounded JSON object answer.
     *
     * @param method the HTTP method
     * @param uri a resource on the bound origin
     * @param body the request body (TAXII media type), or {@code null} for none
     * @param expected the status a success answers with
     * @return the JSON object body and headers
     * @throws TaxiiException on any failure
     */
    public Response<JsonNode> send(String method, URI uri, byte[] body, int expected) {
        HttpResponse<InputStream> resp = exchange(method, uri, body, expected);
        byte[] bytes;
        try (InputStream in = body(resp)) {
            bytes = in.readNBytes(MAX_RESOURCE_BODY + 1);
        } catch (IOException e) {
            throw new TaxiiException.ConnectionFailed("reading " + uri + " failed: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_RESOURCE_BODY) {
            throw new TaxiiException.ProtocolViolation(uri + ": response larger than " + MAX_RESOURCE_BODY
                    + " bytes");
        }
        try {
            JsonNode node = StixJson.MAPPER.readTree(bytes);
            if (!node.isObject()) {
                throw new TaxiiException.ProtocolViolation(uri + ": the response must be a JSON object");
            }
            return new Response<>(node, resp.headers());
        } catch (JacksonException e) {
            throw new TaxiiException.ProtocolViolation(uri + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The body of a response, which must be read completely within the request timeout from now.
     *
     * @param resp a response from {@link #exchange}
     * @return its body; closing it releases the connection
     */
    public GuardedBody body(HttpResponse<InputStream> resp) {
        return new GuardedBody(resp.body(), requestTimeout);
    }

    /**
     * Sends a request and checks the answer's status and media type, leaving its body unread.
     *
     * @param method the HTTP method
     * @param uri a resource on the bound origin
     * @param body the request body (TAXII media type), or {@code null} for none
     * @param expected the status a success answers with
     * @return the response, whose body stream the caller must close
     * @throws TaxiiException on any failure, mapped from the TAXII error message when the server sent one
     */
    public HttpResponse<InputStream> exchange(String method, URI uri, byte[] body, int expected) {
        checkEndpoint(uri);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", MediaTypes.TAXII);
        if (body != null) {
            rb.header("Content-Type", MediaTypes.TAXII).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            rb.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        HttpResponse<InputStream> resp;
        try {
            resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TaxiiException.ConnectionFailed(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaxiiException.ConnectionFailed(method + " " + uri + " interrupted", e);
        }
        int status = resp.statusCode();
        if (status != expected) {
            throw error(uri, resp);
        }
        String type = resp.headers().firstValue("Content-Type").orElse(null);
        if (!MediaTypes.isTaxii21(type)) {
            closeQuietly(resp.body());
            throw new TaxiiException.ProtocolViolation(uri + ": expected Content-Type " + MediaTypes.TAXII
                    + ", got " + type);
        }
        return resp;
    }

    private static TaxiiException error(URI uri, HttpResponse<InputStream> resp) {
        int status = resp.statusCode();
        byte[] bytes;
        try (InputStream in = resp.body()) {
            bytes = in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            bytes = new byte[0];
        }
        String title = "HTTP " + status;
        String description = null;
        String errorId = null;
        String errorCode = null;
        try {
            JsonNode e = StixJson.MAPPER.readTree(bytes);
            if (e != null && e.isObject()) {
                title = e.path("title").isString() ? e.get("title").stringValue() : title;
                description = e.path("description").isString() ? e.get("description").stringValue() : null;
                errorId = e.path("error_id").isString() ? e.get("error_id").stringValue() : null;
                errorCode = e.path("error_code").isString() ? e.get("error_code").stringValue() : null;
            }
        } catch (JacksonException ignored) {
            // Not a TAXII error message; the status alone must do.
        }
        return switch (status) {
            case 401 -> new TaxiiException.AuthenticationFailed(uri, title, description, errorId, errorCode);
            case 406, 415 -> new TaxiiException.MediaTypeRejected(uri, status, title, description, errorId,
                    errorCode);
            default -> {
                if (status >= 300 && status < 400) {
                    yield new TaxiiException.HttpError(uri, status, "redirect to "
                            + resp.headers().firstValue("Location").orElse("?") + " not followed", description,
                            errorId, errorCode);
                }
                yield new TaxiiException.HttpError(uri, status, title, description, errorId, errorCode);
            }
        };
    }

    private void checkEndpoint(URI uri) {
        if (!sameOrigin(uri, discoveryUri)) {
            throw new TaxiiException.InsecureEndpoint(uri + " is not on the origin this client is bound to ("
                    + discoveryUri.getScheme() + "://" + discoveryUri.getAuthority() + ")");
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the response is already rejected.
        }
    }
}
