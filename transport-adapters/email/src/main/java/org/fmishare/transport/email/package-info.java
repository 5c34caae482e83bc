/**
 * Email transport: delivers signed envelopes as S/MIME-signed (optionally S/MIME-encrypted) email over SMTP with
 * mandatory TLS, and verifies such email on receipt.
 *
 * <p>Standards: Internet Message Format (RFC 5322) and MIME (RFC 2045-2049), SMTP (RFC 5321) with STARTTLS
 * (RFC 3207) or implicit TLS (RFC 8314), S/MIME 4.0 (RFC 8551) with detached CMS SignedData and EnvelopedData
 * (RFC 5652), {@code multipart/signed} (RFC 1847), RFC 2047 encoded subjects, {@code mailto:} URIs (RFC 6068).
 * Jakarta Mail (Eclipse Angus) speaks SMTP; Bouncy Castle's jakarta.mail S/MIME support builds and checks CMS.
 *
 * <p>Roles: {@link org.fmishare.transport.email.EmailTransport} is the {@code mailto:} transport for the core
 * dispatcher; {@link org.fmishare.transport.email.BodyRenderer} produces the human-readable body from the
 * verified envelope content with the disclosure templates; {@link org.fmishare.transport.email.EmailReceiver}
 * verifies a received message (S/MIME, envelope, disclosures) and returns a
 * {@link org.fmishare.transport.email.ReceivedEmail}, deduplicating by envelope id in an
 * {@link org.fmishare.transport.email.EmailDedupeStore} (in memory, a file, or a JDBC table several receivers share).
 *
 * <p>Security notes: the S/MIME signature covers the body and the attachment, not the outer headers (From, To,
 * Subject, Message-ID), which are informational; the receiver trusts only what the signature and the envelope
 * cover. Every outbound header value is validated and refused, never repaired, if it could inject a header or a
 * recipient.
 */
package org.fmishare.transport.email;
