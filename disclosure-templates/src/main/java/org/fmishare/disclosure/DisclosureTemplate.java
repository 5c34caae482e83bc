package org.fmishare.disclosure;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.disclosure.internal.ProbeSamples;
import org.fmishare.disclosure.internal.Escaping;
import org.fmishare.disclosure.internal.Views;

/**
 * A checked body template for one {@link Channel} and {@link Format} ({@code TEXT} or {@code HTML}), built in or
 * supplied by an agency. Immutable and thread-safe.
 *
 * <p><b>Load-time checks.</b> Loading fails with {@link DisclosureException.TemplateRejected} when the template
 * <ol>
 *   <li>is larger than {@value #MAX_SOURCE_CHARS} characters or not valid Mustache;</li>
 *   <li>uses a construct that could bypass escaping or pull in other text: unescaped output ({@code {{{x}}}},
 *       {@code {{&x}}}), a delimiter change ({@code {{=...=}}}), partials ({@code {{>x}}}) or inheritance
 *       ({@code {{<x}}}, {@code {{$x}}});</li>
 *   <li>does not contain, for every mandatory clause of the channel's kind, the tag {@code {{clause.<id>}}} at the
 *       top level, outside every section, so no data can switch it off (the error names the clause);</li>
 *   <li>fails a probe render of the SDK's sample data, or the probe output does not show every mandatory clause
 *       as {@link DisclosureVerifier} sees it (for example a clause inside an HTML comment, or glued to other
 *       text).</li>
 * </ol>
 * Every later render is checked again (see {@link DisclosureRenderer}).
 *
 * <p><b>Variables.</b> Every value is a string, escaped for the format. Common to all channels: {@code clause.<id>}
 * (the clause text) and the list {@code disclosures} ({@code id, version, text, digest}).
 * {@link Channel#SHARE_EMAIL}: {@code share.id, share.createdAt, share.handling, share.narrative,
 * share.ruleSetId, sender.name, recipient.name, recipient.platforms, actor.name, actor.kind, actor.country,
 * operation.name, election} (0 or 1 strings), {@code accounts} ({@code ref, platform, accountId, handle} (0 or 1),
 * {@code url} (0 or 1), {@code firstObserved, lastObserved}), {@code accountCount}, {@code facts}
 * ({@code id, statement, kind, grade}), {@code assessment.level, assessment.rationale}.
 * {@link Channel#MEETING_INVITATION} and {@link Channel#MEETING_NOTICE}: {@code meeting.id, meeting.scheduledAt,
 * meeting.kind, meeting.leadingOffice, meeting.fitfRole}, {@code companies} ({@code name, platforms}),
 * {@code trigger} (0 or 1), {@code attendees} ({@code name, organisation, role}), {@code agenda} (strings).
 * {@link Channel#BRIEFING_SUMMARY}: {@code briefing.id, briefing.heldAt, briefing.hostAgency, briefing.summary,
 * company.name, company.platforms}, {@code audiences} (strings), {@code briefers} ({@code name, organisation,
 * role}), {@code topics} (strings). A name the channel does not define fails the probe render.
 */
public final class DisclosureTemplate {
    /** The largest template source accepted. */
    public static final int MAX_SOURCE_CHARS = 256 * 1024;

    private static final Pattern FORBIDDEN = Pattern.compile("\\{\\{\\s*([{&=><$])");

    private final String name;
    private final Channel channel;
    private final Format format;
    private final ClauseCatalog catalog;
    private final Template compiled;

    private DisclosureTemplate(String name, Channel channel, Format format, ClauseCatalog catalog,
            Template compiled) {
        this.name = name;
        this.channel = channel;
        this.format = format;
        this.catalog = catalog;
        this.compiled = compiled;
    }

    /**
     * Loads a template from its source text, checking it against the English catalogue.
     *
     * @param name a name for error messages, for example the file name
     * @param channel the channel it renders
     * @param format {@link Format#TEXT} or {@link Format#HTML}
     * @param source the Mustache source
     * @return the checked template
     * @throws DisclosureException.TemplateRejected naming the template and, where that is the cause, the clause
     * @throws IllegalArgumentException if {@code format} is {@link Format#JSON}, which has no template
     */
    public static DisclosureTemplate of(String name, Channel channel, Format format, String source) {
        return of(name, channel, format, source, ClauseCatalog.english());
    }

