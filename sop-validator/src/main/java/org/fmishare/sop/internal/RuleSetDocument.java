package org.fmishare.sop.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.model.BriefingTopic;
import org.fmishare.core.model.ConfidenceLevel;
import org.fmishare.core.model.CountryCode;
import org.fmishare.core.model.InformationCredibility;
import org.fmishare.core.model.SourceReliability;
import org.fmishare.sop.Severity;

/**
 * The JSON form of a rule set, bound by Jackson and checked by Hibernate Validator before a
 * {@link org.fmishare.sop.RuleSet} is built from it.
 *
 * <p>Design note: the records do no checking of their own (Jackson must be able to build a broken document so that
 * every violation can be reported with its JSON path); {@link RuleSetLoader} runs the constraints and the
 * cross-field rules. Not API.
 *
 * @param id rule set id, for example {@code sop-2024-02}
 * @param version semantic version of this document
 * @param title human title
 * @param source where the rules come from, for audit
 * @param effectiveFrom first day in force (inclusive, UTC)
 * @param effectiveUntil first day no longer in force (exclusive, UTC), if superseded
 * @param changes what this version changed from the one before and since when it applies; absent in a first version
 * @param rules the built-in rules in force, in evaluation order, with their citations
 * @param facts thresholds for facts
 * @param confidence minimum confidence
 * @param foreignNexus covered countries and how an uncovered one weighs
 * @param covert what the covert basis must carry
 * @param operation what the operation's objective must carry
 * @param usPersons how the First Amendment guard weighs U.S.-person indications
 * @param disclosures the mandatory disclosure clause ids
 * @param briefings the topics a briefing may cover
 * @param coercion the coercion lexicon
 */
