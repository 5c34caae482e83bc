package org.fmishare.core.envelope;

import java.security.cert.X509Certificate;
import org.fmishare.core.jose.KeyPurposes;

/**
 * The trust checks that tie a verified signature to a party and a purpose, kept apart from {@link EnvelopeVerifier}'s
 * parsing and cryptography: the leaf must be bound to the payload's {@code sender.id} (the verifier's
 * {@link SenderDirectory}, by default the SAN URI rule), and its extended key usage must name the purpose of what it
 * signed ({@link KeyPurposes#RECEIPT_SIGNING} for receipts, {@link KeyPurposes#ENVELOPE_SIGNING} for everything else),
 * so a TLS certificate or a company's receipt certificate under the same CA cannot sign a share. Thread-safe.
 */
final class SignerTrust {
    private final SenderDirectory directory;

    SignerTrust(SenderDirectory directory) {
        this.directory = directory;
    }

    void check(EnvelopeKind kind, String senderId, X509Certificate leaf) {
        String purpose = kind == EnvelopeKind.RECEIPT ? KeyPurposes.RECEIPT_SIGNING : KeyPurposes.ENVELOPE_SIGNING;
        if (!KeyPurposes.hasPurpose(leaf, purpose)) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SIGNER_BINDING, "the certificate "
                    + leaf.getSubjectX500Principal().getName() + " may not sign a " + kind + ": its extended key "
                    + "usage lacks " + (kind == EnvelopeKind.RECEIPT ? "receipt" : "envelope") + " signing ("
                    + purpose + ")");
        }
        directory.requireBound(senderId, leaf);
    }
}
