package org.fmishare.disclosure;

/**
 * A kind of document the renderer produces. Each channel belongs to one {@link MessageKind}, whose mandatory
 * clauses its templates must render, and has a plain-text and an HTML body template and a subject line.
 */
public enum Channel {
    /** The prong-1 share email to a company. */
    SHARE_EMAIL(MessageKind.THREAT_SHARE, "share-email"),
    /** The invitation to a prong-2 meeting, sent to the company. */
    MEETING_INVITATION(MessageKind.MEETING, "meeting-invitation"),
    /** The notice read out or handed over at the start of a meeting. */
    MEETING_NOTICE(MessageKind.MEETING, "meeting-notice"),
    /** The summary given to participants of an election officials briefing. */
    BRIEFING_SUMMARY(MessageKind.BRIEFING, "briefing-summary"),
    /**
     * The correction or retraction of a share; it carries the threat-share clauses, since the company reads it as
     * part of the same exchange.
     */
    SHARE_AMENDMENT(MessageKind.THREAT_SHARE, "share-amendment");

    private final MessageKind kind;
    private final String baseName;

    Channel(MessageKind kind, String baseName) {
        this.kind = kind;
        this.baseName = baseName;
    }

    /** {@return the message kind whose mandatory clauses this channel's templates must render} */
    public MessageKind kind() {
        return kind;
    }

    /** {@return the file base name of the built-in templates, for example {@code share-email}} */
    public String baseName() {
        return baseName;
    }
}