public record RuleSetDocument(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,63}") String id,
        @NotNull @Pattern(regexp = "[0-9]+\\.[0-9]+\\.[0-9]+") String version,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 1000) String source,
        @NotNull LocalDate effectiveFrom,
        @NotNull Optional<LocalDate> effectiveUntil,
        @NotNull Optional<@Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 2000) String> changes,
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid RuleEntry> rules,
        @NotNull @Valid Facts facts,
        @NotNull @Valid Confidence confidence,
        @NotNull @Valid ForeignNexus foreignNexus,
        @NotNull @Valid Covert covert,
        @NotNull @Valid Operation operation,
        @NotNull @Valid UsPersons usPersons,
        @NotNull @Valid Disclosures disclosures,
        @NotNull @Valid Briefings briefings,
        @NotNull @Valid CoercionLexicon coercion) {

    /**
     * Text with a non-space character. A pattern rather than {@code @NotBlank}, because the validator hands an
     * absent optional's value to the constraint as null, which {@code @NotBlank} would reject.
     */
    public static final String NOT_BLANK = "(?s).*\\S.*";

    /** Normalises absent optionals. */
    public RuleSetDocument {
        effectiveUntil = effectiveUntil == null ? Optional.empty() : effectiveUntil;
        changes = changes == null ? Optional.empty() : changes;
    }

    /**
     * One rule in force.
     *
     * @param id the rule id
     * @param citation the verbatim sentence it enforces
     */
    public record RuleEntry(
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9]*(-[A-Z0-9]+){1,7}") String id,
            @NotBlank @Size(max = 2000) String citation) {}

    /**
     * Fact thresholds.
     *
     * @param minimumCount at least this many facts
     * @param minimumReliability each fact's source at least this reliable
     * @param minimumCredibility each fact at least this credible
     * @param minimumStatementWords a statement with fewer words is vague
     * @param requireActivityDate a fact without an activity date is vague (no "when")
     */
    public record Facts(
            @Min(1) @Max(100) int minimumCount,
            @NotNull SourceReliability minimumReliability,
            @NotNull InformationCredibility minimumCredibility,
            @Min(1) @Max(100) int minimumStatementWords,
            boolean requireActivityDate) {}

    /**
     * Confidence threshold.
     *
     * @param minimumLevel the lowest acceptable level
     */
    public record Confidence(@NotNull ConfidenceLevel minimumLevel) {}

    /**
     * Foreign nexus.
     *
     * @param coveredCountries ISO 3166-1 alpha-2 codes of the covered foreign countries
     * @param coveredCountriesBasis where the list comes from
     * @param uncoveredCountrySeverity how an actor attributed to an uncovered country weighs
     * @param minimumLinkStatementWords a proxy link statement with fewer words is not stated
     */
    public record ForeignNexus(
            @NotNull @Size(min = 1, max = 250) List<@NotNull CountryCode> coveredCountries,
            @NotBlank @Size(max = 1000) String coveredCountriesBasis,
            @NotNull Severity uncoveredCountrySeverity,
            @Min(1) @Max(100) int minimumLinkStatementWords) {}

    /**
     * Covert basis.
     *
     * @param requireIndicator at least one indicator must be named
     * @param minimumStatementWords a shorter statement is not stated
     */
    public record Covert(boolean requireIndicator, @Min(1) @Max(100) int minimumStatementWords) {}

    /**
     * Operation.
     *
     * @param minimumObjectiveWords an objective with fewer words is not stated
     * @param placeholderObjectives objectives that state nothing, compared case-insensitively
     */
    public record Operation(
            @Min(1) @Max(100) int minimumObjectiveWords,
            @NotNull @Size(max = 100) List<@NotBlank String> placeholderObjectives) {}

    /**
     * First Amendment guard.
     *
     * @param possibleUsPersonSeverity weight of a possible U.S. person without facts of foreign direction
     * @param knownUsPersonSeverity weight of a known U.S. person without facts of foreign direction
     */
    public record UsPersons(@NotNull Severity possibleUsPersonSeverity, @NotNull Severity knownUsPersonSeverity) {}

    /**
     * Mandatory disclosures.
     *
     * @param threatShare clause ids a prong-1 share's rendered message must carry, unaltered
     */
    public record Disclosures(
            @NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,63}") String> threatShare) {}

    /**
     * Briefing content.
     *
     * @param allowedTopics topics within the limit
     * @param otherTopicSeverity weight of any other topic
     */
    public record Briefings(
            @NotNull @Size(min = 1, max = 16) List<@NotNull BriefingTopic> allowedTopics,
            @NotNull Severity otherTopicSeverity) {}

    /**
     * The coercion linter's lexicon. Phrases are lower-case words separated by single spaces; {@code *} stands for
     * a gap of up to three words.
     *
     * @param actions content actions, each with its forms
     * @param frames directive frames, grouped by strength and position
     * @param negators words that cancel a frame they precede (within the negation window)
     * @param disclaimers phrases that leave the decision to the company; they soften a SOFT frame to REVIEW
     * @param benignPhrases phrases removed before analysis ("please note", "restricted to")
     * @param imperativeLeads words that may precede an imperative verb at clause start ("please", "also")
     * @param negationWindow how many words before a frame a negator may stand
     */
    public record CoercionLexicon(
            @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid ActionEntry> actions,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid FrameGroup> frames,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Pattern(regexp = PHRASE) String> negators,
            @NotNull @Size(max = 500) List<@NotNull @Pattern(regexp = PHRASE) String> disclaimers,
            @NotNull @Size(max = 500) List<@NotNull @Pattern(regexp = PHRASE) String> benignPhrases,
            @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = PHRASE) String> imperativeLeads,
            @Min(1) @Max(20) int negationWindow) {
        /** A phrase: lower-case words (letters, digits, hyphen, apostrophe) or {@code *}, single-spaced. */
        public static final String PHRASE = "([a-z0-9'-]+|\\*)( ([a-z0-9'-]+|\\*)){0,9}";
    }

    /**
     * One content action.
     *
     * @param lemma the base (imperative) form, for example {@code take * down}
     * @param forms every other form: inflections, passives, nouns
     */
    public record ActionEntry(
            @NotNull @Pattern(regexp = CoercionLexicon.PHRASE) String lemma,
            @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = CoercionLexicon.PHRASE) String> forms) {}

    /**
     * Directive frames that share a strength and a position relative to the action.
     *
     * @param strength EXPLICIT (always a directive) or SOFT (a suggestion; REVIEW when the sentence disclaims)
     * @param position BEFORE: the action must follow within {@code window} words; AFTER: it must precede within
     *     {@code window} words; SENTENCE: anywhere in the sentence (deadlines, threats)
     * @param window distance in words for BEFORE and AFTER
     * @param phrases the frames
     */
    public record FrameGroup(
            @NotNull @Pattern(regexp = "EXPLICIT|SOFT") String strength,
            @NotNull @Pattern(regexp = "BEFORE|AFTER|SENTENCE") String position,
            @Min(1) @Max(30) int window,
            @NotNull @NotEmpty @Size(max = 500) List<@NotNull @Pattern(regexp = CoercionLexicon.PHRASE) String> phrases) {}
}
