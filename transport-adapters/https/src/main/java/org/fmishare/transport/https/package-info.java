/**
 * HTTPS delivery of signed envelopes, both ends.
 *
 * <p>Sending: {@link org.fmishare.transport.https.HttpsTransport} implements the core
 * {@link org.fmishare.core.transport.Transport} SPI with the JDK's {@link java.net.http.HttpClient}: TLS 1.3 or 1.2
 * (RFC 8446, RFC 5246), mutual TLS, hostname verification that cannot be switched off (RFC 9110 section 4.3.4), a
 * {@code POST} of the JWS JSON serialization as {@code application/jose+json} (RFC 7515) with an
 * {@code Idempotency-Key} header carrying the envelope id, and {@code Retry-After} (RFC 9110 section 10.2.3)
 * honoured on 408, 429 and 5xx.
 *
 * <p>Receiving: {@link org.fmishare.transport.https.EnvelopeReceiver} is a framework-neutral handler (method, media
 * type and body in; status, headers and body out) that verifies, dedupes and acknowledges envelopes with a signed
 * receipt, handing each envelope to the embedder's callback once. Error answers are RFC 9457 problem documents with
 * a short category only. {@link org.fmishare.transport.https.HttpsReceiverServer} serves it over
 * TLS with handshake and read deadlines and per-address connection caps, for demos and tests; any other HTTP stack can call the handler the same
 * way. {@link org.fmishare.transport.https.TlsContexts} builds {@link javax.net.ssl.SSLContext}s from SDK
 * credentials or key stores.
 *
 * <p>See the module README for a complete example and SECURITY.md for what this channel does and does not protect.
 */
package org.fmishare.transport.https;
