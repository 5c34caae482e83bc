package org.fmishare.core.envelope;

import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.envelope.EnvelopeException.Check;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.util.Base64URL;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.fmishare.core.jose.internal.KeyTypes;
import org.fmishare.core.keys.KeyAlgorithm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opens an {@link EncryptedEnvelope} (JWE JSON serialization) with the verifier's decryption key, checking its
 * members and header strictly before any cryptography runs. Split out of {@link EnvelopeVerifier}, which owns one
 * instance per verifier; immutable and thread-safe.
 */
final class JweDecryptor {
    private static final Set<String> JWE_MEMBERS = Set.of("protected", "encrypted_key", "iv", "ciphertext", "tag");
    private static final Set<String> JWE_HEADER = Set.of("alg", "enc", "cty", "epk", "x5t#S256");

    private final Optional<PrivateKey> decryptionKey;
    /** The verifier's size limit, applied to the plaintext as it is to the received bytes. */
    private final Consumer<byte[]> checkSize;

    JweDecryptor(Optional<PrivateKey> decryptionKey, Consumer<byte[]> checkSize) {
        this.decryptionKey = decryptionKey;
        this.checkSize = checkSize;
    }

    byte[] decrypt(ObjectNode outer) {
        PrivateKey key = decryptionKey.orElseThrow(() -> new EnvelopeException.Rejected(Check.DECRYPTION,
                "envelope is encrypted but this verifier has no decryption key"));
        Map<String, String> m = Wire.exactStringMembers(outer, JWE_MEMBERS, "JWE JSON serialization");
        ObjectNode header = Wire.object(Wire.base64url(m.get("protected"), "JWE protected header"),
                "JWE protected header");
        if (header.has("crit")) {
            throw new EnvelopeException.Rejected(Check.CRITICAL_HEADER, "the JWE header lists critical parameters");
        }
        for (String name : header.propertyNames()) {
            if (!JWE_HEADER.contains(name)) {
                throw new EnvelopeException.Rejected(Check.HEADER,
                        "JWE header parameter '" + name + "' is not allowed");
            }
        }
        for (String part : List.of("encrypted_key", "iv", "ciphertext", "tag")) {
            Wire.base64url(m.get(part), "JWE " + part);
        }
        Optional<KeyAlgorithm> type = KeyTypes.of(key);
        String expectedAlg = type.filter(t -> t == KeyAlgorithm.EC_P256 || t == KeyAlgorithm.EC_P384)
                .map(t -> JWEAlgorithm.ECDH_ES_A256KW.getName())
                .orElse(JWEAlgorithm.RSA_OAEP_256.getName());
        JsonNode alg = header.get("alg");
        JsonNode enc = header.get("enc");
        if (alg == null || !alg.isString() || !expectedAlg.equals(alg.stringValue())) {
            throw new EnvelopeException.Rejected(Check.DECRYPTION, "JWE alg must be " + expectedAlg + " for this key");
        }
        if (enc == null || !enc.isString() || !EncryptionMethod.A256GCM.getName().equals(enc.stringValue())) {
            throw new EnvelopeException.Rejected(Check.DECRYPTION, "JWE enc must be A256GCM");
        }
        JsonNode cty = header.get("cty");
        if (cty == null || !cty.isString() || !EncryptedEnvelope.CONTENT_TYPE.equalsIgnoreCase(cty.stringValue())) {
            throw new EnvelopeException.Rejected(Check.HEADER,
                    "JWE cty must be '" + EncryptedEnvelope.CONTENT_TYPE + "'");
        }
        try {
            JWEObject jwe = new JWEObject(new Base64URL(m.get("protected")), new Base64URL(m.get("encrypted_key")),
                    new Base64URL(m.get("iv")), new Base64URL(m.get("ciphertext")), new Base64URL(m.get("tag")));
            JWEDecrypter d = type.isPresent() && (type.get() == KeyAlgorithm.EC_P256
                    || type.get() == KeyAlgorithm.EC_P384)
                    ? new ECDHDecrypter((ECPrivateKey) key)
                    : new RSADecrypter(key);
            d.getJCAContext().setProvider(CryptoProviders.provider());
            jwe.decrypt(d);
            byte[] plain = jwe.getPayload().toBytes();
            checkSize.accept(plain);
            return plain;
        } catch (ParseException e) {
            throw new EnvelopeException.Rejected(Check.SYNTAX, "JWE does not parse: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new EnvelopeException.Rejected(Check.DECRYPTION, "cannot decrypt with this verifier's key: "
                    + e.getMessage(), e);
        }
    }
}
