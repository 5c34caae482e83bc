package org.fmishare.disclosure;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fmishare.core.FmiShareException;

/**
 * Root of the failures of the disclosure module. Each subtype names what failed: the template and the clause, the
 * locale and the missing translation, or the clauses a verified message lacks.
 *
 * <p>{@link TemplateRejected}, {@link RenderCheckFailed} and {@link DisclosuresMissing} reject the caller's input
 * (a template, the data rendered into it, a received message); {@link MissingTranslation} and
 * {@link CatalogCorrupt} report configuration or packaging faults.
 */
public abstract sealed class DisclosureException extends FmiShareException
        permits DisclosureException.TemplateRejected, DisclosureException.RenderCheckFailed,
        DisclosureException.MissingTranslation, DisclosureException.DisclosuresMissing,
        DisclosureException.CatalogCorrupt {
    private static final long serialVersionUID = 1L;

    DisclosureException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    /**
     * A template was refused when loaded: it is not valid Mustache, uses a construct that could bypass escaping
     * or inject other templates, or does not render a mandatory clause unconditionally.
     */
    public static final class TemplateRejected extends DisclosureException {
        private static final long serialVersionUID = 1L;
        private final String templateName;
        private final String clauseId;

        TemplateRejected(String templateName, String clauseId, String message, Throwable cause) {
            super(Kind.INPUT_REJECTED, "template '" + templateName + "' rejected: " + message, cause);
            this.templateName = Objects.requireNonNull(templateName, "templateName");
            this.clauseId = clauseId;
        }

        /** {@return the name the template was loaded under} */
        public String templateName() {
            return templateName;
        }

        /** {@return the mandatory clause the template fails to render, when that is the reason} */
        public java.util.Optional<String> clauseId() {
            return java.util.Optional.ofNullable(clauseId);
        }
    }

    /**
     * A render completed but its output did not pass the post-render check: a mandatory clause's exact text is
     * not present as a standalone passage, or the data could not be rendered (for example a subject line that is
     * too long).
     */
    public static final class RenderCheckFailed extends DisclosureException {
        private static final long serialVersionUID = 1L;
        private final transient DisclosureReport report;

        RenderCheckFailed(String message, DisclosureReport report) {
            super(Kind.INPUT_REJECTED, message, null);
            this.report = report;
        }

        /** {@return the verifier's report on the rejected output, when the clause check was the reason} */
        public java.util.Optional<DisclosureReport> report() {
            return java.util.Optional.ofNullable(report);
        }
    }

    /**
     * No translation exists for a locale: the clause catalogue, one of its clauses at the required version, or a
     * built-in template. Never answered by silently falling back to another language or dropping the clause.
     */
    public static final class MissingTranslation extends DisclosureException {
        private static final long serialVersionUID = 1L;
        private final Locale locale;
        private final String item;

        MissingTranslation(Locale locale, String item, String message) {
            super(Kind.PROCESSING_FAILED, "missing translation for locale '" + locale.toLanguageTag() + "': "
                    + message, null);
            this.locale = locale;
            this.item = item;
        }

        /** {@return the locale asked for} */
        public Locale locale() {
            return locale;
        }

        /** {@return what is missing: a clause id, a template name or {@code catalogue}} */
        public String item() {
            return item;
        }
    }

    /** A verified message lacks, or alters, mandatory clauses; thrown by {@link DisclosureReport#requireAllPresent()}. */
    public static final class DisclosuresMissing extends DisclosureException {
        private static final long serialVersionUID = 1L;
        private final transient DisclosureReport report;

        DisclosuresMissing(DisclosureReport report) {
            super(Kind.INPUT_REJECTED, describe(report), null);
            this.report = report;
        }

        /** {@return the report, listing every problem} */
        public DisclosureReport report() {
            return report;
        }

        private static String describe(DisclosureReport report) {
            List<String> parts = report.problems().stream()
                    .map(r -> r.id() + " v" + r.version() + " " + r.state()).toList();
            return report.kind() + " message fails the mandatory disclosures: " + String.join(", ", parts);
        }
    }

    /** A packaged clause catalogue or template is unreadable or inconsistent: a build or packaging fault. */
    public static final class CatalogCorrupt extends DisclosureException {
        private static final long serialVersionUID = 1L;

        CatalogCorrupt(String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, message, cause);
        }
    }
}
