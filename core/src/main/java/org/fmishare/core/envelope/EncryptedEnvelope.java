package org.fmishare.core.envelope;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.jose.internal.KeyTypes;

/**
 * A {@link SignedEnvelope} encrypted to its recipient's certificate (sign-then-encrypt): JWE (RFC 7516) in the
 * flattened JSON serialization whose plaintext is the signed envelope's serialized bytes ({@code cty}
 * {@code jose+json}). Key management is ECDH-ES+A256KW for EC P-256/P-384 certificates and RSA-OAEP-256 for RSA;
 * content encryption is A256GCM. The protected header carries the recipient certificate's SHA-256 thumbprint
 * ({@code x5t#S256}) so a recipient with several keys can pick the right one.
 *
 * <p>Only {@link SignedEnvelope#encryptFor} creates instances. {@link #digest()} is the inner signed envelope's
 * digest, so receipts reference the same value whichever form was sent. Immutable and thread-safe.
 */
public final class EncryptedEnvelope implements OutboundEnvelope {
    /** The content type of the encrypted plaintext: a JWS in JSON serialization. */
    static final String CONTENT_TYPE = "jose+json";

    private final String envelopeId;
    private final String recipientId;
    private final Instant expiresAt;
    private final String digest;
    private final byte[] serialized;
    private final SignedEnvelope inner;

    private EncryptedEnvelope(SignedEnvelope inner, byte[] serialized) {
        this.inner = inner;
        this.envelopeId = inner.envelopeId();
        this.recipientId = inner.recipientId();
        this.expiresAt = inner.expiresAt();
        this.digest = inner.digest();
        this.serialized = serialized;
    }

    static EncryptedEnvelope encrypt(SignedEnvelope inner, X509Certificate recipient) {
        PublicKey key = recipient.getPublicKey();
        KeyAlgorithm type = KeyTypes.of(key).orElseThrow(() -> new IllegalArgumentException(
                "recipient certificate key type " + key.getAlgorithm() + " cannot receive encrypted envelopes"));
        try {
            JWEAlgorithm alg;
            JWEEncrypter encrypter;
            switch (type) {
                case EC_P256, EC_P384 -> {
                    alg = JWEAlgorithm.ECDH_ES_A256KW;
                    encrypter = new ECDHEncrypter((ECPublicKey) key);
                }
                case RSA_2048, RSA_3072 -> {
                    alg = JWEAlgorithm.RSA_OAEP_256;
                    encrypter = new RSAEncrypter((RSAPublicKey) key);
                }
                default -> throw new IllegalArgumentException("recipient certificate key type " + type
                        + " cannot receive encrypted envelopes (use EC P-256/P-384 or RSA)");
            }
            encrypter.getJCAContext().setProvider(CryptoProviders.provider());
            JWEHeader header = new JWEHeader.Builder(alg, EncryptionMethod.A256GCM)
                    .contentType(CONTENT_TYPE)
                    .x509CertSHA256Thumbprint(Base64URL.encode(Digests.sha256Bytes(recipient.getEncoded())))
                    .build();
            JWEObject jwe = new JWEObject(header, new Payload(inner.serialized()));
            jwe.encrypt(encrypter);
            Map<String, String> members = new TreeMap<>();
            members.put("protected", jwe.getHeader().toBase64URL().toString());
            members.put("encrypted_key", jwe.getEncryptedKey().toString());
            members.put("iv", jwe.getIV().toString());
            members.put("ciphertext", jwe.getCipherText().toString());
            members.put("tag", jwe.getAuthTag().toString());
            StringBuilder sb = new StringBuilder("{");
            members.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                    .append(v).append('"'));
            sb.append('}');
            return new EncryptedEnvelope(inner, sb.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException | CertificateEncodingException e) {
            throw new EnvelopeException.ProcessingFailed("encrypting envelope " + inner.envelopeId() + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String envelopeId() {
        return envelopeId;
    }

    @Override
    public String recipientId() {
        return recipientId;
    }

    @Override
    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String digest() {
        return digest;
    }

    @Override
    public byte[] serialized() {
        return serialized.clone();
    }

    /** {@return a copy of the inner signed envelope's JWS serialization (the JWE plaintext)} */
    @Override
    public byte[] signedSerialization() {
        return inner.serialized();
    }

    /** {@return the inner signed envelope's content, in plaintext, for renderers on the sending side} */
    @Override
    public EnvelopeContent content() {
        return inner.content();
    }

    @Override
    public String toString() {
        return "EncryptedEnvelope[" + envelopeId + ", to " + recipientId + ", " + digest + "]";
    }
}
