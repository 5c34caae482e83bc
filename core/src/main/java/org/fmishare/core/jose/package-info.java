/**
 * The JOSE building blocks shared by every signed artefact of the SDK: RFC 8785 canonical JSON ({@link
 * org.fmishare.core.jose.Jcs}), the SDK's one digest notation ({@link org.fmishare.core.jose.Digests}), and JWS
 * signers, verifiers and PKIX validation for the supported key types ({@link org.fmishare.core.jose.JwsKeys}).
 * Envelopes (RFC 7515 JSON serialization) and audit seals (compact serialization) both build on it.
 */
package org.fmishare.core.jose;
