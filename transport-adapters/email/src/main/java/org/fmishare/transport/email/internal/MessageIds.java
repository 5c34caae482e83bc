package org.fmishare.transport.email.internal;

import org.fmishare.transport.email.EmailAddress;

/** Message-IDs derived from envelope ids: {@code <fmi-share.<uuid>@<sender domain>>}, the same on every retry. */
public final class MessageIds {
    private MessageIds() {}

    /**
     * The Message-ID for an envelope.
     *
     * @param envelopeId a lower-case UUID (checked by the envelope types)
     * @param from the sender, whose domain qualifies the id
     * @return the Message-ID with angle brackets
     */
    public static String of(String envelopeId, EmailAddress from) {
        return "<fmi-share." + envelopeId + "@" + from.domain() + ">";
    }
}
