package org.fmishare.transport.https;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.core.transport.Loopback;
import org.fmishare.core.transport.RetryPolicy;
import org.fmishare.core.transport.Transport;
import org.fmishare.transport.https.internal.BoundedBody;
import org.fmishare.transport.https.internal.RetryAfter;
import org.fmishare.transport.https.internal.TlsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Delivers envelopes by HTTPS {@code POST}, with the JDK's {@link HttpClient}.
 *
 * <p>Each attempt sends the envelope's stored bytes as {@code application/jose+json} with an {@code
 * Idempotency-Key} header holding the envelope id, and maps the answer to a {@link DeliveryResult}:
 * <ul>
 * <li>2xx to a company's response (a {@code RECEIPT} envelope, sent back to an office's {@link ResponseEndpoint}):
 *     {@link DeliveryResult.Delivered} with an empty receipt;</li>
 * <li>2xx with a receipt ({@code application/jose+json} body): {@link DeliveryResult.Delivered}. With a
 *     {@linkplain Builder#receiptVerifier receipt verifier} the receipt must verify and answer this envelope (same id
 *     and digest), otherwise the result is a permanent failure naming the failed check;</li>
 * <li>408, 429 and 5xx ({@link RetryPolicy}): {@link DeliveryResult.RetryableFailure}, carrying the server's
 *     {@code Retry-After} (delta-seconds or HTTP-date, capped at {@link Builder#maxRetryAfter});</li>
 * <li>connection failures, TLS handshake failures and timeouts: retryable;</li>
 * <li>any other status (other 4xx, 3xx: redirects are never followed, 2xx without a receipt): {@link
 *     DeliveryResult.PermanentFailure} with the status and the server's short message.</li>
 * </ul>
 *
 * <p>Security guarantees. TLS 1.3 or 1.2 only (1.3 whenever the server offers it), ECDHE with AEAD suites; the
 * server's chain must lead to the configured trust anchors and its certificate must name the destination host
 * (hostname verification is always on: there is no option to disable it, and {@link Builder#build()} refuses to run
 * in a JVM where the JDK's global switch {@code jdk.internal.httpclient.disableHostnameVerification} is set). The
 * client presents its certificate when the SSL context holds one (mutual TLS). Plain {@code http://} is refused
 * unless {@link Builder#allowPlainHttpToLoopback()} was called, and even then only to loopback hosts ({@link
 * Loopback}: {@code localhost} or a literal loopback address, never resolved through DNS). Receipt bodies are
 * bounded ({@link Builder#maxReceiptBytes}).
 *
 * <p>Thread-safe; one instance serves any number of dispatcher workers and reuses connections. {@link #close()}
 * stops its threads.
 */
public final class HttpsTransport implements Transport {
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time allowed from sending the request to the end of the response. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Default longest server-requested delay honoured; longer {@code Retry-After} values are capped to it. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofHours(1);
    /** Default largest accepted response body. */
    public static final int DEFAULT_MAX_RECEIPT_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpsTransport.class);
    private static final String HOSTNAME_SWITCH = "jdk.internal.httpclient.disableHostnameVerification";
    private static final int MAX_MESSAGE = 200;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpClient client;
    private final ExecutorService executor;
    private final Set<String> schemes;
    private final boolean plainToLoopback;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration maxRetryAfter;
    private final int maxReceiptBytes;
    private final Optional<EnvelopeVerifier> receiptVerifier;
    private final Clock clock;
    /** Receipts verified by this transport (envelope id, digest, receipt hash), most recent last. */
    private final java.util.Map<String, Boolean> verifiedReceipts = new java.util.LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    };

    private HttpsTransport(Builder b) {
        this.plainToLoopback = b.plainToLoopback;
        this.schemes = b.sslContext == null ? Set.of("http") : plainToLoopback ? Set.of("https", "http")
                : Set.of("https");
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxRetryAfter = b.maxRetryAfter;
        this.maxReceiptBytes = b.maxReceiptBytes;
        this.receiptVerifier = Optional.ofNullable(b.receiptVerifier);
        this.clock = b.clock;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fmi-share-https-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpClient.Builder hb = HttpClient.newBuilder()
                // HTTP/1.1: one POST per envelope gains nothing from HTTP/2, and 1.1 behaves the same on every server.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor);
        if (b.sslContext != null) {
            SSLParameters p = TlsPolicy.parameters(b.sslContext);
            p.setEndpointIdentificationAlgorithm("HTTPS");
            hb.sslContext(b.sslContext).sslParameters(p);
        }
        this.client = hb.build();
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return {@code https}, plus {@code http} when plain HTTP to loopback is allowed} */
    @Override
    public Set<String> schemes() {
        return schemes;
    }

    /**
     * Checks that this transport would send to a destination, without sending anything.
     *
     * @param destination the destination
     * @throws HttpsTransportException.DestinationRefused when it would not, saying why
     */
    public void checkDestination(URI destination) {
        Objects.requireNonNull(destination, "destination");
        refusal(destination).ifPresent(reason -> {
            throw new HttpsTransportException.DestinationRefused(reason);
        });
    }

    /**
     * Makes one delivery attempt; never throws for network or server failures (see the class description for the
     * mapping). An interrupt while waiting ends the attempt as retryable and keeps the thread's interrupt status.
     *
     * @param delivery the envelope and an {@code https://} destination (or {@code http://} to a loopback address
     *     when allowed); only the wire bytes are sent
     * @return the outcome
     */
    @Override
    public DeliveryResult deliver(Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        OutboundEnvelope envelope = delivery.envelope();
        URI destination = delivery.destination();
        Optional<String> refused = refusal(destination);
        if (refused.isPresent()) {
            return new DeliveryResult.PermanentFailure(refused.get());
        }
        HttpRequest request = HttpRequest.newBuilder(destination)
                .timeout(requestTimeout)
                .header("Content-Type", OutboundEnvelope.MEDIA_TYPE)
                .header("Accept", OutboundEnvelope.MEDIA_TYPE + ", application/problem+json")
                .header("Idempotency-Key", envelope.envelopeId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.serialized()))
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request,
                BoundedBody.handler(maxReceiptBytes));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers the wait for the response headers; this deadline also bounds the body.
            response = future.get(connectTimeout.plus(requestTimeout).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return DeliveryResult.retry("interrupted while waiting for " + hostOf(destination));
        } catch (TimeoutException e) {
            future.cancel(true);
            return DeliveryResult.retry("no complete response from " + hostOf(destination) + " within "
                    + connectTimeout.plus(requestTimeout));
        } catch (ExecutionException e) {
            return failure(e.getCause(), destination);
        }
        return classify(response, envelope);
    }

    private DeliveryResult failure(Throwable cause, URI destination) {
        String host = hostOf(destination);
        if (cause instanceof BoundedBody.TooLarge tooLarge) {
            return new DeliveryResult.PermanentFailure("response from " + host + ": " + tooLarge.getMessage());
        }
        if (cause instanceof HttpConnectTimeoutException) {
            // The JDK client also reports the request timeout this way when it runs out while still connecting
            // (a loaded machine), so the message names both limits rather than guessing which one fired.
            return DeliveryResult.retry("connect to " + host + " timed out (connect timeout " + connectTimeout
                    + ", request timeout " + requestTimeout + ")");
        }
        if (cause instanceof HttpTimeoutException) {
            return DeliveryResult.retry("no response from " + host + " within " + requestTimeout);
        }
        if (cause instanceof SSLException || cause != null && cause.getCause() instanceof SSLException) {
            // Certificate and handshake problems are usually configuration, but servers fix them (rotation):
            // retried, and the dead letters show the reason once attempts run out.
            Throwable ssl = cause instanceof SSLException ? cause : cause.getCause();
            return DeliveryResult.retry("TLS handshake with " + host + " failed: " + ssl.getMessage());
        }
        if (cause instanceof ConnectException) {
            // The JDK often reports a refused connection without a message; never print "null".
            return DeliveryResult.retry("cannot connect to " + host + ": " + (cause.getMessage() == null
                    ? "connection refused" : cause.getMessage()));
        }
        if (cause instanceof IOException) {
            return DeliveryResult.retry("connection to " + host + " failed: " + (cause.getMessage() == null
                    ? "connection closed" : cause.getMessage()));
        }
        LOG.warn("https delivery to {} failed unexpectedly", host, cause);
        return DeliveryResult.retry("unexpected failure talking to " + host + ": " + cause);
    }

    private DeliveryResult classify(HttpResponse<byte[]> response, OutboundEnvelope envelope) {
        int status = response.statusCode();
        byte[] body = response.body();
        String host = hostOf(response.uri());
        if (status >= 200 && status < 300 && envelope.content().kind() == EnvelopeKind.RECEIPT) {
            // A company's response goes back to the office, whose endpoint records it and answers without a
            // receipt of its own (receipts are not acknowledged with receipts).
            return new DeliveryResult.Delivered(new byte[0], "HTTP " + status + " from " + host
                    + ", response recorded by the office");
        }
        if (status >= 200 && status < 300) {
            String type = mediaType(response.headers().firstValue("Content-Type").orElse(""));
            if (body.length == 0 || !type.equals(OutboundEnvelope.MEDIA_TYPE)) {
                return new DeliveryResult.PermanentFailure("HTTP " + status + " from " + host
                        + " without a signed receipt (content type '" + type + "', " + body.length + " bytes)");
            }
            if (receiptVerifier.isEmpty()) {
                return new DeliveryResult.Delivered(body, "HTTP " + status + " from " + host
                        + ", receipt not verified by the transport");
            }
            String seen = envelope.envelopeId() + " " + envelope.digest() + " " + Digests.sha256Hex(body);
            synchronized (verifiedReceipts) {
                if (verifiedReceipts.containsKey(seen)) {
                    // The same receipt for the same envelope again (a repeated delivery): verified before, and the
                    // verifier's replay cache would now refuse its nonce.
                    return new DeliveryResult.Delivered(body, "HTTP " + status + " from " + host
                            + ", receipt verified earlier (repeated delivery)");
                }
            }
            try {
                VerifiedEnvelope receipt = receiptVerifier.get().verifyReceipt(body, envelope);
                synchronized (verifiedReceipts) {
                    verifiedReceipts.put(seen, Boolean.TRUE);
                }
                return new DeliveryResult.Delivered(body, "HTTP " + status + " from " + host + ", receipt "
                        + receipt.envelopeId() + " from " + receipt.sender().id() + " verified");
            } catch (EnvelopeException e) {
                return new DeliveryResult.PermanentFailure("HTTP " + status + " from " + host
                        + " but the receipt was rejected: " + e.getMessage());
            }
        }
        String message = serverMessage(response);
        String reason = "HTTP " + status + " from " + host + (message.isEmpty() ? "" : ": " + message);
        if (RetryPolicy.isRetryableStatus(status)) {
            Optional<java.time.Duration> after = response.headers().firstValue("Retry-After")
                    .flatMap(v -> RetryAfter.parse(v, clock.instant(), maxRetryAfter));
            return new DeliveryResult.RetryableFailure(reason, after);
        }
        if (status >= 300 && status < 400) {
            return new DeliveryResult.PermanentFailure(reason + " (redirect to "
                    + response.headers().firstValue("Location").orElse("nowhere") + " not followed)");
        }
        return new DeliveryResult.PermanentFailure(reason);
    }

    /** The server's short message: a problem document's title and detail, or a plain-text body, sanitised. */
    private static String serverMessage(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body.length == 0) {
            return "";
        }
        String type = mediaType(response.headers().firstValue("Content-Type").orElse(""));
        String text;
        if (type.equals("application/problem+json") || type.equals("application/json")) {
            try {
                JsonNode n = FmiJson.standard().mapper().readTree(body);
                String title = n.path("title").isString() ? n.path("title").stringValue() : "";
                String detail = n.path("detail").isString() ? n.path("detail").stringValue() : "";
                text = detail.isEmpty() ? title : title.isEmpty() ? detail : title + ": " + detail;
            } catch (RuntimeException e) {
                text = new String(body, StandardCharsets.UTF_8);
            }
        } else if (type.startsWith("text/")) {
            text = new String(body, StandardCharsets.UTF_8);
        } else {
            return "(" + body.length + " bytes of " + (type.isEmpty() ? "unlabelled content" : type) + ")";
        }
        // Keep log lines and the journal safe from control characters and huge pages.
        String clean = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return clean.length() <= MAX_MESSAGE ? clean : clean.substring(0, MAX_MESSAGE) + "...";
    }

    private static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private Optional<String> refusal(URI destination) {
        String scheme = destination.getScheme() == null ? "" : destination.getScheme().toLowerCase(Locale.ROOT);
        if (!destination.isAbsolute() || destination.isOpaque() || destination.getHost() == null) {
            return Optional.of("destination " + destination + " is not an absolute URI with a host");
        }
        if (destination.getRawUserInfo() != null) {
            return Optional.of("destination must not carry credentials in its user-info part");
        }
        if (scheme.equals("https") && schemes.contains("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            if (!plainToLoopback) {
                return Optional.of("plain http:// is refused; use https:// (plain HTTP to loopback test harnesses "
                        + "must be allowed explicitly)");
            }
            if (!Loopback.isLoopbackHost(destination.getHost())) {
                return Optional.of("plain http:// is allowed only to loopback addresses, not to '"
                        + destination.getHost() + "'");
            }
            return Optional.empty();
        }
        return Optional.of("scheme '" + scheme + ":' is not delivered by this transport (" + schemes + ")");
    }

    private static String hostOf(URI uri) {
        return uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    /** Stops the transport's threads; deliveries under way fail as retryable. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * Configures an {@link HttpsTransport}. TLS material ({@link #sslContext}) is required unless the transport is
     * only for plain HTTP to loopback test harnesses; the SSL context may be set only once.
     */
    public static final class Builder {
        private SSLContext sslContext;
        private boolean plainToLoopback;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private int maxReceiptBytes = DEFAULT_MAX_RECEIPT_BYTES;
        private EnvelopeVerifier receiptVerifier;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Sets the TLS context: its trust managers decide which servers are trusted and its key managers which
         * client certificate is presented. Build one with {@link TlsContexts}.
         *
         * @param sslContext an initialised context
         * @return this builder
         * @throws IllegalStateException when already set
         */
        public Builder sslContext(SSLContext sslContext) {
            Objects.requireNonNull(sslContext, "sslContext");
            if (this.sslContext != null) {
                throw new IllegalStateException("sslContext was already set");
            }
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Sets the TLS material from key stores (mutual TLS): shorthand for {@code
         * sslContext(TlsContexts.fromKeyStores(keyStore, keyPassword, trustStore))}.
         *
         * @param keyStore holds the client's private key entry
         * @param keyPassword the entry's password
         * @param trustStore holds the trusted roots
         * @return this builder
         */
        public Builder keyStores(java.security.KeyStore keyStore, char[] keyPassword,
                java.security.KeyStore trustStore) {
            return sslContext(TlsContexts.fromKeyStores(keyStore, keyPassword, trustStore));
        }

        /**
         * Allows plain {@code http://} destinations whose host is a loopback address ({@code localhost},
         * {@code 127.0.0.0/8}, {@code [::1]}), for test harnesses. Other plain-HTTP destinations stay refused.
         *
         * @return this builder
         */
        public Builder allowPlainHttpToLoopback() {
            this.plainToLoopback = true;
            return this;
        }

        /** @param timeout how long connecting may take (default 10 s) @return this builder */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long one attempt may wait for the response after connecting (the read timeout); default 30 s.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** @param max the longest Retry-After honoured; longer ones are capped (default 1 h) @return this builder */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = positive(max, "maxRetryAfter");
            return this;
        }

        /** @param bytes the largest accepted response body, at least 1024 (default 1 MiB) @return this builder */
        public Builder maxReceiptBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxReceiptBytes must be at least 1024, was " + bytes);
            }
            this.maxReceiptBytes = bytes;
            return this;
        }

        /**
         * Verifies every receipt before reporting a delivery: it must be a RECEIPT signed under the verifier's
         * anchors that answers the delivered envelope's id and digest. Give it its own replay cache. A repeated
         * delivery that returns a receipt this transport already verified for the same envelope is accepted without
         * asking the verifier again (whose replay cache would refuse it).
         *
         * @param verifier a verifier trusting the receiving companies' signing roots, expecting this sender as
         *     recipient
         * @return this builder
         */
        public Builder receiptVerifier(EnvelopeVerifier verifier) {
            this.receiptVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /** @param clock the clock HTTP-date Retry-After values are compared with (default UTC) @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return the transport
         * @throws IllegalStateException without an SSL context (unless only plain HTTP to loopback is allowed)
         * @throws HttpsTransportException.InvalidConfiguration when the JVM has hostname verification switched off
         *     globally, or the context supports neither TLS 1.3 nor 1.2 with AEAD suites
         */
        public HttpsTransport build() {
            String hostnameSwitch = System.getProperty(HOSTNAME_SWITCH);
            if (hostnameSwitch != null && (hostnameSwitch.isEmpty() || hostnameSwitch.equalsIgnoreCase("true"))) {
                throw new HttpsTransportException.InvalidConfiguration("the JVM property " + HOSTNAME_SWITCH
                        + " disables hostname verification for every HttpClient; refusing to send envelopes", null);
            }
            if (sslContext == null && !plainToLoopback) {
                throw new IllegalStateException("an HttpsTransport needs TLS material: call sslContext(...) or "
                        + "keyStores(...)");
            }
            try {
                return new HttpsTransport(this);
            } catch (IllegalStateException e) {
                throw new HttpsTransportException.InvalidConfiguration(e.getMessage(), e);
            }
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
