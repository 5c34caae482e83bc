package org.fmishare.disclosure;

import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.internal.Escaping;
import org.fmishare.disclosure.internal.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders shares, meeting invitations and notices, and briefing summaries with their mandatory disclosure clauses,
 * in plain text, HTML or the machine-readable JSON form. Immutable and thread-safe; build once and share.
 *
 * <p><b>Guarantees.</b> Every returned {@link RenderedMessage} has passed {@link DisclosureVerifier} for its kind
 * and format: each mandatory clause's exact text (up to whitespace reflow) stands in the body, and
 * {@link RenderedMessage#disclosures()} lists those clauses with their digests. A render whose output fails that
 * check throws {@link DisclosureException.RenderCheckFailed}; nothing is returned that lacks a clause. Every
 * inserted value is escaped for its format (see {@link Format}); the subject line is header-safe. Values are never
 * evaluated as template syntax.
 *
 * <pre>{@code
 * RenderedMessage email = DisclosureRenderer.standard().renderShare(share, Format.HTML);
 * DisclosureVerifier.standard().verifyRendered(email.body(), MessageKind.THREAT_SHARE).requireAllPresent();
 * }</pre>
 */
public final class DisclosureRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(DisclosureRenderer.class);
    private static final String TEMPLATE_DIR = "org/fmishare/disclosure/templates/";
    private static volatile DisclosureRenderer standard;

    private final ClauseCatalog catalog;
    private final DisclosureVerifier verifier;
    private final Map<Channel, Map<Format, DisclosureTemplate>> bodies;
    private final Map<Channel, Template> subjects;

    private DisclosureRenderer(Builder b) {
        this.catalog = b.catalog;
        this.verifier = DisclosureVerifier.forCatalog(catalog);
        Map<Channel, Map<Format, DisclosureTemplate>> bodyMap = new EnumMap<>(Channel.class);
        Map<Channel, Template> subjectMap = new EnumMap<>(Channel.class);
        String dir = TEMPLATE_DIR + catalog.locale().toLanguageTag() + "/";
        for (Channel channel : Channel.values()) {
            Map<Format, DisclosureTemplate> byFormat = new EnumMap<>(Format.class);
            for (Format format : DisclosureTemplate.bodyFormats()) {
                DisclosureTemplate custom = b.overrides.get(key(channel, format));
                if (custom != null) {
                    LOG.debug("using agency template {} for {} {}", custom.name(), channel, format);
                    byFormat.put(format, custom);
                } else {
                    String resource = dir + channel.baseName() + (format == Format.HTML ? ".html" : ".txt")
                            + ".mustache";
                    byFormat.put(format, DisclosureTemplate.of(resource, channel, format,
                            builtIn(resource, channel.baseName() + " " + format), catalog));
                }
            }
            bodyMap.put(channel, Map.copyOf(byFormat));
            String subjectResource = dir + channel.baseName() + ".subject.mustache";
            try {
                subjectMap.put(channel, DisclosureTemplate.subjectCompiler().compile(
                        builtIn(subjectResource, channel.baseName() + " subject")));
            } catch (MustacheException e) {
                throw new DisclosureException.CatalogCorrupt("built-in template " + subjectResource
                        + " is not valid Mustache: " + e.getMessage(), e);
            }
        }
        this.bodies = Map.copyOf(bodyMap);
        this.subjects = Map.copyOf(subjectMap);
    }

    private String builtIn(String resource, String item) {
        byte[] bytes = DisclosureTemplate.readResource(DisclosureRenderer.class.getClassLoader(), resource);
        if (bytes == null) {
            throw new DisclosureException.MissingTranslation(catalog.locale(), item, "no built-in template "
                    + resource + " (supply an agency template for it)");
        }
        return DisclosureTemplate.utf8(resource, bytes);
    }

    /**
     * The renderer with the built-in English templates and clauses.
     *
     * @return the shared standard renderer
     */
    public static DisclosureRenderer standard() {
        DisclosureRenderer r = standard;
        if (r == null) {
            r = builder().build();
            standard = r;
        }
        return r;
    }

    /**
     * The renderer with the built-in templates and clauses of a locale.
     *
     * @param locale the locale
     * @return a renderer
     * @throws DisclosureException.MissingTranslation if the clauses or any built-in template are not translated
     */
    public static DisclosureRenderer forLocale(Locale locale) {
        return builder().catalog(ClauseCatalog.forLocale(locale)).build();
    }

    /**
     * Starts a builder: English by default, agency templates optional.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the catalogue whose clauses this renderer includes} */
    public ClauseCatalog catalog() {
        return catalog;
    }

    /**
     * Renders the prong-1 share email.
     *
     * @param share the share
     * @param format the body format; {@link Format#JSON} gives the machine-readable disclosures document
     * @return the checked message
     * @throws DisclosureException.RenderCheckFailed if the output does not carry every mandatory clause
     */
    public RenderedMessage renderShare(ThreatShare share, Format format) {
        Objects.requireNonNull(share, "share");
        return render(Channel.SHARE_EMAIL, format, Views.share(share, catalog.mandatoryFor(MessageKind.THREAT_SHARE)));
    }

    /**
     * Renders the correction or retraction of a share: what changed and why, the corrected share for a correction,
     * and the mandatory threat-share disclosures.
     *
     * @param amendment the correction or retraction
     * @param format the body format
     * @return the checked message
     * @throws DisclosureException.RenderCheckFailed if the output does not carry every mandatory clause
     */
    public RenderedMessage renderAmendment(ShareAmendment amendment, Format format) {
        Objects.requireNonNull(amendment, "amendment");
        return render(Channel.SHARE_AMENDMENT, format, Views.amendment(amendment,
                catalog.mandatoryFor(MessageKind.THREAT_SHARE)));
    }

    /**
     * Renders the invitation to a meeting.
     *
     * @param meeting the meeting
     * @param format the body format
     * @return the checked message
     * @throws DisclosureException.RenderCheckFailed if the output does not carry every mandatory clause
     */
    public RenderedMessage renderMeetingInvitation(Meeting meeting, Format format) {
        Objects.requireNonNull(meeting, "meeting");
        return render(Channel.MEETING_INVITATION, format, Views.meeting(meeting,
                catalog.mandatoryFor(MessageKind.MEETING)));
    }

    /**
     * Renders the notice given at the start of a meeting.
     *
     * @param meeting the meeting
     * @param format the body format
     * @return the checked message
     * @throws DisclosureException.RenderCheckFailed if the output does not carry every mandatory clause
     */
    public RenderedMessage renderMeetingNotice(Meeting meeting, Format format) {
        Objects.requireNonNull(meeting, "meeting");
        return render(Channel.MEETING_NOTICE, format, Views.meeting(meeting,
                catalog.mandatoryFor(MessageKind.MEETING)));
    }

    /**
     * Renders the summary of an election officials briefing.
     *
     * @param briefing the briefing
     * @param format the body format
     * @return the checked message
     * @throws DisclosureException.RenderCheckFailed if the output does not carry every mandatory clause
     */
    public RenderedMessage renderBriefingSummary(Briefing briefing, Format format) {
        Objects.requireNonNull(briefing, "briefing");
        return render(Channel.BRIEFING_SUMMARY, format, Views.briefing(briefing,
                catalog.mandatoryFor(MessageKind.BRIEFING)));
    }

    /**
     * The machine-readable disclosures document for a kind of message, as it goes into the signed envelope.
     *
     * @param kind the message kind
     * @return {@code {"disclosures":[...]}} as compact JSON
     */
    public String machineReadable(MessageKind kind) {
        return DisclosureJson.write(catalog.mandatoryFor(Objects.requireNonNull(kind, "kind")));
    }

    private RenderedMessage render(Channel channel, Format format, Map<String, Object> view) {
        Objects.requireNonNull(format, "format");
        List<Disclosure> clauses = catalog.mandatoryFor(channel.kind());
        String subject = subject(channel, view);
        String body = format == Format.JSON ? DisclosureJson.write(clauses)
                : bodies.get(channel).get(format).execute(view);
        RenderedMessage message = new RenderedMessage(channel.kind(), format, catalog.locale(), subject, body,
                clauses);
        DisclosureReport report = verifier.verifyRendered(message);
        if (!report.allPresent()) {
            ClauseResult first = report.problems().get(0);
            throw new DisclosureException.RenderCheckFailed(channel + " " + format + " render lacks mandatory clause '"
                    + first.id() + "' v" + first.version() + " (" + first.state() + ")", report);
        }
        return message;
    }

    private String subject(Channel channel, Map<String, Object> view) {
        String raw;
        try {
            raw = subjects.get(channel).execute(view);
        } catch (MustacheException e) {
            throw new DisclosureException.CatalogCorrupt("built-in subject template for " + channel
                    + " failed: " + e.getMessage(), e);
        }
        String subject = Escaping.header(raw);
        if (subject.length() > RenderedMessage.MAX_SUBJECT_LENGTH) {
            throw new DisclosureException.RenderCheckFailed(channel + " subject line is " + subject.length()
                    + " characters, more than " + RenderedMessage.MAX_SUBJECT_LENGTH, null);
        }
        return subject;
    }

    private static String key(Channel channel, Format format) {
        return channel + "/" + format;
    }

    /**
     * Assembles a renderer; each channel and format may be overridden once with an agency template. Not
     * thread-safe; {@link #build()} copies it into an immutable renderer.
     */
    public static final class Builder {
        private ClauseCatalog catalog = ClauseCatalog.english();
        private boolean catalogSet;
        private final Map<String, DisclosureTemplate> overrides = new java.util.HashMap<>();

        private Builder() {}

        /**
         * Sets the clause catalogue (default English); built-in templates follow its locale.
         *
         * @param catalog the catalogue
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder catalog(ClauseCatalog catalog) {
            Objects.requireNonNull(catalog, "catalog");
            if (catalogSet) {
                throw new IllegalStateException("catalog was already set to " + this.catalog);
            }
            this.catalog = catalog;
            this.catalogSet = true;
            return this;
        }

        /**
         * Uses an agency template for its channel and format instead of the built-in one.
         *
         * @param template a template checked at load time
         * @return this builder
         * @throws IllegalStateException if that channel and format already has an agency template
         */
        public Builder template(DisclosureTemplate template) {
            Objects.requireNonNull(template, "template");
            DisclosureTemplate previous = overrides.putIfAbsent(key(template.channel(), template.format()), template);
            if (previous != null) {
                throw new IllegalStateException(template.channel() + " " + template.format()
                        + " already uses template '" + previous.name() + "'");
            }
            return this;
        }

        /**
         * Builds the renderer, loading and checking the built-in templates not overridden.
         *
         * @return the renderer
         * @throws IllegalArgumentException if an agency template was checked against another locale's clauses
         * @throws DisclosureException.MissingTranslation if a needed built-in template is not translated
         */
        public DisclosureRenderer build() {
            for (DisclosureTemplate t : overrides.values()) {
                if (!t.catalog().locale().equals(catalog.locale())) {
                    throw new IllegalArgumentException("template '" + t.name() + "' was checked against the "
                            + t.catalog().locale().toLanguageTag() + " clauses, the renderer uses "
                            + catalog.locale().toLanguageTag());
                }
            }
            return new DisclosureRenderer(this);
        }
    }
}
