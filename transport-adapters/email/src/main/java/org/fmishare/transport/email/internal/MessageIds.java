package org.fmishare.transport.email.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmishare.transport.email.EmailAddress;

/** Message-IDs derived from envelope ids: {@code <fmi-share.<uuid>@<sender domain>>}, the same on every retry. */
public final class MessageIds {
    private static final Pattern ID = Pattern.compile(
            "<fmi-share\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[A-Za-z0-9.-]+>");

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

    /**
     * The envelope id a Message-ID claims (unauthenticated: the header is outside the signature).
     *
     * @param messageId the header value
     * @return the envelope id, if the value has this module's form
     */
    public static Optional<String> envelopeId(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(messageId.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
