package org.fmishare.transport.taxii;

import static org.fmishare.transport.taxii.internal.AddChunks.envelope;
import static org.fmishare.transport.taxii.internal.AddChunks.find;
import static org.fmishare.transport.taxii.internal.AddChunks.key;
import static org.fmishare.transport.taxii.internal.AddChunks.split;
import static org.fmishare.transport.taxii.internal.TaxiiJson.dateAddedLast;
import static org.fmishare.transport.taxii.internal.TaxiiJson.optText;
import static org.fmishare.transport.taxii.internal.TaxiiJson.requireText;
import static org.fmishare.transport.taxii.internal.TaxiiJson.timestamp;
import static org.fmishare.transport.taxii.internal.TaxiiUris.dir;
import static org.fmishare.transport.taxii.internal.TaxiiUris.pathSegment;
import static org.fmishare.transport.taxii.internal.TaxiiUris.withQuery;


import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.fmishare.core.transport.Loopback;
import org.fmishare.core.transport.RetryPolicy;
import org.fmishare.transport.taxii.internal.ObjectPages;
import org.fmishare.transport.taxii.internal.TaxiiHttp;
import org.fmishare.transport.taxii.internal.TaxiiJson;
import org.fmishare.transport.taxii.stix.StixObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A TAXII 2.1 client bound to one server (one origin: scheme, host and port).
 *
 * <p>Every request asks for {@code application/taxii+json;version=2.1} and every response must carry it; error
 * responses are read leniently (some servers send {@code application/json}) and surface as {@link
 * TaxiiException.HttpError} with the TAXII error message fields ({@link TaxiiException.AuthenticationFailed} for
 * 401, {@link TaxiiException.MediaTypeRejected} for 406 and 415). Object pages are parsed as a stream and handed to
 * a consumer one object at a time, so memory does not grow with the page or the collection.
 *
 * <p>Security: TLS hostname verification is always on and there is no trust-all switch (pass an {@link SSLContext}
 * holding the server's trust anchors and, for mutual TLS, the client key); plain {@code http} is refused unless the
 * host is loopback by the SDK's one rule ({@link Loopback}: {@code localhost} or a literal loopback address, never
 * resolved through DNS); redirects are not followed; credentials are sent only to the bound origin, and any
 * URI (for example an API root listed by discovery) on another origin is refused.
 *
 * <p>Instances are immutable and thread-safe; build one per server and share it.
 */
