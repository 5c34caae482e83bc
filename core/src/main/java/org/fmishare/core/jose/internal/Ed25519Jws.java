package org.fmishare.core.jose.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;
import java.util.Set;

/**
 * EdDSA (Ed25519, RFC 8037) for Nimbus JOSE+JWT over a JCA provider.
 *
 * <p>Design note: Nimbus's own {@code Ed25519Signer}/{@code Ed25519Verifier} need Google Tink and Nimbus's
 * {@code OctetKeyPair}; the SDK already ships Bouncy Castle, whose JCA {@code Ed25519} signature is strict (it
 * rejects non-canonical S and wrong lengths, see the Wycheproof tests). These two small classes plug that primitive
 * into Nimbus's {@link JWSSigner}/{@link JWSVerifier} interfaces, so JOSE framing, header handling and
 * serialisation stay Nimbus's. The verifier accepts no critical header parameters.
 */
public final class Ed25519Jws {
    private static final Set<JWSAlgorithm> ALGS = Set.of(JWSAlgorithm.EdDSA);

    private Ed25519Jws() {}

    /** Signs EdDSA with a JCA Ed25519 private key. */
    public static final class Signer extends BaseJWSProvider implements JWSSigner {
        private final PrivateKey key;
        private final Provider provider;

        /**
         * Creates the signer.
         *
         * @param key an Ed25519 private key
         * @param provider the JCA provider
         */
        public Signer(PrivateKey key, Provider provider) {
            super(ALGS);
            this.key = Objects.requireNonNull(key, "key");
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                throw new JOSEException("Ed25519 signer cannot sign " + header.getAlgorithm());
            }
            try {
                Signature s = Signature.getInstance("Ed25519", provider);
                s.initSign(key);
                s.update(signingInput);
                return Base64URL.encode(s.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 signing failed: " + e.getMessage(), e);
            }
        }
    }

    /** Verifies EdDSA with a JCA Ed25519 public key. */
    public static final class Verifier extends BaseJWSProvider implements JWSVerifier {
        private final PublicKey key;
        private final Provider provider;

        /**
         * Creates the verifier.
         *
         * @param key an Ed25519 public key
         * @param provider the JCA provider
         */
        public Verifier(PublicKey key, Provider provider) {
            super(ALGS);
            this.key = Objects.requireNonNull(key, "key");
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signedContent, Base64URL signature) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                return false;
            }
            if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
                return false;
            }
            byte[] sig = signature.decode();
            if (sig.length != 64) {
                return false;
            }
            try {
                Signature v = Signature.getInstance("Ed25519", provider);
                v.initVerify(key);
                v.update(signedContent);
                return v.verify(sig);
            } catch (java.security.SignatureException e) {
                return false;
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 verification failed: " + e.getMessage(), e);
            }
        }
    }
}
