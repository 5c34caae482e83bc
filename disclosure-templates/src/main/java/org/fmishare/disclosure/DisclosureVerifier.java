package org.fmishare.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.disclosure.internal.ClauseMatcher;
import org.fmishare.disclosure.internal.HtmlText;

/**
 * Receiver-side check that a message carries every mandatory disclosure clause of its kind, unaltered.
 *
 * <p>Two inputs are supported: the rendered message a person reads (plain text or HTML) and the machine-readable
 * {@code disclosures} array carried in the signed envelope. Both yield a {@link DisclosureReport} naming each
 * mandatory clause by id, version and expected digest with its {@link ClauseState}.
 *
 * <p><b>What counts as present.</b> Matching uses {@link Disclosure#normalise(String)}: Unicode NFC, every run of
 * whitespace folded to one space, ends trimmed. Whitespace reflow (line wrapping, CRLF versus LF, indentation) is
 * therefore deliberately tolerated; every other change, including a single substituted, inserted or deleted
 * character, makes the clause {@link ClauseState#ALTERED}. A clause must stand apart from the text around it
 * (whitespace, a tag or the message boundary on both sides). HTML is reduced to its visible text first: tags are
 * removed, character references decoded, and comments, {@code head}, {@code script}, {@code style},
 * {@code template}, {@code noscript} and {@code title} content ignored.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DisclosureVerifier {
    private static final DisclosureVerifier STANDARD = new DisclosureVerifier(ClauseCatalog.english());

    private final ClauseCatalog catalog;

    private DisclosureVerifier(ClauseCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The verifier for the built-in English catalogue.
     *
     * @return the shared standard verifier
     */
    public static DisclosureVerifier standard() {
        return STANDARD;
    }

    /**
     * A verifier expecting the clauses of a given catalogue (for example another locale's).
     *
     * @param catalog the catalogue
     * @return the verifier
     */
    public static DisclosureVerifier forCatalog(ClauseCatalog catalog) {
        return new DisclosureVerifier(Objects.requireNonNull(catalog, "catalog"));
    }

    /** {@return the catalogue this verifier checks against} */
    public ClauseCatalog catalog() {
        return catalog;
    }

    /**
     * Verifies a rendered message. A message starting (after whitespace) with a doctype or an element tag is read
     * as HTML; anything else as plain text.
     *
     * @param renderedMessage the message body as received
     * @param kind the kind of message it claims to be
     * @return one result per mandatory clause of {@code kind}
     */
    public DisclosureReport verifyRendered(String renderedMessage, MessageKind kind) {
        Objects.requireNonNull(renderedMessage, "renderedMessage");
        Objects.requireNonNull(kind, "kind");
        boolean html = HtmlText.looksLikeHtml(renderedMessage);
        return verifyText(html ? HtmlText.visibleText(renderedMessage) : renderedMessage, kind);
    }

    /**
     * Verifies a rendered message whose format is known, without guessing it from the content.
     *
     * @param message a message from {@link DisclosureRenderer}
     * @return one result per mandatory clause of the message's kind; for {@link Format#JSON}, the check of its
     *     {@code disclosures} array
     */
    public DisclosureReport verifyRendered(RenderedMessage message) {
        Objects.requireNonNull(message, "message");
        return switch (message.format()) {
            case TEXT -> verifyText(message.body(), message.kind());
            case HTML -> verifyText(HtmlText.visibleText(message.body()), message.kind());
            case JSON -> verifyMachineReadable(DisclosureJson.read(message.body()), message.kind());
        };
    }

    /**
     * Verifies the machine-readable {@code disclosures} array: each mandatory clause must appear exactly once with
     * the expected version and digest.
     *
     * @param disclosures the array as received (each entry's digest already matches its own text, which
     *     {@link Disclosure}'s constructor guarantees)
     * @param kind the kind of message it claims to be
     * @return one result per mandatory clause of {@code kind}
     */
    public DisclosureReport verifyMachineReadable(List<Disclosure> disclosures, MessageKind kind) {
        Objects.requireNonNull(disclosures, "disclosures");
        Objects.requireNonNull(kind, "kind");
        List<ClauseResult> results = new ArrayList<>();
        for (Disclosure expected : catalog.mandatoryFor(kind)) {
            List<Disclosure> same = disclosures.stream()
                    .filter(d -> Objects.requireNonNull(d, "disclosures element").id().equals(expected.id()))
                    .toList();
            ClauseState state;
            String detail = null;
            if (same.isEmpty()) {
                state = ClauseState.MISSING;
                detail = "no entry has id '" + expected.id() + "'";
            } else if (same.size() > 1) {
                state = ClauseState.ALTERED;
                detail = "id '" + expected.id() + "' appears " + same.size() + " times";
            } else {
                Disclosure got = same.get(0);
                if (got.version() != expected.version()) {
                    state = ClauseState.ALTERED;
                    detail = "version " + got.version() + " where version " + expected.version() + " is required";
                } else if (!got.digest().equals(expected.digest())) {
                    state = ClauseState.ALTERED;
                    detail = "text differs from the canonical text (digest " + got.digest() + ")";
                } else {
                    state = ClauseState.PRESENT;
                }
            }
            results.add(new ClauseResult(expected.id(), expected.version(), expected.digest(), state,
                    Optional.ofNullable(detail)));
        }
        return new DisclosureReport(kind, results);
    }

    private DisclosureReport verifyText(String text, MessageKind kind) {
        String normalised = Disclosure.normalise(text);
        List<ClauseResult> results = new ArrayList<>();
        for (Disclosure clause : catalog.mandatoryFor(kind)) {
            results.add(ClauseMatcher.find(normalised, clause));
        }
        return new DisclosureReport(kind, results);
    }
}