    /**
     * Loads a template from its source text, checking it against a catalogue.
     *
     * @param name a name for error messages
     * @param channel the channel it renders
     * @param format {@link Format#TEXT} or {@link Format#HTML}
     * @param source the Mustache source
     * @param catalog the clauses it will render
     * @return the checked template
     * @throws DisclosureException.TemplateRejected naming the template and, where that is the cause, the clause
     * @throws IllegalArgumentException if {@code format} is {@link Format#JSON}
     */
    public static DisclosureTemplate of(String name, Channel channel, Format format, String source,
            ClauseCatalog catalog) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(catalog, "catalog");
        if (format == Format.JSON) {
            throw new IllegalArgumentException("the JSON disclosures document has no template; use TEXT or HTML");
        }
        if (source.length() > MAX_SOURCE_CHARS) {
            throw new DisclosureException.TemplateRejected(name, null, "source of " + source.length()
                    + " characters exceeds the limit of " + MAX_SOURCE_CHARS, null);
        }
        Matcher forbidden = FORBIDDEN.matcher(source);
        if (forbidden.find()) {
            throw new DisclosureException.TemplateRejected(name, null, "line " + lineOf(source, forbidden.start())
                    + " uses '{{" + forbidden.group(1) + "': only escaped variables {{x}}, sections and comments are"
                    + " allowed (no unescaped output, delimiter changes, partials or inheritance)", null);
        }
        Template compiled;
        try {
            compiled = compiler(format).compile(source);
        } catch (MustacheException e) {
            throw new DisclosureException.TemplateRejected(name, null, "not valid Mustache: " + e.getMessage(), e);
        }
        Set<String> topLevel = variables(compiled, false);
        Set<String> anywhere = variables(compiled, true);
        for (Disclosure clause : catalog.mandatoryFor(channel.kind())) {
            String tag = "clause." + clause.id();
            if (!topLevel.contains(tag)) {
                String where = anywhere.contains(tag) ? "only inside a section, where data could switch it off"
                        : "nowhere";
                throw new DisclosureException.TemplateRejected(name, clause.id(), "mandatory clause '"
                        + clause.id() + "' v" + clause.version() + " of " + channel.kind() + " must appear as {{"
                        + tag + "}} outside every section, but appears " + where, null);
            }
        }
        DisclosureTemplate template = new DisclosureTemplate(name, channel, format, catalog, compiled);
        template.probe();
        return template;
    }

    /**
     * Loads a UTF-8 template file.
     *
     * @param file the file
     * @param channel the channel it renders
     * @param format {@link Format#TEXT} or {@link Format#HTML}
     * @param catalog the clauses it will render
     * @return the checked template
     * @throws DisclosureException.TemplateRejected as {@link #of(String, Channel, Format, String, ClauseCatalog)},
     *     or when the file is not UTF-8
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static DisclosureTemplate fromPath(Path file, Channel channel, Format format, ClauseCatalog catalog) {
        Objects.requireNonNull(file, "file");
        String name = String.valueOf(file.getFileName());
        try {
            if (Files.size(file) > 4L * MAX_SOURCE_CHARS) {
                throw new DisclosureException.TemplateRejected(name, null, "file is larger than the limit", null);
            }
            return of(name, channel, format, utf8(name, Files.readAllBytes(file)), catalog);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read template " + file, e);
        }
    }

    /**
     * Loads a UTF-8 template from the class path.
     *
     * @param resource the resource path, for example {@code agency/templates/share.txt.mustache}
     * @param loader the class loader to search
     * @param channel the channel it renders
     * @param format {@link Format#TEXT} or {@link Format#HTML}
     * @param catalog the clauses it will render
     * @return the checked template
     * @throws DisclosureException.TemplateRejected as {@link #of(String, Channel, Format, String, ClauseCatalog)},
     *     or when the resource does not exist or is not UTF-8
     */
    public static DisclosureTemplate fromClasspath(String resource, ClassLoader loader, Channel channel,
            Format format, ClauseCatalog catalog) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(loader, "loader");
        byte[] bytes = readResource(loader, resource);
        if (bytes == null) {
            throw new DisclosureException.TemplateRejected(resource, null, "no such class path resource", null);
        }
        return of(resource, channel, format, utf8(resource, bytes), catalog);
    }

    static byte[] readResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readNBytes(4 * MAX_SOURCE_CHARS + 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read template " + resource, e);
        }
    }

    static String utf8(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DisclosureException.TemplateRejected(name, null, "not valid UTF-8", e);
        }
    }

    /** {@return the name the template was loaded under} */
    public String name() {
        return name;
    }

    /** {@return the channel it renders} */
    public Channel channel() {
        return channel;
    }

    /** {@return {@link Format#TEXT} or {@link Format#HTML}} */
    public Format format() {
        return format;
    }

    /** {@return the catalogue it was checked against} */
    public ClauseCatalog catalog() {
        return catalog;
    }

    /**
     * Executes the template. The caller (the renderer) runs the clause check on the result.
     *
     * @throws DisclosureException.RenderCheckFailed when a variable has no value
     */
    String execute(Map<String, Object> view) {
        try {
            return compiled.execute(view);
        } catch (MustacheException e) {
            throw new DisclosureException.RenderCheckFailed("template '" + name + "' failed to render: "
                    + e.getMessage(), null);
        }
    }

    private void probe() {
        Map<String, Object> view = switch (channel) {
            case SHARE_EMAIL -> Views.share(ProbeSamples.share(), catalog.mandatoryFor(channel.kind()));
            case MEETING_INVITATION, MEETING_NOTICE -> Views.meeting(ProbeSamples.meeting(),
                    catalog.mandatoryFor(channel.kind()));
            case BRIEFING_SUMMARY -> Views.briefing(ProbeSamples.briefing(), catalog.mandatoryFor(channel.kind()));
            case SHARE_AMENDMENT -> Views.amendment(ProbeSamples.amendment(), catalog.mandatoryFor(channel.kind()));
        };
        String out;
        try {
            out = compiled.execute(view);
        } catch (MustacheException e) {
            throw new DisclosureException.TemplateRejected(name, null, "probe render of sample data failed: "
                    + e.getMessage(), e);
        }
        DisclosureReport report = DisclosureVerifier.forCatalog(catalog).verifyRendered(
                new RenderedMessage(channel.kind(), format, catalog.locale(), "probe", out,
                        catalog.mandatoryFor(channel.kind())));
        if (!report.allPresent()) {
            ClauseResult first = report.problems().get(0);
            throw new DisclosureException.TemplateRejected(name, first.id(), "mandatory clause '" + first.id()
                    + "' v" + first.version() + " is " + first.state() + " in the probe render: "
                    + first.detail().orElse(""), null);
        }
    }

    static Mustache.Compiler compiler(Format format) {
        return Mustache.compiler()
                .strictSections(true)
                .standardsMode(false)
                .emptyStringIsFalse(false)
                .withEscaper(format == Format.HTML ? Escaping.HTML : Escaping.TEXT);
    }

    static Mustache.Compiler subjectCompiler() {
        return Mustache.compiler().strictSections(true).withEscaper(Escaping.HEADER);
    }

    private static Set<String> variables(Template template, boolean descend) {
        Set<String> names = new LinkedHashSet<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {}

            @Override
            public void visitVariable(String varName) {
                names.add(varName);
            }

            @Override
            public boolean visitInclude(String partial) {
                return false;
            }

            @Override
            public boolean visitParent(String parent) {
                return false;
            }

            @Override
            public boolean visitBlock(String block) {
                return descend;
            }

            @Override
            public boolean visitSection(String section) {
                return descend;
            }

            @Override
            public boolean visitInvertedSection(String section) {
                return descend;
            }
        });
        return names;
    }

    private static int lineOf(String source, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    @Override
    public String toString() {
        return "DisclosureTemplate[" + name + ", " + channel + ", " + format + ", "
                + catalog.locale().toLanguageTag() + "]";
    }

    static List<Format> bodyFormats() {
        return List.of(Format.TEXT, Format.HTML);
    }
}
