package org.fmishare.sop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.erdtman.jcs.JsonCanonicalizer;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.model.CoveredCountries;
import org.fmishare.sop.internal.BuiltInRules;
import org.fmishare.sop.internal.CoercionLinter;
import org.fmishare.sop.internal.RuleSetDocument;
import org.fmishare.sop.internal.RuleSetLoader;

/**
 * One version of the SOP as data: which rules are in force (each with the sentence of the principles it
 * enforces), the thresholds for facts and confidence, the covered-country list, the coercion lexicon, the
 * mandatory disclosure clause ids and the dates it is in force. An agency adopts an updated SOP by loading a new
 * document, without a code change.
 *
 * <p>The document format is described in the module README; the bundled February 2024 set
 * ({@link #sop2024February()}) is the reference example. Loading is strict: unknown fields, duplicate keys, wrong
 * types, out-of-range thresholds, unknown rule ids and malformed lexicon phrases are rejected with an
 * {@link InvalidRuleSetException} naming the JSON path.
 *
 * <p><b>Versions.</b> A rule set is identified by its id and its {@link #version()} (three dot-separated numbers,
 * ordered numerically: 1.10.0 comes after 1.9.0). A published version is never edited: envelopes name the version
 * they were checked under, and a receiver re-checks them under exactly that document, so a change is a new
 * version (a new document whose {@code changes} says what changed and since when it applies), and the old one is
 * kept for as long as envelopes that name it exist. The bundled {@code sop-2024-02} comes in two versions:
 * {@link #SOP_2024_02_RESOURCE 1.0.0} and {@link #SOP_2024_02_1_1_0_RESOURCE 1.1.0}.
 *
 * <p>Immutable and thread-safe. {@link #digest()} identifies the exact document, for audit.
 */
public final class RuleSet {
    /** Classpath location of the bundled February 2024 rule set, version 1.0.0, as first published. */
    public static final String SOP_2024_02_RESOURCE = "/org/fmishare/sop/rulesets/sop-2024-02.json";

    /** Classpath location of version 1.1.0 of the bundled February 2024 rule set, which adds the amendment rules. */
    public static final String SOP_2024_02_1_1_0_RESOURCE = "/org/fmishare/sop/rulesets/sop-2024-02-1.1.0.json";

    private static final class Bundled {
        static final List<RuleSet> SOP_2024_02 = List.of(loadResource(SOP_2024_02_RESOURCE),
                loadResource(SOP_2024_02_1_1_0_RESOURCE));
    }

    private final RuleSetDocument document;
    private final CoercionLinter linter;
    private final Map<String, String> citations;
    private final String digest;
    private final String source;

    private RuleSet(RuleSetDocument document, String digest, String source) {
        this.document = document;
        this.source = source;
        this.linter = new CoercionLinter(document.coercion());
        Map<String, String> c = new LinkedHashMap<>();
        document.rules().forEach(r -> c.put(r.id(), r.citation()));
        this.citations = java.util.Collections.unmodifiableMap(c);
        this.digest = digest;
    }

    /**
     * The February 2024 SOP as this SDK reads the Department's published summary, bundled with the module: its
     * latest version (1.1.0). Use {@link #sop2024FebruaryVersions()} or {@link RuleSets#find(String, String)} for a
     * particular version.
     *
     * @return the latest bundled version of {@code sop-2024-02}
     */
    public static RuleSet sop2024February() {
        return Bundled.SOP_2024_02.get(Bundled.SOP_2024_02.size() - 1);
    }

    /** {@return every bundled version of {@code sop-2024-02}, oldest first: 1.0.0 and 1.1.0} */
    public static List<RuleSet> sop2024FebruaryVersions() {
        return Bundled.SOP_2024_02;
    }

    /**
     * Loads a rule set document from a file.
     *
     * @param file the JSON document
     * @return the rule set
     * @throws InvalidRuleSetException when the document is rejected, naming the JSON path
     * @throws RuleSetIoException when the file cannot be read
     */
    public static RuleSet load(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RuleSetIoException("cannot read rule set " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }

    /**
     * Parses a rule set document.
     *
     * @param json UTF-8 JSON
     * @param sourceName a name for error messages, such as the file name
     * @return the rule set
     * @throws InvalidRuleSetException when the document is rejected, naming the JSON path
     */
    public static RuleSet parse(byte[] json, String sourceName) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(sourceName, "sourceName");
        RuleSetDocument doc = RuleSetLoader.load(json, sourceName, BuiltInRules.IDS);
        return new RuleSet(doc, digestOf(json, sourceName), sourceName);
    }

