package org.fmishare.delivery;

import java.net.URI;
import java.util.Optional;
import org.fmishare.core.FmiShareException;
import org.fmishare.core.model.TlpMarking;

/**
 * The {@link Dispatcher} refused an envelope because of its handling marking, before anything was stored or sent:
 * the recipient has no {@link CompanyRecord} ({@link NoCompanyRecord}), the marking is above the company's clearance
 * ({@link AboveClearance}), or the envelope is TLP:RED and the destination is not one of the company's named
 * recipients ({@link RedRecipientNotNamed}). Always an input rejection: sending it again cannot succeed.
 */
public abstract sealed class HandlingException extends FmiShareException
        permits HandlingException.NoCompanyRecord, HandlingException.AboveClearance,
        HandlingException.RedRecipientNotNamed {
    private static final long serialVersionUID = 1L;

    private final String envelopeId;
    private final String companyId;
    private final TlpMarking marking;
    private final String destination;

    private HandlingException(String envelopeId, String companyId, TlpMarking marking, URI destination,
            String message) {
        super(Kind.INPUT_REJECTED, message, null);
        this.envelopeId = envelopeId;
        this.companyId = companyId;
        this.marking = marking;
        this.destination = destination.toString();
    }

    /** {@return the refused envelope's id} */
    public String envelopeId() {
        return envelopeId;
    }

    /** {@return the company the envelope is addressed to} */
    public String companyId() {
        return companyId;
    }

    /** {@return the envelope's marking} */
    public TlpMarking marking() {
        return marking;
    }

    /** {@return the destination it would have gone to} */
    public URI destination() {
        return URI.create(destination);
    }

    /** {@return the company's clearance, when it has a record} */
    public abstract Optional<TlpMarking> clearance();

    /** The envelope is marked, and the dispatcher has no record of its recipient's clearance. */
    public static final class NoCompanyRecord extends HandlingException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param envelopeId the envelope
         * @param companyId its recipient
         * @param marking its marking
         * @param destination where it would have gone
         */
        public NoCompanyRecord(String envelopeId, String companyId, TlpMarking marking, URI destination) {
            super(envelopeId, companyId, marking, destination, "envelope " + envelopeId + " is marked "
                    + marking.label() + " but the dispatcher has no company record for its recipient " + companyId
                    + ", so its clearance is unknown (rule company-record-required); nothing was sent");
        }

        @Override
        public Optional<TlpMarking> clearance() {
            return Optional.empty();
        }
    }

    /** The envelope is marked above the highest marking the company may receive. */
    public static final class AboveClearance extends HandlingException {
        private static final long serialVersionUID = 1L;
        private final TlpMarking clearance;

        /**
         * Creates the exception.
         *
         * @param envelopeId the envelope
         * @param companyId its recipient
         * @param marking its marking
         * @param clearance the highest marking the company may receive
         * @param destination where it would have gone
         */
        public AboveClearance(String envelopeId, String companyId, TlpMarking marking, TlpMarking clearance,
                URI destination) {
            super(envelopeId, companyId, marking, destination, "envelope " + envelopeId + " is marked "
                    + marking.label() + ", above the highest marking " + companyId + " may receive ("
                    + clearance.label() + ") (rule highest-tlp); nothing was sent to " + destination);
            this.clearance = clearance;
        }

        @Override
        public Optional<TlpMarking> clearance() {
            return Optional.of(clearance);
        }
    }

    /** The envelope is TLP:RED and the destination is not one of the company's named recipients. */
    public static final class RedRecipientNotNamed extends HandlingException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param envelopeId the envelope
         * @param companyId its recipient
         * @param destination where it would have gone
         */
        public RedRecipientNotNamed(String envelopeId, String companyId, URI destination) {
            super(envelopeId, companyId, TlpMarking.RED, destination, "envelope " + envelopeId + " is marked "
                    + "TLP:RED, which goes to named recipients only, and " + destination + " is not one of "
                    + companyId + "'s named recipients (rule red-named-recipient); nothing was sent");
        }

        @Override
        public Optional<TlpMarking> clearance() {
            return Optional.of(TlpMarking.RED);
        }
    }
}
