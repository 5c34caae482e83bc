package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import java.util.Map;
import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.KeyMaterialException;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A key held by a token is opaque: not an {@code ECPrivateKey}, no encoding, usable only through the provider that
 * returned it. A small provider stands in for the token here (it wraps an ordinary key and refuses to reveal it), so
 * this runs everywhere; the PKCS#11 test does the same against SoftHSM2.
 */
class OpaqueKeySigningTest {
    private final TokenProvider token = new TokenProvider();

    @AfterEach
    void removeProvider() {
        CryptoProviders.removeKeyProvider(token);
    }

    @Test
    void anOpaqueEcKeyFromAKeyProviderSignsEnvelopesTheNormalVerifierAccepts() {
        KeyPair pair = TestPki.generate(KeyAlgorithm.EC_P256);
        List<java.security.cert.X509Certificate> chain = Fixtures.ROOT.certifyEnvelopeSigner(Fixtures.OFFICE,
                "token signer", pair.getPublic());
        PrivateKey opaque = new OpaqueKey(pair.getPrivate());
        CryptoProviders.addKeyProvider(token);

        SigningCredential credential = new SigningCredential(opaque, chain);
        assertThat(credential.keyAlgorithm()).isEqualTo(KeyAlgorithm.EC_P256);
        SignedEnvelope env = EnvelopeSigner.builder(credential, Fixtures.OFFICE).clock(Fixtures.CLOCK).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);

        VerifiedEnvelope v = Fixtures.verifier().verify(env.serialized());
        assertThat(v.algorithm()).isEqualTo(EnvelopeAlgorithm.ES256);
        assertThat(v.signerCertificate()).isEqualTo(chain.get(0));
        assertThat(token.signatures).as("the token, not the general provider, signed").isPositive();
    }

    @Test
    void anOpaqueKeyNoProviderAcceptsIsRefusedNamingTheRemedy() {
        KeyPair pair = TestPki.generate(KeyAlgorithm.EC_P256);
        List<java.security.cert.X509Certificate> chain = Fixtures.ROOT.certifyEnvelopeSigner(Fixtures.OFFICE,
                "token signer", pair.getPublic());
        assertThatThrownBy(() -> new SigningCredential(new OpaqueKey(pair.getPrivate()), chain))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("no JCA provider accepts the EC private key")
                .hasMessageContaining("CryptoProviders.addKeyProvider");
    }

    @Test
    void anOpaqueKeyThatIsNotTheCertifiedKeyIsRefused() {
        KeyPair pair = TestPki.generate(KeyAlgorithm.EC_P256);
        KeyPair other = TestPki.generate(KeyAlgorithm.EC_P256);
        List<java.security.cert.X509Certificate> chain = Fixtures.ROOT.certifyEnvelopeSigner(Fixtures.OFFICE,
                "token signer", other.getPublic());
        CryptoProviders.addKeyProvider(token);
        assertThatThrownBy(() -> new SigningCredential(new OpaqueKey(pair.getPrivate()), chain))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("private key does not match the leaf certificate");
    }

    @Test
    void anOpaqueKeyOfAnotherFamilyThanItsCertificateIsRefused() {
        KeyPair pair = TestPki.generate(KeyAlgorithm.EC_P256);
        List<java.security.cert.X509Certificate> chain = Fixtures.ROOT.certifyEnvelopeSigner(Fixtures.OFFICE,
                "token signer", TestPki.generate(KeyAlgorithm.RSA_2048).getPublic());
        CryptoProviders.addKeyProvider(token);
        assertThatThrownBy(() -> new SigningCredential(new OpaqueKey(pair.getPrivate()), chain))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("unsupported private key type EC");
    }

    /** What a token hands out: the algorithm name and nothing else. */
    private static final class OpaqueKey implements PrivateKey {
        private static final long serialVersionUID = 1L;
        private final transient PrivateKey inside;

        OpaqueKey(PrivateKey inside) {
            if (!(inside instanceof ECPrivateKey)) {
                throw new IllegalArgumentException("test wraps EC keys");
            }
            this.inside = inside;
        }

        @Override
        public String getAlgorithm() {
            return "EC";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    /** A provider that signs only with {@link OpaqueKey}s, as a PKCS#11 provider signs only with its own keys. */
    private static final class TokenProvider extends Provider {
        private static final long serialVersionUID = 1L;
        private volatile int signatures;

        TokenProvider() {
            super("FmiShareTestToken", "1", "signs with opaque test keys");
            for (String alg : List.of("SHA256withECDSA", "SHA384withECDSA")) {
                putService(new Service(this, "Signature", alg, TokenSignature.class.getName(), List.of(), Map.of()) {
                    @Override
                    public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                        return new TokenSignature(TokenProvider.this, alg);
                    }
                });
            }
        }
    }

    private static final class TokenSignature extends SignatureSpi {
        private final TokenProvider owner;
        private final Signature inside;

        TokenSignature(TokenProvider owner, String alg) throws NoSuchAlgorithmException {
            this.owner = owner;
            this.inside = Signature.getInstance(alg, CryptoProviders.bouncyCastle());
        }

        @Override
        protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
            if (!(key instanceof OpaqueKey k)) {
                throw new InvalidKeyException("not a token key");
            }
            inside.initSign(k.inside);
        }

        @Override
        protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
            throw new InvalidKeyException("the token only signs");
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            inside.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            inside.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            owner.signatures++;
            return inside.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sig) throws SignatureException {
            throw new SignatureException("the token only signs");
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new InvalidParameterException("no parameters");
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new InvalidParameterException("no parameters");
        }
    }
}
