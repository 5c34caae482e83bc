package org.fmishare.core.envelope;

import java.util.Objects;
import org.fmishare.core.FmiShareException;

/**
 * An envelope could not be signed or was rejected by a verifier. Each subtype is one check; {@link #check()} names it
 * and every message starts with it, for example {@code signature: does not verify with the key of CN=...}.
 *
 * <p>The detail is for the caller and its logs. Do not echo it to a remote sender: telling an attacker which check
 * failed helps them (send a generic rejection on the wire).
 */
public abstract sealed class EnvelopeException extends FmiShareException
        permits EnvelopeException.TooLarge, EnvelopeException.Malformed, EnvelopeException.HeaderRejected, EnvelopeException.AlgorithmNotAllowed, EnvelopeException.CriticalHeaderRejected, EnvelopeException.CertificateChainRejected, EnvelopeException.SignatureInvalid, EnvelopeException.SignerMismatch, EnvelopeException.WrongRecipient, EnvelopeException.Expired, EnvelopeException.NotYetValid, EnvelopeException.Replayed, EnvelopeException.DisclosuresRejected, EnvelopeException.ComplianceRejected, EnvelopeException.ContentRejected, EnvelopeException.DecryptionFailed, EnvelopeException.ReceiptMismatch, EnvelopeException.ProcessingFailed {
    private static final long serialVersionUID = 1L;

    private final String check;

    EnvelopeException(String check, String message, Throwable cause) {
        super(check + ": " + Objects.requireNonNull(message, "message"), cause);
        this.check = check;
    }

    /** {@return the short name of the failed check, for example {@code signature} or {@code replay}} */
    public String check() {
        return check;
    }

    /** The envelope exceeds the verifier's size limit; rejected before parsing. Check name {@code size}. */
    public static final class TooLarge extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super("size", message, null);
        }

        TooLarge(String message, Throwable cause) {
            super("size", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The envelope or its payload is not well-formed: not strict JSON, duplicate keys, non-canonical base64url or JCS, unknown members, missing fields, bad lifetime. Check name {@code syntax}. */
    public static final class Malformed extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super("syntax", message, null);
        }

        Malformed(String message, Throwable cause) {
            super("syntax", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The protected header has a parameter outside the allow-list (alg, typ, x5c), a wrong typ, or parameters outside the protected header. Check name {@code header}. */
    public static final class HeaderRejected extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        HeaderRejected(String message) {
            super("header", message, null);
        }

        HeaderRejected(String message, Throwable cause) {
            super("header", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The alg is not on this verifier's allow-list ({@code none} and HMAC never are), or does not fit the key in the certificate. Check name {@code algorithm}. */
    public static final class AlgorithmNotAllowed extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        AlgorithmNotAllowed(String message) {
            super("algorithm", message, null);
        }

        AlgorithmNotAllowed(String message, Throwable cause) {
            super("algorithm", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The header lists critical parameters; this format defines none, so every one is unknown. Check name {@code crit}. */
    public static final class CriticalHeaderRejected extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        CriticalHeaderRejected(String message) {
            super("crit", message, null);
        }

        CriticalHeaderRejected(String message, Throwable cause) {
            super("crit", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The x5c chain is missing, unparseable, untrusted, not valid at the signing time, or the leaf may not sign (key usage). Check name {@code certificate-chain}. */
    public static final class CertificateChainRejected extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        CertificateChainRejected(String message) {
            super("certificate-chain", message, null);
        }

        CertificateChainRejected(String message, Throwable cause) {
            super("certificate-chain", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The signature does not verify with the leaf certificate's key. Check name {@code signature}. */
    public static final class SignatureInvalid extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        SignatureInvalid(String message) {
            super("signature", message, null);
        }

        SignatureInvalid(String message, Throwable cause) {
            super("signature", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The payload's sender record does not match the signing certificate. Check name {@code signer-binding}. */
    public static final class SignerMismatch extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        SignerMismatch(String message) {
            super("signer-binding", message, null);
        }

        SignerMismatch(String message, Throwable cause) {
            super("signer-binding", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The envelope is addressed to someone other than this verifier's recipient. Check name {@code recipient}. */
    public static final class WrongRecipient extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        WrongRecipient(String message) {
            super("recipient", message, null);
        }

        WrongRecipient(String message, Throwable cause) {
            super("recipient", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The envelope's expires-at (plus clock skew) has passed. Check name {@code expiry}. */
    public static final class Expired extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        Expired(String message) {
            super("expiry", message, null);
        }

        Expired(String message, Throwable cause) {
            super("expiry", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The envelope's issued-at lies in the future beyond the clock skew. Check name {@code issued-at}. */
    public static final class NotYetValid extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        NotYetValid(String message) {
            super("issued-at", message, null);
        }

        NotYetValid(String message, Throwable cause) {
            super("issued-at", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The envelope's nonce has been seen before. Check name {@code replay}. */
    public static final class Replayed extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        Replayed(String message) {
            super("replay", message, null);
        }

        Replayed(String message, Throwable cause) {
            super("replay", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** Mandatory disclosures are missing, repeated, or their digests do not match their texts. Check name {@code disclosures}. */
    public static final class DisclosuresRejected extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        DisclosuresRejected(String message) {
            super("disclosures", message, null);
        }

        DisclosuresRejected(String message, Throwable cause) {
            super("disclosures", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The compliance summary is missing, its verdict is not PASS, or it names another rule set. Check name {@code compliance}. */
    public static final class ComplianceRejected extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        ComplianceRejected(String message) {
            super("compliance", message, null);
        }

        ComplianceRejected(String message, Throwable cause) {
            super("compliance", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The body does not match the envelope: wrong kind, sender or recipient inconsistent with the body, a receipt answering another share. Check name {@code content}. */
    public static final class ContentRejected extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        ContentRejected(String message) {
            super("content", message, null);
        }

        ContentRejected(String message, Throwable cause) {
            super("content", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** An encrypted envelope cannot be decrypted with this verifier's key, or uses a key-management or content-encryption algorithm outside the allow-list. Check name {@code decryption}. */
    public static final class DecryptionFailed extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        DecryptionFailed(String message) {
            super("decryption", message, null);
        }

        DecryptionFailed(String message, Throwable cause) {
            super("decryption", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** A receipt does not reference the envelope it is checked against (id or digest differ). Check name {@code receipt-reference}. */
    public static final class ReceiptMismatch extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        ReceiptMismatch(String message) {
            super("receipt-reference", message, null);
        }

        ReceiptMismatch(String message, Throwable cause) {
            super("receipt-reference", message, cause);
        }

        /** {@return true: the input was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The SDK or its environment failed (a JCA provider error, an unavailable or full replay cache); the input was not judged. Check name {@code processing}. */
    public static final class ProcessingFailed extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        ProcessingFailed(String message) {
            super("processing", message, null);
        }

        ProcessingFailed(String message, Throwable cause) {
            super("processing", message, cause);
        }

        /** {@return false: the SDK or its environment failed} */
        @Override
        public boolean isInputRejection() {
            return false;
        }
    }
}
