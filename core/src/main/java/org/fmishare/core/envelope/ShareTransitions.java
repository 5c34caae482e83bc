package org.fmishare.core.envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.model.AmendmentKind;
import org.fmishare.core.model.ShareAmendment;

/** The state transitions of {@link ShareStates}, one definition for every implementation. */
final class ShareTransitions {
    private ShareTransitions() {}

    /**
     * The state transition, shared by the implementations: the status after {@code envelope}, given the status
     * before it.
     */
    static ShareStatus next(Optional<ShareStatus> current, VerifiedEnvelope envelope) {
        String sender = envelope.sender().id();
        EnvelopeBody body = envelope.body();
        if (body instanceof EnvelopeBody.Share s) {
            EnvelopeReference ref = envelope.reference();
            if (current.isEmpty()) {
                return new ShareStatus(sender, s.share().id(), envelope.recipientId(), ShareState.ACTIVE,
                        List.of(ref), Optional.empty(), Optional.empty(), envelope.issuedAt());
            }
            ShareStatus c = current.get();
            if (c.originals().contains(ref)) {
                return c;
            }
            // A share signed again (same id, new envelope): one more envelope an amendment may name. The state stays:
            // a retraction is not undone by a late copy of the share.
            List<EnvelopeReference> originals = new ArrayList<>(c.originals());
            originals.add(ref);
            return new ShareStatus(c.senderId(), c.shareId(), c.recipientId(), c.state(), originals,
                    c.lastAmendment(), c.reason(), c.updatedAt());
        }
        if (!(body instanceof EnvelopeBody.Amendment a)) {
            throw new IllegalArgumentException("share states record shares and share amendments, not a "
                    + envelope.kind());
        }
        ShareAmendment amendment = a.amendment();
        EnvelopeReference self = envelope.reference();
        String where = "amendment " + amendment.id() + " (envelope " + envelope.envelopeId() + ")";
        ShareStatus c = current.orElseThrow(() -> new EnvelopeException.Rejected(
                EnvelopeException.Check.AMENDMENT_REFERENCE, where + " amends share '" + amendment.shareId()
                + "' from '" + sender + "', which this receiver has not received"));
        if (c.lastAmendment().filter(self::equals).isPresent()) {
            return c;
        }
        EnvelopeReference named = a.original();
        if (c.originals().stream().noneMatch(named::equals)) {
            boolean idKnown = c.originals().stream().anyMatch(o -> o.envelopeId().equals(named.envelopeId()));
            throw new EnvelopeException.Rejected(EnvelopeException.Check.AMENDMENT_REFERENCE, where + " names "
                    + "envelope " + named.envelopeId() + (idKnown ? " with digest " + named.digest()
                    + ", but the envelope received has another digest" : ", which did not bring share '"
                    + c.shareId() + "' to this receiver"));
        }
        if (!c.recipientId().equals(envelope.recipientId())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.AMENDMENT_REFERENCE, where + " is addressed "
                    + "to '" + envelope.recipientId() + "', the share went to '" + c.recipientId() + "'");
        }
        if (c.state() == ShareState.RETRACTED) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.AMENDMENT_REFERENCE, where + " amends share '"
                    + c.shareId() + "', which was already retracted by " + c.lastAmendment().orElseThrow()
                    .envelopeId());
        }
        ShareState state = amendment.kind() == AmendmentKind.RETRACTION ? ShareState.RETRACTED
                : ShareState.CORRECTED;
        return new ShareStatus(c.senderId(), c.shareId(), c.recipientId(), state, c.originals(), Optional.of(self),
                Optional.of(amendment.reason()), envelope.issuedAt());
    }

    /** The shareId of a share or amendment envelope. */
    static String shareIdOf(VerifiedEnvelope envelope) {
        EnvelopeBody body = envelope.body();
        if (body instanceof EnvelopeBody.Share s) {
            return s.share().id();
        }
        if (body instanceof EnvelopeBody.Amendment a) {
            return a.amendment().shareId();
        }
        throw new IllegalArgumentException("share states record shares and share amendments, not a "
                + envelope.kind());
    }
}
