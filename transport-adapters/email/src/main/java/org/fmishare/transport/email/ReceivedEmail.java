package org.fmishare.transport.email;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.disclosure.DisclosureReport;

/**
 * A received message that passed every check of an {@link EmailReceiver}: S/MIME signature and signer chain,
 * structure, the attached envelope ({@link org.fmishare.core.envelope.EnvelopeVerifier}), and the mandatory
 * disclosures in the text body, the HTML body and the envelope's machine-readable list. Only the receiver creates
 * instances. Immutable.
 */
public final class ReceivedEmail {
    private final VerifiedEnvelope envelope;
    private final X509Certificate smimeSigner;
    private final Optional<String> messageId;
    private final boolean encrypted;
    private final boolean duplicate;
    private final String text;
    private final Optional<String> html;
    private final Optional<DisclosureReport> disclosures;

    ReceivedEmail(VerifiedEnvelope envelope, X509Certificate smimeSigner, Optional<String> messageId,
            boolean encrypted, boolean duplicate, String text, Optional<String> html,
            Optional<DisclosureReport> disclosures) {
        this.envelope = envelope;
        this.smimeSigner = smimeSigner;
        this.messageId = messageId;
        this.encrypted = encrypted;
        this.duplicate = duplicate;
        this.text = text;
        this.html = html;
        this.disclosures = disclosures;
    }

    /** {@return the verified envelope: the payload to act on} */
    public VerifiedEnvelope envelope() {
        return envelope;
    }

    /** {@return the envelope id} */
    public String envelopeId() {
        return envelope.envelopeId();
    }

    /** {@return the certificate whose key made the S/MIME signature (chain-validated)} */
    public X509Certificate smimeSigner() {
        return smimeSigner;
    }

    /** {@return the Message-ID header as received; informational, outside the signature} */
    public Optional<String> messageId() {
        return messageId;
    }

    /** {@return whether the message was S/MIME-encrypted} */
    public boolean encrypted() {
        return encrypted;
    }

    /**
     * Whether this envelope was already received by this receiver (a retry or a copy). The verified content is the
     * same as the first time; callers process an envelope once and skip duplicates.
     *
     * @return true for a repeat delivery
     */
    public boolean duplicate() {
        return duplicate;
    }

    /**
     * The plain-text body, rendered from the verified envelope (never the received MIME text, which the receiver
     * compared with this rendering and refused if it differed); its disclosures verified.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /** {@return the HTML body rendered from the verified envelope, if the message had one (disclosures verified)} */
    public Optional<String> html() {
        return html;
    }

    /** {@return the disclosure report for the text body; empty for receipts, which carry no disclosures} */
    public Optional<DisclosureReport> disclosures() {
        return disclosures;
    }

    /** {@return envelope id, kind, signer and flags; never the payload} */
    @Override
    public String toString() {
        return "ReceivedEmail[" + envelope.envelopeId() + ", " + envelope.kind() + ", S/MIME by "
                + smimeSigner.getSubjectX500Principal().getName() + (encrypted ? ", encrypted" : "")
                + (duplicate ? ", duplicate" : "") + "]";
    }
}
