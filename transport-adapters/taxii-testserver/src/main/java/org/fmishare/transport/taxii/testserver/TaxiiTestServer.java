package org.fmishare.transport.taxii.testserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small, specification-faithful TAXII 2.1 server that runs in the test's own JVM, on a loopback port chosen by
 * the operating system.
 *
 * <pre>{@code
 * try (TaxiiTestServer server = TaxiiTestServer.builder()
 *         .collection("shares", "Threat shares", true, true)
 *         .user("agency", "secret".toCharArray())
 *         .start()) {
 *     TaxiiClient client = TaxiiClient.builder(server.discoveryUri())
 *             .basicAuth("agency", "secret".toCharArray()).build();
 *     ...
 * }
 * }</pre>
 *
 * <p>Behaviour: one API root ({@value #API_ROOT_PATH}); every endpoint requires Basic credentials when users are
 * configured (401 otherwise), an Accept of {@code application/taxii+json;version=2.1} (406 otherwise), and for
 * POST that Content-Type (415) and at most {@code max_content_length} bytes (413). Objects get a strictly
 * increasing {@code date_added} (microseconds), so {@code added_after} is exact. Pages hold at most the configured
 * page size; {@code next} tokens remember the query and position. Re-adding an id and version is a success that
 * stores nothing new. A status resource can be made to stay pending for a number of polls, in which case the
 * objects become visible when it completes. Errors are TAXII error messages.
 *
 * <p>Thread-safe. {@link #close()} stops the server and its threads.
 */
public final class TaxiiTestServer implements AutoCloseable {
    /** The API root's path. */
    public static final String API_ROOT_PATH = "/api/";
    private static final Logger LOG = LoggerFactory.getLogger(TaxiiTestServer.class);

    static {
        // The JDK server leaves Nagle's algorithm on, so a keep-alive client paging through a collection waited for
        // the peer's delayed ACK (about 40 ms) on every response. The JDK reads this property once, when its server
        // configuration class initialises (the first server created in the JVM); an explicit setting is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI base;
    private final Map<String, char[]> users;
    private final List<String> bearerTokens;
    private final int maxPageSize;
    private final long maxContentLength;
    private final int pendingPolls;
    private final Predicate<StoredObject> reject;
    private final Map<String, CollectionState> collections = new LinkedHashMap<>();
    private final Map<String, StatusState> statuses = new ConcurrentHashMap<>();
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final Object clock = new Object();
    private Instant lastAdded = Instant.EPOCH;

    private TaxiiTestServer(Builder b) throws IOException {
        this.users = Map.copyOf(b.users);
        this.bearerTokens = List.copyOf(b.bearerTokens);
        this.maxPageSize = b.maxPageSize;
        this.maxContentLength = b.maxContentLength;
        this.pendingPolls = b.pendingPolls;
        this.reject = b.reject;
        b.collections.forEach(c -> collections.put(c.id, c));
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (b.sslContext != null) {
            HttpsServer https = HttpsServer.create(addr, 0);
            SSLContext ctx = b.sslContext;
            boolean needClientAuth = b.requireClientCertificate;
            https.setHttpsConfigurator(new HttpsConfigurator(ctx) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = ctx.getDefaultSSLParameters();
                    p.setNeedClientAuth(needClientAuth);
                    params.setSSLParameters(p);
                }
            });
            this.server = https;
        } else {
            this.server = HttpServer.create(addr, 0);
        }
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "taxii-test-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        String host = server.getAddress().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.base = URI.create((b.sslContext != null ? "https" : "http") + "://" + host + ":"
                + server.getAddress().getPort() + "/");
        LOG.info("TAXII test server listening on {}", base);
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the discovery endpoint, {@code .../taxii2/}} */
    public URI discoveryUri() {
        return base.resolve("/taxii2/");
    }

    /** {@return the API root, {@code .../api/}} */
    public URI apiRootUri() {
        return base.resolve(API_ROOT_PATH);
    }

    /** {@return the port the server listens on} */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The objects a collection holds, every version, in the order added: for assertions in tests.
     *
     * @param collectionId the collection
     * @return a snapshot
     * @throws IllegalArgumentException when there is no such collection
     */
    public List<StoredObject> storedObjects(String collectionId) {
        CollectionState c = collections.get(collectionId);
        if (c == null) {
            throw new IllegalArgumentException("no collection " + collectionId);
        }
        synchronized (c) {
            return c.entries.stream().map(e -> e.object).toList();
        }
    }

    /** Stops the server at once and releases its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ----------------------------------------------------------------------------------------- handling

    private static final class HttpFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String title;

        HttpFailure(int status, String title, String description) {
            super(description);
            this.status = status;
            this.title = title;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                authenticate(ex);
                if (!ServerMediaTypes.acceptsTaxii21(ex.getRequestHeaders().getFirst("Accept"))) {
                    throw new HttpFailure(406, "Not Acceptable", "Accept must include " + ServerMediaTypes.TAXII);
                }
                route(ex);
            } catch (HttpFailure f) {
                sendError(ex, f.status, f.title, f.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("TAXII test server failed on {} {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
                sendError(ex, 500, "Internal Server Error", e.getClass().getSimpleName());
            }
        }
    }

    private void authenticate(HttpExchange ex) {
        if (users.isEmpty() && bearerTokens.isEmpty()) {
            return;
        }
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = h.substring(7).strip().getBytes(StandardCharsets.UTF_8);
            for (String token : bearerTokens) {
                if (java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given)) {
                    return;
                }
            }
        }
        if (h != null && h.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    char[] expected = users.get(pair.substring(0, colon));
                    byte[] given = pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
                    if (expected != null && MessageDigest.isEqual(new String(expected).getBytes(StandardCharsets.UTF_8),
                            given)) {
                        return;
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // Malformed Base64: same answer as wrong credentials.
            }
        }
        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"taxii\", charset=\"UTF-8\"");
        throw new HttpFailure(401, "Unauthorized", "valid HTTP Basic credentials are required");
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        if (path.equals("/taxii2/")) {
            requireMethod(method, "GET");
            ObjectNode d = ServerJson.MAPPER.createObjectNode();
            d.put("title", "fmi-share TAXII test server");
            d.put("description", "In-process TAXII 2.1 server for tests");
            d.put("default", apiRootUri().toString());
            d.putArray("api_roots").add(apiRootUri().toString());
            sendJson(ex, 200, d);
            return;
        }
        if (!path.startsWith(API_ROOT_PATH)) {
            throw new HttpFailure(404, "Not Found", "no resource at " + path);
        }
        List<String> seg = Arrays.stream(path.substring(API_ROOT_PATH.length()).split("/"))
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).filter(s -> !s.isEmpty()).toList();
        if (!path.endsWith("/")) {
            throw new HttpFailure(404, "Not Found", "TAXII resource URLs end with a slash");
        }
        if (seg.isEmpty()) {
            requireMethod(method, "GET");
            ObjectNode r = ServerJson.MAPPER.createObjectNode();
            r.put("title", "fmi-share test API root");
            r.putArray("versions").add(ServerMediaTypes.TAXII);
            r.put("max_content_length", maxContentLength);
            sendJson(ex, 200, r);
            return;
        }
        if (seg.get(0).equals("status") && seg.size() == 2) {
            requireMethod(method, "GET");
            StatusState s = statuses.get(seg.get(1));
            if (s == null) {
                throw new HttpFailure(404, "Not Found", "no status " + seg.get(1));
            }
            sendJson(ex, 200, s.poll());
            return;
        }
        if (!seg.get(0).equals("collections")) {
            throw new HttpFailure(404, "Not Found", "no resource at " + path);
        }
        if (seg.size() == 1) {
            requireMethod(method, "GET");
            ObjectNode r = ServerJson.MAPPER.createObjectNode();
            ArrayNode arr = r.putArray("collections");
            collections.values().forEach(c -> arr.add(c.describe()));
            sendJson(ex, 200, r);
            return;
        }
        CollectionState c = collections.get(seg.get(1));
        if (c == null) {
            throw new HttpFailure(404, "Not Found", "no collection " + seg.get(1));
        }
        if (seg.size() == 2) {
            requireMethod(method, "GET");
            sendJson(ex, 200, c.describe());
            return;
        }
        switch (seg.get(2)) {
            case "objects" -> {
                if (seg.size() == 3 && method.equals("POST")) {
                    addObjects(ex, c);
                } else if (seg.size() == 3) {
                    requireMethod(method, "GET");
                    getObjects(ex, c, q, null);
                } else if (seg.size() == 4 && method.equals("DELETE")) {
                    deleteObject(ex, c, q, seg.get(3));
                } else if (seg.size() == 4) {
                    requireMethod(method, "GET");
                    getObjects(ex, c, q, seg.get(3));
                } else if (seg.size() == 5 && seg.get(4).equals("versions")) {
                    requireMethod(method, "GET");
                    versions(ex, c, q, seg.get(3));
                } else {
                    throw new HttpFailure(404, "Not Found", "no resource at " + path);
                }
            }
            case "manifest" -> {
                requireMethod(method, "GET");
                manifest(ex, c, q);
            }
            default -> throw new HttpFailure(404, "Not Found", "no resource at " + path);
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new HttpFailure(405, "Method Not Allowed", method + " is not supported here");
        }
    }

    // ----------------------------------------------------------------------------------------- objects

    private void getObjects(HttpExchange ex, CollectionState c, Map<String, String> q, String objectId)
            throws IOException {
        requireRead(c);
        List<Entry> matched;
        int offset;
        String nextParam = q.get("next");
        if (nextParam != null) {
            if (q.containsKey("added_after")) {
                throw new HttpFailure(400, "Bad Request", "added_after and next must not be sent together");
            }
            Cursor cur = cursors.get(nextParam);
            if (cur == null || cur.collection != c) {
                throw new HttpFailure(400, "Bad Request", "unknown or expired next value");
            }
            matched = cur.entries;
            offset = cur.offset;
        } else {
            matched = select(c, q, objectId);
            offset = 0;
            if (objectId != null && matched.isEmpty()) {
                throw new HttpFailure(404, "Not Found", "no object " + objectId + " in collection " + c.id);
            }
        }
        if (nextParam != null) {
            cursors.remove(nextParam);
        }
        int limit = limit(q);
        int end = Math.min(matched.size(), offset + limit);
        List<Entry> page = matched.subList(offset, end);
        boolean more = end < matched.size();
        String next = null;
        if (more) {
            next = UUID.randomUUID().toString();
            cursors.put(next, new Cursor(c, matched, end));
        }
        pageHeaders(ex, page);
        ex.getResponseHeaders().set("Content-Type", ServerMediaTypes.TAXII);
        // Streamed with chunked encoding, one object at a time, so large pages never sit in memory twice.
        ex.sendResponseHeaders(200, 0);
        OutputStream out = new BufferedOutputStream(ex.getResponseBody(), 64 * 1024);
        try (JsonGenerator g = ServerJson.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeBooleanProperty("more", more);
            if (next != null) {
                g.writeStringProperty("next", next);
            }
            g.writeName("objects");
            g.writeStartArray();
            for (Entry e : page) {
                g.writeRawValue(e.object.json());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void manifest(HttpExchange ex, CollectionState c, Map<String, String> q) throws IOException {
        requireRead(c);
        List<Entry> matched = select(c, q, null);
        int limit = limit(q);
        List<Entry> page = matched.subList(0, Math.min(limit, matched.size()));
        ObjectNode r = ServerJson.MAPPER.createObjectNode();
        r.put("more", page.size() < matched.size());
        ArrayNode arr = r.putArray("objects");
        for (Entry e : page) {
            ObjectNode m = arr.addObject();
            m.put("id", e.id);
            m.put("date_added", e.dateAddedText);
            m.put("version", e.version);
            m.put("media_type", ServerMediaTypes.STIX);
        }
        pageHeaders(ex, page);
        sendJson(ex, 200, r);
    }

    private void versions(HttpExchange ex, CollectionState c, Map<String, String> q, String objectId)
            throws IOException {
        requireRead(c);
        Map<String, String> all = new HashMap<>(q);
        all.put("match[version]", "all");
        all.remove("match[id]");
        List<Entry> matched = select(c, all, objectId);
        if (matched.isEmpty()) {
            throw new HttpFailure(404, "Not Found", "no object " + objectId + " in collection " + c.id);
        }
        int limit = limit(q);
        List<Entry> page = matched.subList(0, Math.min(limit, matched.size()));
        ObjectNode r = ServerJson.MAPPER.createObjectNode();
        r.put("more", page.size() < matched.size());
        ArrayNode arr = r.putArray("versions");
        page.forEach(e -> arr.add(e.version));
        pageHeaders(ex, page);
        sendJson(ex, 200, r);
    }

    private List<Entry> select(CollectionState c, Map<String, String> q, String objectId) {
        Instant addedAfter = null;
        if (q.containsKey("added_after")) {
            try {
                addedAfter = ServerJson.parseTimestamp(q.get("added_after"));
            } catch (IllegalArgumentException e) {
                throw new HttpFailure(400, "Bad Request", "added_after: " + e.getMessage());
            }
        }
        Set<String> ids = list(q.get("match[id]"));
        if (objectId != null) {
            ids = Set.of(objectId);
        }
        Set<String> types = list(q.get("match[type]"));
        Set<String> specVersions = list(q.get("match[spec_version]"));
        Set<String> versions = list(q.get("match[version]"));
        if (versions.isEmpty()) {
            versions = Set.of("last");
        }
        List<Entry> snapshot;
        synchronized (c) {
            snapshot = new ArrayList<>(c.entries);
        }
        final Set<String> fIds = ids;
        List<Entry> filtered = snapshot.stream()
                .filter(e -> fIds.isEmpty() || fIds.contains(e.id))
                .filter(e -> types.isEmpty() || types.contains(e.type))
                .filter(e -> specVersions.isEmpty() ? e.specVersion.equals("2.1")
                        : specVersions.contains(e.specVersion))
                .toList();
        // Versions are chosen among all matching versions of an id before added_after narrows the result.
        Map<String, List<Entry>> byId = filtered.stream().collect(Collectors.groupingBy(e -> e.id,
                LinkedHashMap::new, Collectors.toList()));
        List<Entry> out = new ArrayList<>();
        for (List<Entry> vs : byId.values()) {
            vs.sort((a, b) -> a.versionInstant.compareTo(b.versionInstant));
            for (int i = 0; i < vs.size(); i++) {
                Entry e = vs.get(i);
                boolean keep = versions.contains("all")
                        || versions.contains("first") && i == 0
                        || versions.contains("last") && i == vs.size() - 1
                        || versions.contains(e.version)
                        || versions.stream().anyMatch(v -> sameInstant(v, e.versionInstant));
                if (keep) {
                    out.add(e);
                }
            }
        }
        final Instant after = addedAfter;
        return out.stream().filter(e -> after == null || e.dateAdded.isAfter(after))
                .sorted((a, b) -> a.dateAdded.compareTo(b.dateAdded)).toList();
    }

    /**
     * TAXII 2.1 section 5.8: deletes the versions of one object that a GET of the same URL would return
     * ({@code match[version]}, default the latest; {@code match[spec_version]}); 404 when none matches. Like the
     * reference server, it needs both {@code can_read} and {@code can_write}.
     */
    private void deleteObject(HttpExchange ex, CollectionState c, Map<String, String> q, String objectId)
            throws IOException {
        requireRead(c);
        if (!c.canWrite) {
            throw new HttpFailure(403, "Forbidden", "collection " + c.id + " cannot be written");
        }
        List<Entry> doomed = select(c, q, objectId);
        if (doomed.isEmpty()) {
            throw new HttpFailure(404, "Not Found", "no object " + objectId + " matches");
        }
        synchronized (c) {
            c.entries.removeAll(doomed);
            List<Entry> sameId = c.byId.get(objectId);
            if (sameId != null) {
                sameId.removeAll(doomed);
                if (sameId.isEmpty()) {
                    c.byId.remove(objectId);
                }
            }
        }
        ex.getResponseHeaders().set("Content-Type", ServerMediaTypes.TAXII);
        ex.sendResponseHeaders(200, -1);
    }

    private static boolean sameInstant(String text, Instant instant) {
        try {
            return ServerJson.parseTimestamp(text).equals(instant);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private int limit(Map<String, String> q) {
        String l = q.get("limit");
        if (l == null) {
            return maxPageSize;
        }
        try {
            int v = Integer.parseInt(l);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return Math.min(v, maxPageSize);
        } catch (NumberFormatException e) {
            throw new HttpFailure(400, "Bad Request", "limit must be a positive integer");
        }
    }

    private static void pageHeaders(HttpExchange ex, List<Entry> page) {
        if (!page.isEmpty()) {
            ex.getResponseHeaders().set("X-TAXII-Date-Added-First", page.get(0).dateAddedText);
            ex.getResponseHeaders().set("X-TAXII-Date-Added-Last", page.get(page.size() - 1).dateAddedText);
        }
    }

    private void addObjects(HttpExchange ex, CollectionState c) throws IOException {
        if (!c.canWrite) {
            throw new HttpFailure(403, "Forbidden", "collection " + c.id + " does not accept objects");
        }
        if (!ServerMediaTypes.isTaxii21(ex.getRequestHeaders().getFirst("Content-Type"))) {
            throw new HttpFailure(415, "Unsupported Media Type", "Content-Type must be " + ServerMediaTypes.TAXII);
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxContentLength + 1));
        }
        if (body.length > maxContentLength) {
            throw new HttpFailure(413, "Payload Too Large", "the request exceeds max_content_length "
                    + maxContentLength);
        }
        JsonNode env;
        try {
            env = ServerJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new HttpFailure(400, "Bad Request", "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (env == null || !env.isObject() || !env.path("objects").isArray()) {
            throw new HttpFailure(400, "Bad Request", "the body must be an envelope with an objects array");
        }
        Instant requestTime = Instant.now();
        StatusState status = new StatusState(UUID.randomUUID().toString(), requestTime, c, pendingPolls);
        for (JsonNode n : env.get("objects")) {
            StoredObject o;
            try {
                o = StoredObject.of(n);
            } catch (IllegalArgumentException e) {
                status.failures.add(detail(n.path("id").asString("unknown"), n.path("modified").asString(""),
                        e.getMessage()));
                continue;
            }
            if (!"2.1".equals(n.path("spec_version").asString(""))) {
                status.failures.add(detail(o.id(), o.version().orElse(""), "spec_version must be 2.1"));
            } else if (reject.test(o)) {
                status.failures.add(detail(o.id(), o.version().orElse(""), "refused by the server's policy"));
            } else {
                status.accepted.add(o);
            }
        }
        statuses.put(status.id, status);
        if (pendingPolls == 0) {
            status.complete();
        }
        sendJson(ex, 202, status.describe());
    }

    private void store(CollectionState c, List<StoredObject> objects, StatusState status) {
        synchronized (c) {
            for (StoredObject o : objects) {
                Instant added = nextDateAdded();
                String version = o.version().orElse(ServerJson.timestamp(added));
                // Objects without created/modified (cyber-observables) are versioned by date added; an identical
                // re-add is still the same object, so it is not stored again.
                // Indexed by id so that loading large collections stays linear.
                List<Entry> sameId = c.byId.computeIfAbsent(o.id(), k -> new ArrayList<>(1));
                boolean exists = sameId.stream().anyMatch(e -> o.version().isPresent() ? e.version.equals(version)
                        : e.object.equals(o));
                if (!exists) {
                    Entry entry = new Entry(o, added, version);
                    c.entries.add(entry);
                    sameId.add(entry);
                }
                status.successes.add(detail(o.id(), version, exists ? "already present" : null));
            }
        }
    }

    private Instant nextDateAdded() {
        synchronized (clock) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            lastAdded = now.isAfter(lastAdded) ? now : lastAdded.plus(1, ChronoUnit.MICROS);
            return lastAdded;
        }
    }

    private static ObjectNode detail(String id, String version, String message) {
        ObjectNode d = ServerJson.MAPPER.createObjectNode();
        d.put("id", id);
        d.put("version", version);
        if (message != null) {
            d.put("message", message);
        }
        return d;
    }

    private static void requireRead(CollectionState c) {
        if (!c.canRead) {
            throw new HttpFailure(403, "Forbidden", "collection " + c.id + " cannot be read");
        }
    }

    // ----------------------------------------------------------------------------------------- plumbing

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            if (out.put(k, v) != null) {
                throw new HttpFailure(400, "Bad Request", "parameter " + k + " appears more than once");
            }
        }
        return out;
    }

    private static Set<String> list(String v) {
        return v == null || v.isEmpty() ? Set.of() : Set.of(v.split(","));
    }

    private static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = ServerJson.MAPPER.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", ServerMediaTypes.TAXII);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendError(HttpExchange ex, int status, String title, String description) {
        ObjectNode e = ServerJson.MAPPER.createObjectNode();
        e.put("title", title);
        e.put("description", description);
        e.put("error_id", UUID.randomUUID().toString());
        e.put("error_code", String.valueOf(status));
        e.put("http_status", String.valueOf(status));
        try {
            sendJson(ex, status, e);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private static final class Entry {
        final StoredObject object;
        final String id;
        final String type;
        final String specVersion;
        final String version;
        final Instant versionInstant;
        final Instant dateAdded;
        final String dateAddedText;

        Entry(StoredObject object, Instant dateAdded, String version) {
            this.object = object;
            this.id = object.id();
            this.type = object.type();
            this.specVersion = "2.1";
            this.version = version;
            this.versionInstant = ServerJson.parseTimestamp(version);
            this.dateAdded = dateAdded;
            this.dateAddedText = ServerJson.timestamp(dateAdded);
        }
    }

    private record Cursor(CollectionState collection, List<Entry> entries, int offset) { }

    private static final class CollectionState {
        final String id;
        final String title;
        final boolean canRead;
        final boolean canWrite;
        final List<Entry> entries = new ArrayList<>();
        final java.util.Map<String, List<Entry>> byId = new java.util.HashMap<>();

        CollectionState(String id, String title, boolean canRead, boolean canWrite) {
            this.id = id;
            this.title = title;
            this.canRead = canRead;
            this.canWrite = canWrite;
        }

        ObjectNode describe() {
            ObjectNode c = ServerJson.MAPPER.createObjectNode();
            c.put("id", id);
            c.put("title", title);
            c.put("can_read", canRead);
            c.put("can_write", canWrite);
            c.putArray("media_types").add(ServerMediaTypes.STIX);
            return c;
        }
    }

    private final class StatusState {
        final String id;
        final Instant requestTime;
        final CollectionState collection;
        final List<StoredObject> accepted = new ArrayList<>();
        final List<ObjectNode> successes = new ArrayList<>();
        final List<ObjectNode> failures = new ArrayList<>();
        int pollsLeft;
        boolean complete;

        StatusState(String id, Instant requestTime, CollectionState collection, int polls) {
            this.id = id;
            this.requestTime = requestTime;
            this.collection = collection;
            this.pollsLeft = polls;
        }

        synchronized void complete() {
            if (!complete) {
                store(collection, accepted, this);
                complete = true;
            }
        }

        synchronized ObjectNode poll() {
            if (!complete && --pollsLeft <= 0) {
                complete();
            }
            return describe();
        }

        synchronized ObjectNode describe() {
            ObjectNode s = ServerJson.MAPPER.createObjectNode();
            s.put("id", id);
            s.put("status", complete ? "complete" : "pending");
            s.put("request_timestamp", ServerJson.timestamp(requestTime));
            int pending = complete ? 0 : accepted.size();
            s.put("total_count", successes.size() + failures.size() + pending);
            s.put("success_count", successes.size());
            s.put("failure_count", failures.size());
            s.put("pending_count", pending);
            if (!successes.isEmpty()) {
                s.putArray("successes").addAll(successes);
            }
            if (!failures.isEmpty()) {
                s.putArray("failures").addAll(failures);
            }
            if (pending > 0) {
                ArrayNode p = s.putArray("pendings");
                accepted.forEach(o -> p.add(detail(o.id(), o.version().orElse(""), null)));
            }
            return s;
        }
    }

    /** Configures a {@link TaxiiTestServer}; not thread-safe. */
    public static final class Builder {
        private final List<CollectionState> collections = new ArrayList<>();
        private final Map<String, char[]> users = new HashMap<>();
        private final List<String> bearerTokens = new ArrayList<>();
        private SSLContext sslContext;
        private boolean requireClientCertificate;
        private int maxPageSize = 1000;
        private long maxContentLength = 10L * 1024 * 1024;
        private int pendingPolls;
        private Predicate<StoredObject> reject = o -> false;

        private Builder() {}

        /**
         * Adds a collection.
         *
         * @param id the collection id (letters, digits, {@code - _ .})
         * @param title its title
         * @param canRead whether clients may read it
         * @param canWrite whether clients may add to it
         * @return this builder
         */
        public Builder collection(String id, String title, boolean canRead, boolean canWrite) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            if (!id.matches("[A-Za-z0-9._-]{1,128}")) {
                throw new IllegalArgumentException("collection id must be letters, digits, '.', '_' or '-', was '"
                        + id + "'");
            }
            if (collections.stream().anyMatch(c -> c.id.equals(id))) {
                throw new IllegalStateException("collection " + id + " was already added");
            }
            collections.add(new CollectionState(id, title, canRead, canWrite));
            return this;
        }

        /**
         * Requires HTTP Basic authentication and accepts this user; once any user is added, every request needs
         * credentials.
         *
         * @param name the user name
         * @param password the password (copied)
         * @return this builder
         */
        public Builder user(String name, char[] password) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            if (users.putIfAbsent(name, password.clone()) != null) {
                throw new IllegalStateException("user " + name + " was already added");
            }
            return this;
        }

        /**
         * Accepts this bearer token ({@code Authorization: Bearer <token>}), as TAXII servers that use API keys or
         * OAuth tokens do; once any token or user is added, every request needs credentials.
         *
         * @param token the token
         * @return this builder
         */
        public Builder bearerToken(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            bearerTokens.add(token);
            return this;
        }

        /**
         * Serves HTTPS with this context (its key managers hold the server certificate; its trust managers
         * decide which client certificates are accepted).
         *
         * @param context the TLS context
         * @param requireClientCertificate whether the handshake fails without a trusted client certificate
         * @return this builder
         */
        public Builder tls(SSLContext context, boolean requireClientCertificate) {
            Objects.requireNonNull(context, "context");
            if (sslContext != null) {
                throw new IllegalStateException("TLS was already configured");
            }
            this.sslContext = context;
            this.requireClientCertificate = requireClientCertificate;
            return this;
        }

        /** @param size the most objects per page, whatever limit the client asks (default 1000) @return this */
        public Builder maxPageSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("maxPageSize must be positive, was " + size);
            }
            this.maxPageSize = size;
            return this;
        }

        /** @param bytes the API root's max_content_length (default 10 MiB) @return this builder */
        public Builder maxContentLength(long bytes) {
            if (bytes < 64) {
                throw new IllegalArgumentException("maxContentLength must be at least 64, was " + bytes);
            }
            this.maxContentLength = bytes;
            return this;
        }

        /**
         * Keeps each new status resource pending for this many polls; the objects become visible when it
         * completes (default 0: complete at once).
         *
         * @param polls the number of polls
         * @return this builder
         */
        public Builder pendingStatusPolls(int polls) {
            if (polls < 0) {
                throw new IllegalArgumentException("pendingStatusPolls must not be negative, was " + polls);
            }
            this.pendingPolls = polls;
            return this;
        }

        /**
         * Refuses objects matching a predicate; they are reported as failures in the status resource. The
         * predicate may be stateful (for example refuse only the first attempt) and is called from server threads.
         *
         * @param predicate true to refuse
         * @return this builder
         */
        public Builder rejectObjects(Predicate<StoredObject> predicate) {
            this.reject = Objects.requireNonNull(predicate, "predicate");
            return this;
        }

        /**
         * Starts the server on a free loopback port.
         *
         * @return the running server
         * @throws UncheckedIOException when the port cannot be opened
         */
        public TaxiiTestServer start() {
            if (collections.isEmpty()) {
                throw new IllegalStateException("add at least one collection");
            }
            try {
                return new TaxiiTestServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the TAXII test server", e);
            }
        }
    }
}
