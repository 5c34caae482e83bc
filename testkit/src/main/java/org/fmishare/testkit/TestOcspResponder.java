package org.fmishare.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fmishare.core.jose.JwsKeys;
import org.fmishare.core.keys.KeyAlgorithm;

/**
 * An OCSP responder (RFC 6960) for tests: HTTP on a loopback port, answering for the certificates of one
 * {@link TestPki.Authority} and signing with that authority's own key. Each certificate is GOOD, REVOKED or UNKNOWN as
 * the test sets it (UNKNOWN until set); requests for another issuer's certificates are answered UNKNOWN too. Responses
 * are current at the responder's clock and valid for {@link #VALIDITY}. Thread-safe; close it to stop the server
 * (its URI then refuses connections).
 */
public final class TestOcspResponder implements AutoCloseable {
    /** How long after its {@code thisUpdate} a response stays current ({@code nextUpdate}). */
    public static final Duration VALIDITY = Duration.ofHours(1);

    private enum Status { GOOD, REVOKED, UNKNOWN }

    private record Entry(Status status, Instant revokedAt) {}

    private final TestPki.Authority authority;
    private final Clock clock;
    private final HttpServer server;
    private final Map<BigInteger, Entry> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private TestOcspResponder(TestPki.Authority authority, Clock clock) throws IOException {
        this.authority = authority;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a responder for an authority's certificates on a free loopback port.
     *
     * @param authority the issuing authority, whose key signs the responses
     * @param clock the responder's clock (thisUpdate and producedAt)
     * @return the running responder
     * @throws IllegalStateException when no loopback port can be opened
     */
    public static TestOcspResponder start(TestPki.Authority authority, Clock clock) {
        try {
            return new TestOcspResponder(Objects.requireNonNull(authority, "authority"),
                    Objects.requireNonNull(clock, "clock"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test OCSP responder on loopback", e);
        }
    }

    /** {@return the responder's URI, for {@code OcspSettings.responder(URI)}} */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/ocsp");
    }

    /**
     * Reports a certificate as good from now on.
     *
     * @param certificate a certificate issued by the authority
     */
    public void good(X509Certificate certificate) {
        statuses.put(certificate.getSerialNumber(), new Entry(Status.GOOD, Instant.EPOCH));
    }

    /**
     * Reports a certificate as revoked (key compromise) from now on.
     *
     * @param certificate a certificate issued by the authority
     * @param revokedAt the revocation time reported
     */
    public void revoked(X509Certificate certificate, Instant revokedAt) {
        statuses.put(certificate.getSerialNumber(), new Entry(Status.REVOKED, Objects.requireNonNull(revokedAt,
                "revokedAt")));
    }

    /**
     * Reports a certificate's status as unknown from now on.
     *
     * @param certificate a certificate issued by the authority
     */
    public void unknown(X509Certificate certificate) {
        statuses.put(certificate.getSerialNumber(), new Entry(Status.UNKNOWN, Instant.EPOCH));
    }

    /** {@return how many OCSP requests the responder has answered} */
    public int requests() {
        return requests.get();
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try {
                body = respond(readRequest(exchange));
            } catch (Exception e) {
                body = malformed();
            }
            requests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] malformed() throws IOException {
        try {
            return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
        } catch (org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new IOException("cannot encode an OCSP error response", e);
        }
    }

    /** POST carries the DER request as the body; GET carries it base64, URL-encoded, as the last path segment. */
    private static byte[] readRequest(HttpExchange exchange) throws IOException {
        if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            try (InputStream in = exchange.getRequestBody()) {
                return in.readNBytes(64 * 1024);
            }
        }
        String raw = exchange.getRequestURI().getRawPath();
        String encoded = raw.substring(raw.indexOf("/ocsp/") + "/ocsp/".length());
        return Base64.getDecoder().decode(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    }

    private byte[] respond(byte[] der) throws Exception {
        OCSPReq request = new OCSPReq(der);
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        X509CertificateHolder issuer = new JcaX509CertificateHolder(authority.certificate());
        BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(authority.certificate().getPublicKey(),
                digests.get(CertificateID.HASH_SHA1));
        Instant now = clock.instant();
        for (Req r : request.getRequestList()) {
            CertificateID id = r.getCertID();
            Entry entry = id.matchesIssuer(issuer, digests)
                    ? statuses.getOrDefault(id.getSerialNumber(), new Entry(Status.UNKNOWN, Instant.EPOCH))
                    : new Entry(Status.UNKNOWN, Instant.EPOCH);
            CertificateStatus status = switch (entry.status()) {
                case GOOD -> CertificateStatus.GOOD;
                case REVOKED -> new RevokedStatus(Date.from(entry.revokedAt()), CRLReason.keyCompromise);
                case UNKNOWN -> new UnknownStatus();
            };
            builder.addResponse(id, status, Date.from(now), Date.from(now.plus(VALIDITY)), null);
        }
        KeyAlgorithm alg = JwsKeys.keyAlgorithm(authority.credential().privateKey()).orElseThrow();
        BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder(JwsKeys.jcaSignature(alg))
                .setProvider(JwsKeys.provider()).build(authority.credential().privateKey()),
                new X509CertificateHolder[] {issuer}, Date.from(now));
        OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
        return response.getEncoded();
    }
}
