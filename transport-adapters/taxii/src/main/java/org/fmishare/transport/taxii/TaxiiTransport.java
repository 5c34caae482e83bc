package org.fmishare.transport.taxii;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.fmishare.core.envelope.EncryptedEnvelope;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.core.transport.Transport;
import org.fmishare.transport.taxii.stix.StixAmendmentInput;
import org.fmishare.transport.taxii.stix.StixMappingException;
import org.fmishare.transport.taxii.stix.StixShareInput;

/**
 * Delivers signed shares to a TAXII 2.1 collection as STIX 2.1 bundles, behind the core {@link Transport} SPI, and
 * with them their corrections and retractions (new versions of the share's objects, {@link TaxiiShares#publishAmendment})
 * and companies' responses (a note on the share's report, {@link TaxiiResponses#publish}).
 *
 * <p>Destinations name the API root and collection: {@code taxii://host:port/<api-root-path>/collections/<id>/}
 * (HTTPS), or {@code taxii+http://127.0.0.1:port/...} for loopback test endpoints only.
 *
 * <p>STIX needs the share's content, which the {@link Delivery} carries as the signer built it (an {@link
 * OutboundEnvelope} only comes from the signer, so only signed, compliant shares are ever published); no
 * sender-side re-verification is needed. The mapping carries the JWS on the report so a subscriber can verify what
 * it pulls ({@link TaxiiShares#pullVerified}).
 *
 * <p>Delivery means the add-objects status reports success for every object. Objects that fail are retried by the
 * dispatcher; re-adding objects is idempotent because their STIX ids are deterministic. Authentication failures,
 * refused content, shares that do not map to STIX, an amendment of a share the collection holds under another
 * envelope or already retracted, and envelopes of other kinds are permanent failures; an amendment whose share is not
 * in the collection yet is retried (the outbox may deliver the share later than the amendment); other
 * TAXII failures are retried exactly when {@link TaxiiException#retryable()} says so. Thread-safe.
 */
public final class TaxiiTransport implements Transport {
    private final Function<URI, TaxiiClient> clientFactory;
    private final Map<String, TaxiiClient> clients = new ConcurrentHashMap<>();

