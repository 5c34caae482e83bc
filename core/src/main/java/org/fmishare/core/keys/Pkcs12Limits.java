package org.fmishare.core.keys;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Refuses a PKCS#12 store whose key-derivation or MAC iteration counts are out of bounds, before any key is derived.
 * The counts are chosen by whoever wrote the file, and a key store is loaded before anything about it is trusted.
 * Bouncy Castle's key store happens to stop at its own default cap (5,000,000) but reports that as an unreadable
 * file, which sends the user after the password; a provider plugged in through {@link CryptoProviders} may have no
 * cap at all. Checking here gives one bound whatever the provider, and a message that says what is wrong.
 */
final class Pkcs12Limits {
    /**
     * The largest iteration count accepted for the MAC and for each PBKDF2 or PKCS#12 PBE derivation: twenty times
     * what {@code keys init} writes (100,000), and above current guidance for PBKDF2-HMAC-SHA256 (600,000), while
     * keeping the worst case of one load to seconds.
     */
    static final int MAX_ITERATIONS = 2_000_000;

    private Pkcs12Limits() {}

    /**
     * Checks every iteration count the store declares.
     *
     * @param pkcs12 the store's bytes
     * @throws KeyMaterialException naming the count and where it was found, when one exceeds {@link #MAX_ITERATIONS}
     */
    static void check(byte[] pkcs12) {
        Pfx pfx;
        try {
            pfx = Pfx.getInstance(ASN1Primitive.fromByteArray(pkcs12));
        } catch (IOException | RuntimeException e) {
            // Not parseable here: the key store's own loader reports it as unreadable.
            return;
        }
        try {
            MacData mac = pfx.getMacData();
            if (mac != null) {
                require(mac.getIterationCount(), "MAC");
            }
            ContentInfo outer = pfx.getAuthSafe();
            if (!PKCSObjectIdentifiers.data.equals(outer.getContentType())) {
                return;
            }
            AuthenticatedSafe safe = AuthenticatedSafe.getInstance(
                    ASN1OctetString.getInstance(outer.getContent()).getOctets());
            for (ContentInfo info : safe.getContentInfo()) {
                if (PKCSObjectIdentifiers.encryptedData.equals(info.getContentType())) {
                    EncryptedData data = EncryptedData.getInstance(info.getContent());
                    requireAlgorithm(data.getEncryptionAlgorithm(), "encrypted certificate bag");
                } else if (PKCSObjectIdentifiers.data.equals(info.getContentType())) {
                    ASN1Sequence bags = ASN1Sequence.getInstance(
                            ASN1OctetString.getInstance(info.getContent()).getOctets());
                    for (ASN1Encodable element : bags) {
                        SafeBag bag = SafeBag.getInstance(element);
                        if (PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(bag.getBagId())) {
                            requireAlgorithm(EncryptedPrivateKeyInfo.getInstance(bag.getBagValue())
                                    .getEncryptionAlgorithm(), "shrouded key bag");
                        }
                    }
                }
            }
        } catch (KeyMaterialException e) {
            throw e;
        } catch (RuntimeException e) {
            // A malformed inner structure: left to the key store's loader, which refuses it as unreadable.
        }
    }

    private static void requireAlgorithm(AlgorithmIdentifier algorithm, String where) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (PKCSObjectIdentifiers.id_PBES2.equals(oid)) {
            PBES2Parameters params = PBES2Parameters.getInstance(algorithm.getParameters());
            if (PKCSObjectIdentifiers.id_PBKDF2.equals(params.getKeyDerivationFunc().getAlgorithm())) {
                require(PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters()).getIterationCount(),
                        where + " PBKDF2");
            }
        } else if (oid.on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
            require(PKCS12PBEParams.getInstance(algorithm.getParameters()).getIterations(), where + " PBE");
        }
    }

    private static void require(BigInteger count, String where) {
        if (count.signum() <= 0 || count.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
            throw new KeyMaterialException("PKCS#12: the " + where + " iteration count " + count
                    + " is outside 1.." + MAX_ITERATIONS + " (a store that would take unbounded time to open)", null);
        }
    }
}