public final class TaxiiClient {
    /** Default of {@link Builder#maxPages}: pages one read of objects follows at most. */
    public static final int DEFAULT_MAX_PAGES = 10_000;
    /** Default of {@link Builder#maxObjectBytes}: 64 MiB, the size of the largest string accepted. */
    public static final long DEFAULT_MAX_OBJECT_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TaxiiClient.class);

    private final URI discoveryUri;
    private final TaxiiHttp http;
    private final Duration pollInitial;
    private final Duration pollMax;
    private final Duration pollTimeout;
    private final int publishAttempts;
    private final ObjectPages.Limits pageLimits;

    private TaxiiClient(Builder b) {
        this.pageLimits = new ObjectPages.Limits(b.maxPages, b.maxObjectBytes);
        this.discoveryUri = b.discoveryUri;
        this.pollInitial = b.pollInitial;
        this.pollMax = b.pollMax;
        this.pollTimeout = b.pollTimeout;
        this.publishAttempts = b.publishAttempts;
        HttpClient.Builder hb = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(b.connectTimeout);
        if (b.sslContext != null) {
            hb.sslContext(b.sslContext);
        }
        this.http = new TaxiiHttp(b.discoveryUri, hb.build(), b.authorization, b.requestTimeout);
    }

    /**
     * Starts a builder for a client of the server whose discovery endpoint is given.
     *
     * @param discoveryUri for example {@code https://taxii.example/taxii2/}; {@code http} only for loopback hosts
     * @return a builder
     */
    public static Builder builder(URI discoveryUri) {
        return new Builder(discoveryUri);
    }

    /** {@return the discovery URI this client is bound to} */
    public URI discoveryUri() {
        return discoveryUri;
    }

    // ------------------------------------------------------------------------------------------ resources

    /**
     * Reads the discovery resource.
     *
     * @return the server's discovery information, with API roots resolved to absolute URIs
     * @throws TaxiiException on any failure
     */
    public Discovery discover() {
        JsonNode d = http.getJson(discoveryUri);
        List<URI> roots = new ArrayList<>();
        for (JsonNode r : d.path("api_roots")) {
            roots.add(resolveRoot(r.asString("")));
        }
        return new Discovery(requireText(discoveryUri, d, "title"), optText(d, "description"),
                optText(d, "contact"), optText(d, "default").map(this::resolveRoot), roots);
    }

    /**
     * Reads an API root's information.
     *
     * @param apiRoot the API root URI (from {@link Discovery#apiRoots()})
     * @return its information, including {@code max_content_length}
     * @throws TaxiiException on any failure
     */
    public ApiRoot apiRoot(URI apiRoot) {
        URI root = dir(apiRoot);
        JsonNode r = http.getJson(root);
        List<String> versions = new ArrayList<>();
        // Some servers write a bare "2.1"; accept it, as other clients do.
        r.path("versions").forEach(v -> versions.add(v.asString("")));
        JsonNode max = r.get("max_content_length");
        if (max == null || !max.isIntegralNumber() || max.longValue() < 1) {
            throw new TaxiiException.ProtocolViolation(root + ": max_content_length must be a positive integer");
        }
        return new ApiRoot(root, requireText(root, r, "title"), optText(r, "description"), versions,
                max.longValue());
    }

    /**
     * Lists the collections of an API root.
     *
     * @param apiRoot the API root URI
     * @return the collections (empty when the server lists none)
     * @throws TaxiiException on any failure
     */
    public List<TaxiiCollection> collections(URI apiRoot) {
        URI root = dir(apiRoot);
        URI uri = root.resolve("collections/");
        JsonNode c = http.getJson(uri);
        List<TaxiiCollection> out = new ArrayList<>();
        for (JsonNode n : c.path("collections")) {
            out.add(collection(root, uri, n));
        }
        return out;
    }

    /**
     * Reads one collection.
     *
     * @param apiRoot the API root URI
     * @param collectionId the collection id
     * @return the collection
     * @throws TaxiiException on any failure ({@link TaxiiException.HttpError} 404 when it does not exist)
     */
    public TaxiiCollection collection(URI apiRoot, String collectionId) {
        Objects.requireNonNull(collectionId, "collectionId");
        URI root = dir(apiRoot);
        URI uri = root.resolve("collections/" + pathSegment(collectionId) + "/");
        return collection(root, uri, http.getJson(uri));
    }

    private static TaxiiCollection collection(URI root, URI from, JsonNode n) {
        JsonNode canRead = n.get("can_read");
        JsonNode canWrite = n.get("can_write");
        if (canRead == null || !canRead.isBoolean() || canWrite == null || !canWrite.isBoolean()) {
            throw new TaxiiException.ProtocolViolation(from + ": a collection needs boolean can_read and can_write");
        }
        List<String> media = new ArrayList<>();
        n.path("media_types").forEach(m -> media.add(m.asString("")));
        String id = requireText(from, n, "id");
        if (!TaxiiCollection.isPathSegment(id)) {
            throw new TaxiiException.ProtocolViolation(from + ": collection id '" + id + "' must be one path segment "
                    + "(no '/' or '..'), or its URI would leave the API root's collections");
        }
        return new TaxiiCollection(root, id, requireText(from, n, "title"),
                optText(n, "description"), optText(n, "alias"), canRead.booleanValue(), canWrite.booleanValue(),
                media);
    }

    // ------------------------------------------------------------------------------------------ objects

    /**
     * Reads every object matching a query, following {@code next} while {@code more} is true, and hands each to
     * the consumer as it is parsed. Never holds more than one object (plus the current HTTP buffer) in memory.
     * {@code added_after} is sent on the first request only, as the specification requires.
     *
     * @param collection the collection (must allow reading)
     * @param query the filters and page size
     * @param consumer receives the objects in server order; an exception it throws stops the read and propagates
     * @return counts and the {@code X-TAXII-Date-Added-Last} bookmark for the next poll
     * @throws TaxiiException on any failure
     */
    public PollResult forEachObject(TaxiiCollection collection, ObjectQuery query, Consumer<StixObject> consumer) {
        requireRead(collection);
        return ObjectPages.readObjects(http, collection.uri().resolve("objects/"), query, consumer, pageLimits);
    }

    /**
     * Reads every object matching a query into a list. Convenient for small results; use {@link #forEachObject}
     * for collections of unknown size.
     *
     * @param collection the collection
     * @param query the filters
     * @return the objects in server order
     * @throws TaxiiException on any failure
     */
    public List<StixObject> fetchObjects(TaxiiCollection collection, ObjectQuery query) {
        List<StixObject> out = new ArrayList<>();
        forEachObject(collection, query, out::add);
        return out;
    }

    /**
     * Reads the versions of one object selected by the query's {@code match[version]} (default: the latest).
     *
     * @param collection the collection
     * @param objectId the STIX id
     * @param query further filters ({@code match[id]} is ignored)
     * @return the matching versions of the object
     * @throws TaxiiException on any failure ({@link TaxiiException.HttpError} 404 when the object is unknown)
     */
    public List<StixObject> getObject(TaxiiCollection collection, String objectId, ObjectQuery query) {
        requireRead(collection);
        List<StixObject> out = new ArrayList<>();
        ObjectPages.readObjects(http, collection.uri().resolve("objects/" + pathSegment(objectId) + "/"), query,
                out::add, pageLimits);
        return out;
    }

    /**
     * Lists the versions of one object.
     *
     * @param collection the collection
     * @param objectId the STIX id
     * @param query {@code added_after}, {@code limit} and {@code match[spec_version]} apply
     * @return one page of versions
     * @throws TaxiiException on any failure
     */
    public VersionsPage versions(TaxiiCollection collection, String objectId, ObjectQuery query) {
        requireRead(collection);
        URI uri = withQuery(collection.uri().resolve("objects/" + pathSegment(objectId) + "/versions/"), query,
                null);
        TaxiiHttp.Response<JsonNode> r = http.getJsonWithHeaders(uri);
        List<String> versions = new ArrayList<>();
        r.body().path("versions").forEach(v -> versions.add(v.asString("")));
        return new VersionsPage(versions, r.body().path("more").asBoolean(false), dateAddedLast(r.headers(), uri));
    }

    /**
     * Reads one page of the collection's manifest.
     *
     * @param collection the collection
     * @param query the filters and page size
     * @return the page; follow up with {@code added_after} = {@link ManifestPage#dateAddedLast()} while more
     * @throws TaxiiException on any failure
     */
    public ManifestPage manifest(TaxiiCollection collection, ObjectQuery query) {
        requireRead(collection);
        URI uri = withQuery(collection.uri().resolve("manifest/"), query, null);
        TaxiiHttp.Response<JsonNode> r = http.getJsonWithHeaders(uri);
        List<ManifestEntry> entries = new ArrayList<>();
        for (JsonNode e : r.body().path("objects")) {
            entries.add(new ManifestEntry(requireText(uri, e, "id"), timestamp(uri, requireText(uri, e,
                    "date_added")), requireText(uri, e, "version"), optText(e, "media_type")));
        }
        return new ManifestPage(entries, r.body().path("more").asBoolean(false), dateAddedLast(r.headers(), uri));
    }

    /**
     * Deletes versions of one object (TAXII 2.1 section 5.8). Which versions go is the query's {@code
     * match[version]} and {@code match[spec_version]}; servers differ in the default when no version is named (the
     * SDK's test server and medallion delete what a GET of the same URL returns), so name the versions, or {@code
     * all}, when it matters.
     *
     * @param collection the collection (must allow reading and writing, as the specification requires)
     * @param objectId the STIX id
     * @param query the version filters; other filters are sent as given
     * @throws TaxiiException on any failure ({@link TaxiiException.HttpError} 404 when nothing matches)
     */
    public void deleteObject(TaxiiCollection collection, String objectId, ObjectQuery query) {
        requireRead(collection);
        requireWrite(collection);
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(query, "query");
        URI uri = withQuery(collection.uri().resolve("objects/" + pathSegment(objectId) + "/"), query, null);
        try (java.io.InputStream body = http.body(http.exchange("DELETE", uri, null, 200))) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            throw new TaxiiException.ConnectionFailed("reading the answer to DELETE " + uri + " failed", e);
        }
    }

    /**
     * Adds objects in one request and returns the status resource the server answered with (possibly pending).
     * Prefer {@link #publish}, which splits by size, polls to completion and retries failures.
     *
     * @param collection the collection (must allow writing)
     * @param objects the objects
     * @return the status resource
     * @throws TaxiiException on any failure
     */
    public TaxiiStatus addObjects(TaxiiCollection collection, List<StixObject> objects) {
        requireWrite(collection);
        Objects.requireNonNull(objects, "objects");
        URI uri = collection.uri().resolve("objects/");
        TaxiiHttp.Response<JsonNode> r = http.send("POST", uri, envelope(objects), 202);
        return TaxiiJson.status(uri, r.body());
    }

    /**
     * Reads a status resource.
     *
     * @param apiRoot the API root
     * @param statusId the status id
     * @return the status
     * @throws TaxiiException on any failure
     */
    public TaxiiStatus status(URI apiRoot, String statusId) {
        URI uri = dir(apiRoot).resolve("status/" + pathSegment(statusId) + "/");
        return TaxiiJson.status(uri, http.getJson(uri));
    }

    /**
     * Polls a status resource until it is complete, with exponential backoff between polls.
     *
     * @param apiRoot the API root
     * @param statusId the status id
     * @return the complete status
     * @throws TaxiiException.StatusTimeout when the polling timeout runs out first
     * @throws TaxiiException on any other failure
     */
    public TaxiiStatus awaitStatus(URI apiRoot, String statusId) {
        long deadline = System.nanoTime() + pollTimeout.toNanos();
        Duration delay = pollInitial;
        TaxiiStatus s = status(apiRoot, statusId);
        while (!s.complete()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TaxiiException.StatusTimeout("status " + statusId + " still pending after " + pollTimeout
                        + " (" + s.pendingCount() + " of " + s.totalCount() + " objects pending)", s);
            }
            sleep(Math.min(delay.toNanos(), left));
            delay = delay.multipliedBy(2).compareTo(pollMax) > 0 ? pollMax : delay.multipliedBy(2);
            s = status(apiRoot, statusId);
        }
        return s;
    }

    /**
     * Delivers objects to a collection: splits them into requests no larger than the API root's
     * {@code max_content_length}, polls each status resource to completion, and re-sends objects the server
     * reported as failures (re-adding the same id and version is idempotent) up to the configured number of
     * attempts. An object the status does not list as a success is read back by id and version: when the collection
     * already holds it with identical content it counts as delivered (some servers report exact duplicates as
     * failures). Connection failures and retryable statuses on a request ({@link RetryPolicy}: 408, 429, 5xx) are
     * retried the same way.
     *
     * @param collection the collection (must allow writing)
     * @param objects the objects, at least one; an id and version may appear once
     * @return one outcome per object, in the order given; {@link PublishResult#delivered()} says whether all were
     * @throws TaxiiException.ContentTooLarge when a single object cannot fit in a request (nothing is sent)
     * @throws TaxiiException when a request keeps failing after all attempts, or on any other failure
     */
    public PublishResult publish(TaxiiCollection collection, List<StixObject> objects) {
        requireWrite(collection);
        Objects.requireNonNull(objects, "objects");
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("objects: nothing to publish");
        }
        long max = apiRoot(collection.apiRoot()).maxContentLength();
        Map<String, StixObject> byKey = new LinkedHashMap<>();
        for (StixObject o : objects) {
            if (byKey.putIfAbsent(key(o.id(), o.version().orElse(null)), o) != null) {
                throw new IllegalArgumentException("objects: " + o.id() + " version " + o.version().orElse("-")
                        + " appears more than once");
            }
        }
        List<List<StixObject>> firstSplit = split(new ArrayList<>(byKey.values()), max);
        Map<String, Boolean> delivered = new LinkedHashMap<>();
        Map<String, String> messages = new LinkedHashMap<>();
        Map<String, Integer> attempts = new LinkedHashMap<>();
        List<String> statusIds = new ArrayList<>();
        List<List<StixObject>> chunks = firstSplit;
        for (int attempt = 1; attempt <= publishAttempts && !chunks.isEmpty(); attempt++) {
            List<StixObject> failed = new ArrayList<>();
            for (List<StixObject> chunk : chunks) {
                chunk.forEach(o -> attempts.merge(key(o.id(), o.version().orElse(null)), 1, Integer::sum));
                TaxiiStatus s = sendChunk(collection, chunk, attempt == publishAttempts);
                if (s == null) {
                    failed.addAll(chunk);
                    chunk.forEach(o -> messages.put(key(o.id(), o.version().orElse(null)), "request failed"));
                    continue;
                }
                statusIds.add(s.id());
                if (!s.complete()) {
                    s = awaitStatus(collection.apiRoot(), s.id());
                }
                for (StixObject o : chunk) {
                    String k = key(o.id(), o.version().orElse(null));
                    Optional<TaxiiStatus.Detail> ok = find(s.successes(), o);
                    if (ok.isPresent() || storedIdentically(collection, o)) {
                        delivered.put(k, true);
                        messages.remove(k);
                    } else {
                        failed.add(o);
                        messages.put(k, find(s.failures(), o).flatMap(TaxiiStatus.Detail::message)
                                .orElse(find(s.failures(), o).isPresent() ? "refused by the server"
                                        : "not reported in status " + s.id()));
                    }
                }
            }
            if (!failed.isEmpty()) {
                LOG.debug("publish to {}: {} objects not delivered after attempt {}", collection.id(),
                        failed.size(), attempt);
            }
            chunks = failed.isEmpty() ? List.of() : split(failed, max);
        }
        List<ObjectOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, StixObject> e : byKey.entrySet()) {
            StixObject o = e.getValue();
            outcomes.add(new ObjectOutcome(o.id(), o.version(), delivered.getOrDefault(e.getKey(), false),
                    Optional.ofNullable(messages.get(e.getKey())), attempts.getOrDefault(e.getKey(), 1)));
        }
        return new PublishResult(outcomes, statusIds);
    }

    /**
     * Whether the collection already holds this object, same id and version, with the same content. Servers report
     * an exact duplicate in different ways (medallion 3.0.0 lists it under {@code failures}, although TAXII 2.1
     * section 5.5 says a server must not treat it as an error), so "delivered" is established by reading the
     * object back rather than by trusting the status counts. A collection that cannot be read cannot be checked.
     */
    private boolean storedIdentically(TaxiiCollection collection, StixObject o) {
        if (!collection.canRead()) {
            return false;
        }
        // Cyber-observables have no modified: compare with every stored version of the id.
        String version = o.version().orElse("all");
        List<StixObject> stored;
        try {
            stored = getObject(collection, o.id(), ObjectQuery.builder().matchVersion(version).build());
        } catch (TaxiiException.HttpError e) {
            // 404: not stored. Other statuses: what is stored cannot be established (medallion 3.0.0 answers 500
            // for objects with a top-level version property), so the object stays undelivered, as reported.
            LOG.debug("reading back {} version {} from {} failed: {}", o.id(), version, collection.id(),
                    e.getMessage());
            return false;
        }
        // JSON equality: property order does not matter, values and types do.
        boolean same = stored.stream().anyMatch(s -> s.tree().equals(o.tree()));
        if (same) {
            LOG.debug("{} version {} was already stored in {} with identical content", o.id(), version,
                    collection.id());
        }
        return same;
    }

    private TaxiiStatus sendChunk(TaxiiCollection collection, List<StixObject> chunk, boolean last) {
        try {
            return addObjects(collection, chunk);
        } catch (TaxiiException.ConnectionFailed e) {
            if (last) {
                throw e;
            }
            LOG.debug("add objects to {} failed, will retry: {}", collection.id(), e.getMessage());
            return null;
        } catch (TaxiiException.HttpError e) {
            if (last || !RetryPolicy.isRetryableStatus(e.status())) {
                throw e;
            }
            LOG.debug("add objects to {} failed, will retry: {}", collection.id(), e.getMessage());
            return null;
        }
    }

    private URI resolveRoot(String ref) {
        try {
            return dir(discoveryUri.resolve(ref));
        } catch (IllegalArgumentException e) {
            // The reference is the server's text; URI.resolve refuses what RFC 3986 does not allow.
            throw new TaxiiException.ProtocolViolation(discoveryUri + ": API root '" + ref + "' is not a valid URI "
                    + "reference (" + e.getMessage() + ")", e);
        }
    }

    private void requireRead(TaxiiCollection c) {
        Objects.requireNonNull(c, "collection");
        if (!c.canRead()) {
            throw new TaxiiException.NotPermitted("collection " + c.id() + " does not allow reading (can_read is "
                    + "false)");
        }
    }

    private void requireWrite(TaxiiCollection c) {
        Objects.requireNonNull(c, "collection");
        if (!c.canWrite()) {
            throw new TaxiiException.NotPermitted("collection " + c.id() + " does not allow adding objects "
                    + "(can_write is false)");
        }
    }

    /** RFC 6750 token characters only: anything else (spaces, CR, LF) could split or inject headers. */
    static String checkToken(String token) {
        if (!token.matches("[A-Za-z0-9\\-._~+/]+=*")) {
            throw new IllegalArgumentException("token must be RFC 6750 token characters (letters, digits, -._~+/ "
                    + "and trailing =)");
        }
        return token;
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaxiiException.ConnectionFailed("interrupted while polling a status", e);
        }
    }

    /**
     * Configures a {@link TaxiiClient}. Each option may be set once; not thread-safe.
     */
    public static final class Builder {
        private final URI discoveryUri;
        private String authorization;
        private SSLContext sslContext;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration pollInitial = Duration.ofMillis(100);
        private Duration pollMax = Duration.ofSeconds(5);
        private Duration pollTimeout = Duration.ofMinutes(2);
        private int publishAttempts = 3;
        private int maxPages = DEFAULT_MAX_PAGES;
        private long maxObjectBytes = DEFAULT_MAX_OBJECT_BYTES;

        private Builder(URI discoveryUri) {
            Objects.requireNonNull(discoveryUri, "discoveryUri");
            this.discoveryUri = dir(discoveryUri);
            checkScheme(this.discoveryUri);
        }

        private static void checkScheme(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new TaxiiException.InsecureEndpoint(uri + ": the discovery URI must be an absolute http(s) "
                        + "URI with a host");
            }
            if (scheme.equals("http") && !Loopback.isLoopbackHost(uri.getHost())) {
                throw new TaxiiException.InsecureEndpoint(uri + ": plain http is allowed only to loopback "
                        + "addresses; use https");
            }
        }

        /**
         * Uses HTTP Basic authentication, sent only to this client's origin.
         *
         * @param user the user name (no colon)
         * @param password the password; the array is not kept
         * @return this builder
         */
        public Builder basicAuth(String user, char[] password) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (authorization != null) {
                throw new IllegalStateException("authentication was already set");
            }
            if (user.contains(":")) {
                throw new IllegalArgumentException("user must not contain ':'");
            }
            String pair = user + ":" + new String(password);
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /**
         * Uses a bearer token ({@code Authorization: Bearer <token>}), as TAXII servers that authenticate with API
         * keys or OAuth access tokens expect; sent only to this client's origin. Exclusive with {@link #basicAuth}.
         *
         * @param token the token, as the server issued it
         * @return this builder
         */
        public Builder bearerToken(String token) {
            Objects.requireNonNull(token, "token");
            if (authorization != null) {
                throw new IllegalStateException("authentication was already set");
            }
            this.authorization = "Bearer " + checkToken(token);
            return this;
        }

        /**
         * Uses this TLS context: its trust managers decide which servers are trusted, and its key managers supply
         * the client certificate for mutual TLS. Hostname verification stays on.
         *
         * @param context the context
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            Objects.requireNonNull(context, "context");
            if (sslContext != null) {
                throw new IllegalStateException("the SSL context was already set");
            }
            this.sslContext = context;
            return this;
        }

        /** @param timeout connection timeout (default 10 s) @return this builder */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how many pages one read of objects follows at most; a server still answering {@code more} after that
         * is refused with {@link TaxiiException.ProtocolViolation}.
         *
         * @param pages the most pages (default {@value TaxiiClient#DEFAULT_MAX_PAGES})
         * @return this builder
         */
        public Builder maxPages(int pages) {
            if (pages < 1) {
                throw new IllegalArgumentException("maxPages must be positive, was " + pages);
            }
            this.maxPages = pages;
            return this;
        }

        /**
         * Sets the largest single object accepted in an envelope page; a larger one is refused with
         * {@link TaxiiException.ContentTooLarge} after reading about this many bytes of it, not all of it.
         *
         * @param bytes the most bytes of JSON (default {@value TaxiiClient#DEFAULT_MAX_OBJECT_BYTES})
         * @return this builder
         */
        public Builder maxObjectBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxObjectBytes must be positive, was " + bytes);
            }
            this.maxObjectBytes = bytes;
            return this;
        }

        /**
         * @param timeout per-request timeout (default 60 s): the answer's headers and its whole body must arrive
         *     within it, so a server that never finishes its response cannot hold the client
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * Sets status polling: the first delay, doubling up to a maximum, until an overall timeout.
         *
         * @param initialDelay first delay (default 100 ms)
         * @param maxDelay largest delay (default 5 s)
         * @param timeout give up after this long (default 2 min)
         * @return this builder
         */
        public Builder statusPolling(Duration initialDelay, Duration maxDelay, Duration timeout) {
            this.pollInitial = positive(initialDelay, "initialDelay");
            this.pollMax = positive(maxDelay, "maxDelay");
            this.pollTimeout = positive(timeout, "timeout");
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than initialDelay "
                        + initialDelay);
            }
            return this;
        }

        /** @param attempts how often {@link #publish} sends an object at most (default 3) @return this builder */
        public Builder publishAttempts(int attempts) {
            if (attempts < 1 || attempts > 20) {
                throw new IllegalArgumentException("publishAttempts must be 1 to 20, was " + attempts);
            }
            this.publishAttempts = attempts;
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        /** {@return the client} */
        public TaxiiClient build() {
            return new TaxiiClient(this);
        }
    }

}
