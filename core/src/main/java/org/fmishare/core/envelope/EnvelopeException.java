package org.fmishare.core.envelope;

import java.util.Objects;
import org.fmishare.core.FmiShareException;

/**
 * An envelope could not be signed or was rejected by a verifier. {@link #check()} names the check that failed, and
 * every message starts with its {@link Check#label() label}, for example
 * {@code signature: does not verify with the key of CN=...}.
 *
 * <p>Two subtypes only: {@link Rejected} (the envelope, or what was to be signed, failed a check: an input
 * rejection) and {@link ProcessingFailed} (the SDK or its environment failed; the input was not judged). A receiver
 * that needs to react to one check compares {@code e.check()} instead of catching a class per check.
 *
 * <p>The detail is for the caller and its logs. Do not echo it to a remote sender: telling an attacker which check
 * failed helps them (send a generic rejection on the wire).
 */
public abstract sealed class EnvelopeException extends FmiShareException
        permits EnvelopeException.Rejected, EnvelopeException.ProcessingFailed {
    private static final long serialVersionUID = 1L;

    /** The checks a signer or verifier makes, in the order the verifier makes them. */
    public enum Check {
        /** The envelope exceeds the verifier's size limit; rejected before parsing. */
        SIZE("size"),
        /**
         * The envelope or its payload is not well-formed: not strict JSON, duplicate keys, non-canonical base64url
         * or JCS, unknown members, missing fields, bad lifetime.
         */
        SYNTAX("syntax"),
        /**
         * The protected header has a parameter outside the allow-list (alg, typ, x5c), a wrong typ, or parameters
         * outside the protected header.
         */
        HEADER("header"),
        /** The header lists critical parameters; this format defines none, so every one is unknown. */
        CRITICAL_HEADER("crit"),
        /**
         * The alg is not on the verifier's allow-list ({@code none} and HMAC never are), or does not fit the key in
         * the certificate.
         */
        ALGORITHM("algorithm"),
        /**
         * The x5c chain is missing, unparseable, untrusted, not valid at the signing time, or the leaf may not sign
         * (key usage).
         */
        CERTIFICATE_CHAIN("certificate-chain"),
        /**
         * A certificate of the signer's chain is revoked by a CRL the verifier was given, or its revocation status
         * cannot be determined from them (no current CRL from its issuer). Checked at the verifier's clock: a
         * revoked key is trusted for nothing, whatever signing time an envelope claims.
         */
        REVOKED("revoked"),
        /** The signature does not verify with the leaf certificate's key. */
        SIGNATURE("signature"),
        /** The payload's sender record does not match the signing certificate. */
        SIGNER_BINDING("signer-binding"),
        /** The envelope's issued-at lies in the future beyond the clock skew. */
        NOT_YET_VALID("issued-at"),
        /** The envelope's expires-at (plus clock skew) has passed. */
        EXPIRED("expiry"),
        /** The envelope is addressed to someone other than the verifier's recipient. */
        RECIPIENT("recipient"),
        /**
         * The body does not match the envelope: wrong kind, sender or recipient inconsistent with the body, a
         * receipt answering another share.
         */
        CONTENT("content"),
        /** Mandatory disclosures are missing, repeated, or their digests do not match their texts. */
        DISCLOSURES("disclosures"),
        /**
         * The compliance summary is missing, its verdict is neither PASS nor NEEDS_REVIEW with a reviewer's approval,
         * or it names another rule set.
         */
        COMPLIANCE("compliance"),
        /**
         * A NEEDS_REVIEW envelope's reviewer approval is not valid: its signature, the reviewer's certificate,
         * purpose or binding, the reviewer's authority for the sending office, a rejected finding, or a content or
         * report digest that does not match what is signed (an edit after the review). No reviewer is trusted unless
         * the signer or verifier is given a {@link ReviewerTrust}.
         */
        REVIEW("review"),
        /**
         * The receiver's own SOP check of the subject disagrees with the envelope's compliance summary (verdict or
         * report digest), or cannot be made under the rule set the summary names (unknown rule set, another
         * version). Only a verifier configured with a {@link ComplianceRechecker} makes this check.
         */
        COMPLIANCE_RECHECK("compliance-recheck"),
        /** The envelope's nonce has been seen before. */
        REPLAY("replay"),
        /**
         * An encrypted envelope cannot be decrypted with the verifier's key, or uses a key-management or
         * content-encryption algorithm outside the allow-list.
         */
        DECRYPTION("decryption"),
        /** A receipt does not reference the envelope it is checked against (id or digest differ). */
        RECEIPT_REFERENCE("receipt-reference"),
        /**
         * A correction or retraction does not match the share envelope it names: the receiver holds no such envelope,
         * its digest, sender, share or recipient differ, or the share was already retracted.
         */
        AMENDMENT_REFERENCE("amendment-reference"),
        /**
         * Not a check of the input: the SDK or its environment failed (a JCA provider error, an unavailable or
         * full replay cache). Only {@link ProcessingFailed} carries it.
         */
        PROCESSING("processing");

        private final String label;

        Check(String label) {
            this.label = label;
        }

        /** {@return the short name that starts every message of this check, for example {@code certificate-chain}} */
        public String label() {
            return label;
        }

        /** {@return the {@link #label()}, so messages that print a check read as before} */
        @Override
        public String toString() {
            return label;
        }
    }

    private final Check check;

    private EnvelopeException(Kind kind, Check check, String message, Throwable cause) {
        super(kind, check.label() + ": " + Objects.requireNonNull(message, "message"), cause);
        this.check = check;
    }

    /** {@return the check that failed; {@link Check#PROCESSING} exactly for {@link ProcessingFailed}} */
    public Check check() {
        return check;
    }

    /** The envelope, or the content given to the signer, failed {@link #check()}: an input rejection. */
    public static final class Rejected extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        Rejected(Check check, String message) {
            this(check, message, null);
        }

        Rejected(Check check, String message, Throwable cause) {
            super(Kind.INPUT_REJECTED, requireInputCheck(check), message, cause);
        }

        // A rejection with check PROCESSING would claim the input was judged when it was not.
        private static Check requireInputCheck(Check check) {
            if (Objects.requireNonNull(check, "check") == Check.PROCESSING) {
                throw new IllegalArgumentException("a rejection names an input check, not PROCESSING");
            }
            return check;
        }
    }

    /** The SDK or its environment failed; the input was not judged. {@link #check()} is {@link Check#PROCESSING}. */
    public static final class ProcessingFailed extends EnvelopeException {
        private static final long serialVersionUID = 1L;

        ProcessingFailed(String message) {
            this(message, null);
        }

        ProcessingFailed(String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, Check.PROCESSING, message, cause);
        }
    }
}