    private static RuleSet loadResource(String resource) {
        try (InputStream in = RuleSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RuleSetIoException("bundled rule set " + resource + " is missing from the jar", null);
            }
            return parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new RuleSetIoException("cannot read bundled rule set " + resource, e);
        }
    }

    private static String digestOf(byte[] json, String source) {
        try {
            String canonical = new JsonCanonicalizer(new String(json, StandardCharsets.UTF_8)).getEncodedString();
            return Digests.sha256(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The document already parsed strictly, so this is an inconsistency between the two parsers.
            throw new InvalidRuleSetException(source, "$", "cannot canonicalise: " + e.getMessage(), e);
        }
    }

    /** {@return the rule set's id, for example {@code sop-2024-02}} */
    public String id() {
        return document.id();
    }

    /** {@return the document's version, for example {@code 1.0.0}} */
    public String version() {
        return document.version();
    }

    /**
     * Orders two versions numerically, part by part ({@code 1.9.0 < 1.10.0 < 2.0.0}). Versions are three
     * dot-separated numbers (the loader enforces it), so this is the whole of semantic-version precedence that a
     * rule set document can express; it is written here rather than taken from a library because there are no
     * pre-release or build parts to order.
     *
     * @param a a version such as {@code 1.0.0}
     * @param b another
     * @return negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}
     * @throws IllegalArgumentException when either is not three dot-separated numbers
     */
    public static int compareVersions(String a, String b) {
        String[] x = versionParts(a);
        String[] y = versionParts(b);
        for (int i = 0; i < 3; i++) {
            // Compare as unbounded numbers without parsing: strip leading zeros, then the longer is larger.
            String p = x[i].replaceFirst("^0+(?=.)", "");
            String q = y[i].replaceFirst("^0+(?=.)", "");
            int c = p.length() != q.length() ? Integer.compare(p.length(), q.length()) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String[] versionParts(String v) {
        Objects.requireNonNull(v, "version");
        if (!v.matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
            throw new IllegalArgumentException("version must be three dot-separated numbers such as 1.0.0, was '"
                    + v + "'");
        }
        return v.split("\\.");
    }

    /** {@return where the document was read from (a file name or classpath resource), for messages} */
    public String source() {
        return source;
    }

    /**
     * {@return what this version changed from the one before and since when it applies; empty for a first version}
     */
    public Optional<String> changes() {
        return document.changes();
    }

    /** {@return the human title} */
    public String title() {
        return document.title();
    }

    /** {@return the first day the rule set is in force (UTC)} */
    public LocalDate effectiveFrom() {
        return document.effectiveFrom();
    }

    /** {@return the first day it is no longer in force (UTC), if it has been superseded} */
    public Optional<LocalDate> effectiveUntil() {
        return document.effectiveUntil();
    }

    /**
     * Whether the rule set is in force on a day.
     *
     * @param day the day (UTC)
     * @return true when {@code effectiveFrom <= day < effectiveUntil}
     */
    public boolean inForceOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return !day.isBefore(effectiveFrom()) && effectiveUntil().map(day::isBefore).orElse(true);
    }

    /** {@return the ids of the built-in rules in force, in evaluation order} */
    public List<String> ruleIds() {
        return List.copyOf(citations.keySet());
    }

    /**
     * The sentence of the principles a built-in rule enforces, as the document quotes it.
     *
     * @param ruleId a rule id
     * @return the citation, empty when the rule is not in force in this set
     */
    public Optional<String> citation(String ruleId) {
        return Optional.ofNullable(citations.get(Objects.requireNonNull(ruleId, "ruleId")));
    }

    /** {@return the covered foreign countries this rule set uses for the foreign-nexus rule} */
    public CoveredCountries coveredCountries() {
        return new CoveredCountries(document.foreignNexus().coveredCountries(),
                document.foreignNexus().coveredCountriesBasis());
    }

    /** {@return the mandatory disclosure clause ids a prong-1 share's rendered message must carry} */
    public List<String> requiredShareDisclosures() {
        return document.disclosures().threatShare();
    }

    /**
     * {@return {@code sha-256:} and hex over the RFC 8785 canonical form of the document, identifying it exactly}
     */
    public String digest() {
        return digest;
    }

    RuleSetDocument document() {
        return document;
    }

    CoercionLinter linter() {
        return linter;
    }

    @Override
    public String toString() {
        return id() + " " + version() + " (" + effectiveFrom() + effectiveUntil().map(u -> " to " + u).orElse(" on")
                + ")";
    }
}
