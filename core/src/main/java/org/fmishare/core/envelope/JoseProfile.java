package org.fmishare.core.envelope;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The JOSE profile every envelope and receipt follows, with the reason for each rule. {@link EnvelopeVerifier}
 * applies it; it is public so that embedders and other implementations can read the rules in one place.
 *
 * <ul>
 * <li><b>{@code alg}</b>: required, on the verifier's allow-list, and fitting the leaf's key type. The header never
 *     chooses the key or algorithm family (RFC 8725 section 3.1); {@code none} and HMAC are never accepted.</li>
 * <li><b>{@code typ}</b>: {@value #TYPE} or {@value #MEDIA_TYPE}, compared case-insensitively. RFC 7515 section
 *     4.1.9 says a {@code typ} without a {@code /} is read as if {@code application/} were prepended, and media
 *     types are case-insensitive, so the two spellings are one type. Explicit typing stops a JWS of another format
 *     signed by the same key from being replayed as an envelope (RFC 8725 section 3.11).</li>
 * <li><b>{@code x5c}</b>: required; the leaf's key is the only key a signature is checked with, and its chain is
 *     validated against the verifier's own anchors.</li>
 * <li><b>{@code kid}</b>: accepted when a string (at most {@value #MAX_KID} characters) and ignored. KMS and HSM
 *     signers add it, and RFC 7515 allows it; it is never used to select a key because a hint chosen by the sender
 *     must not decide which key verifies the sender (the key comes from {@code x5c}, which is bound to the sender
 *     by the chain, the extended key usage and the {@link SenderDirectory}).</li>
 * <li><b>{@code jku}, {@code x5u}, {@code jwk}</b>: refused. Each lets the message carry or point at its own
 *     verification key, which is the classic JWS key-substitution and server-side request forgery route.</li>
 * <li><b>{@code b64}</b> (RFC 7797): refused, and so {@code b64=false}: the payload must be the canonical JSON that
 *     was signed, byte for byte, so that the digest a receipt references is well defined.</li>
 * <li><b>{@code crit}</b>: refused whatever it lists. The profile defines no extension, so every listed parameter is
 *     one this verifier does not understand, and RFC 7515 section 4.1.11 requires rejecting those.</li>
 * <li>Any other header parameter: refused, so that a future parameter's meaning is never guessed.</li>
 * </ul>
 */
public final class JoseProfile {
    /** The {@code typ} the signer writes (the short form RFC 7515 section 4.1.9 recommends). */
    public static final String TYPE = EnvelopeSigner.JOSE_TYPE;
    /** The full media type, accepted as the same {@code typ}. */
    public static final String MEDIA_TYPE = "application/" + EnvelopeSigner.JOSE_TYPE;
    /** Longest accepted {@code kid}; longer values are not key ids but payloads in the wrong place. */
    public static final int MAX_KID = 256;

    private JoseProfile() {}

    /**
     * Whether a {@code typ} value names the envelope type (either spelling, any case).
     *
     * @param typ the header value
     * @return true for {@value #TYPE} or {@value #MEDIA_TYPE}
     */
    public static boolean isEnvelopeType(String typ) {
        String t = typ.toLowerCase(Locale.ROOT);
        return t.equals(TYPE) || t.equals(MEDIA_TYPE);
    }

    /** Refuses a {@code kid} that is not a short string; a missing one is fine. */
    static void checkKid(JsonNode kid) {
        if (kid != null && (!kid.isString() || kid.stringValue().length() > MAX_KID)) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.HEADER,
                    "kid must be a string of at most " + MAX_KID + " characters");
        }
    }
}
