/**
 * Signed message envelopes: canonical, signed, certificate-backed, replay-safe, and verifiable by any JOSE or CMS
 * stack.
 *
 * <p>Standards: the payload is canonicalised with RFC 8785 (JCS) and signed as a JWS (RFC 7515) in the flattened
 * JSON serialization with the certificate chain in {@code x5c}; algorithms ES256, ES384, EdDSA (RFC 8037) and PS256
 * (RFC 7518); optional confidentiality by JWE (RFC 7516: ECDH-ES+A256KW or RSA-OAEP-256 with A256GCM); certificate
 * paths validated with PKIX (RFC 5280); a detached CMS SignedData (RFC 5652) over the same canonical bytes for S/MIME.
 * JOSE processing is Nimbus JOSE+JWT and every primitive runs on an injected Bouncy Castle provider.
 *
 * <p>Roles: {@link org.fmishare.core.envelope.EnvelopeSigner} makes {@link org.fmishare.core.envelope.SignedEnvelope}s
 * (and refuses content without a PASS compliance summary and the required disclosures);
 * {@link org.fmishare.core.envelope.EnvelopeVerifier} turns received bytes into a
 * {@link org.fmishare.core.envelope.VerifiedEnvelope} or throws an {@link
 * org.fmishare.core.envelope.EnvelopeException} whose {@link org.fmishare.core.envelope.EnvelopeException.Check}
 * names the failed check ({@code Rejected} for input, {@code ProcessingFailed} for faults of the SDK or its
 * environment). Transports deliver any
 * {@link org.fmishare.core.envelope.OutboundEnvelope}.
 *
 * <p>Typical use (test PKI shown; production loads credentials with {@link org.fmishare.core.keys.Credentials}):
 * <pre>{@code
 * TestPki.Authority ca = TestPki.authority("fmi-share Demo Root");
 * SigningCredential fitf = ca.issueEnvelopeSigner("fitf", "FITF envelope signer", KeyAlgorithm.EC_P256);
 * EnvelopeSigner signer = EnvelopeSigner.builder(fitf, "fitf").build();
 * SignedEnvelope envelope = signer.sign(new EnvelopeBody.Share(share), complianceSummary, disclosures);
 *
 * EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchor(ca.certificate())
 *         .expectedRecipient("smc-examplesocial").build();
 * VerifiedEnvelope verified = verifier.verify(envelope.serialized()); // or throws EnvelopeException
 * }</pre>
 *
 * <p>Security notes: what is protected is origin (certificate chain to a configured anchor), integrity of header and
 * payload, the presence and texts of the mandatory disclosures and a PASS verdict, freshness (expiry, replay cache)
 * and, with {@link org.fmishare.core.envelope.EncryptedEnvelope}, confidentiality. What is not: revocation (PKIX runs
 * without CRL/OCSP), replays across verifiers that do not share a {@link org.fmishare.core.envelope.ReplayCache}, and
 * traffic analysis. Exception messages are detailed for the caller's logs; do not return them to a remote sender.
 */
package org.fmishare.core.envelope;