    private TaxiiTransport(Builder b) {
        this.clientFactory = discovery -> {
            TaxiiClient.Builder c = TaxiiClient.builder(discovery);
            if (b.user != null) {
                c.basicAuth(b.user, b.password.clone());
            }
            if (b.bearerToken != null) {
                c.bearerToken(b.bearerToken);
            }
            if (b.sslContext != null) {
                c.sslContext(b.sslContext);
            }
            return c.build();
        };
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Set<String> schemes() {
        return Set.of("taxii", "taxii+http");
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        OutboundEnvelope envelope = delivery.envelope();
        URI destination = delivery.destination();
        if (envelope instanceof EncryptedEnvelope) {
            return new DeliveryResult.PermanentFailure("an encrypted envelope cannot be published as STIX content");
        }
        Target target;
        try {
            target = Target.parse(destination);
        } catch (IllegalArgumentException e) {
            return new DeliveryResult.PermanentFailure(e.getMessage());
        }
        EnvelopeContent content = delivery.content();
        EnvelopeBody body = content.body();
        if (!(body instanceof EnvelopeBody.Share || body instanceof EnvelopeBody.Amendment
                || body instanceof EnvelopeBody.Receipt)) {
            return new DeliveryResult.PermanentFailure("TAXII carries threat shares, their corrections and "
                    + "retractions, and company responses; this envelope is " + content.kind());
        }
        try {
            TaxiiClient client = clients.computeIfAbsent(target.discovery().toString(),
                    k -> clientFactory.apply(target.discovery()));
            TaxiiCollection collection = client.collection(target.apiRoot(), target.collection());
            PublishResult result;
            if (body instanceof EnvelopeBody.Share share) {
                result = TaxiiShares.publish(client, collection, new StixShareInput(share.share(),
                        content.disclosures(), content.compliance().orElseThrow(), content.envelopeId(),
                        content.digest(), new String(delivery.wire(), StandardCharsets.UTF_8), content.issuedAt()));
            } else if (body instanceof EnvelopeBody.Amendment amendment) {
                try {
                    result = TaxiiShares.publishAmendment(client, collection,
                            StixAmendmentInput.of(content, delivery.wire()));
                } catch (TaxiiException.HttpError e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    // The amendment is queued for every destination its share went to, possibly before the share's
                    // own delivery completed: it waits for the share.
                    return DeliveryResult.retry("share '" + amendment.amendment().shareId() + "' is not in collection "
                            + target.collection() + " yet; its " + amendment.amendment().kind().name()
                            .toLowerCase(Locale.ROOT) + " is published after it");
                }
            } else {
                result = TaxiiResponses.publish(client, collection, delivery.envelope());
            }
            if (result.delivered()) {
                tools.jackson.databind.node.ObjectNode receipt = FmiJson.standard().mapper().createObjectNode();
                receipt.put("collection", target.collection());
                receipt.put("objects", result.outcomes().size());
                result.statusIds().forEach(receipt.putArray("statusIds")::add);
                return new DeliveryResult.Delivered(FmiJson.standard().mapper().writeValueAsBytes(receipt),
                        "TAXII add-objects complete: " + result.outcomes().size() + " objects");
            }
            return DeliveryResult.retry(result.failures().size() + " of " + result.outcomes().size()
                    + " objects not added, first: " + result.failures().get(0).id() + ": "
                    + result.failures().get(0).message().orElse("the server gave no reason"));
        } catch (TaxiiException e) {
            return e.retryable() ? DeliveryResult.retry(e.getMessage())
                    : new DeliveryResult.PermanentFailure(e.getMessage());
        } catch (StixMappingException e) {
            // The content does not map to STIX, or the collection holds no share it can amend: the same content
            // fails the same way on every attempt.
            return new DeliveryResult.PermanentFailure(e.getMessage());
        }
    }

    /** Where a {@code taxii:} destination points: the server's discovery URI, the API root and the collection. */
    record Target(URI discovery, URI apiRoot, String collection) {
        static Target parse(URI destination) {
            String scheme = Optional.ofNullable(destination.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            String http = switch (scheme) {
                case "taxii" -> "https";
                case "taxii+http" -> "http";
                default -> throw new IllegalArgumentException("not a taxii destination: " + destination);
            };
            String path = Optional.ofNullable(destination.getRawPath()).orElse("");
            int at = path.lastIndexOf("/collections/");
            if (destination.getHost() == null || at < 0) {
                throw new IllegalArgumentException("a taxii destination names host, API root and collection: "
                        + "taxii://host[:port]/<api-root>/collections/<id>/, was " + destination);
            }
            String id = path.substring(at + "/collections/".length()).replaceAll("/+$", "");
            if (id.isEmpty() || id.contains("/")) {
                throw new IllegalArgumentException("no collection id in " + destination);
            }
            String authority = destination.getRawAuthority();
            URI apiRoot = URI.create(http + "://" + authority + path.substring(0, at + 1));
            return new Target(URI.create(http + "://" + authority + "/taxii2/"), apiRoot, id);
        }
    }

    /** Configures a {@link TaxiiTransport}. */
    public static final class Builder {
        private String user;
        private char[] password;
        private SSLContext sslContext;
        private String bearerToken;

        private Builder() {}

        /**
         * A bearer token (API key or access token) for the TAXII server, instead of Basic credentials.
         *
         * @param token the token, RFC 6750 token characters
         * @return this builder
         */
        public Builder bearerToken(String token) {
            Objects.requireNonNull(token, "token");
            if (user != null) {
                throw new IllegalStateException("Basic credentials were already set");
            }
            this.bearerToken = TaxiiClient.checkToken(token);
            return this;
        }

        /**
         * HTTP Basic credentials for the TAXII server.
         *
         * @param user the user name
         * @param password the password (copied)
         * @return this builder
         */
        public Builder basicAuth(String user, char[] password) {
            if (bearerToken != null) {
                throw new IllegalStateException("a bearer token was already set");
            }
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /**
         * TLS settings: trust for the server's certificate and, for mutual TLS, the client key.
         *
         * @param sslContext the context
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /** {@return the transport} */
        public TaxiiTransport build() {
            return new TaxiiTransport(this);
        }
    }
}
