package org.fmishare.sop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable registry of rule sets, several versions per id: it chooses the rule set for a new subject by date
 * and finds the exact version an envelope names. Dates are UTC calendar days.
 *
 * <p>Versions of one id may be in force at the same time: a new version does not end the old one, because an
 * envelope checked under the old one must still re-check under it. For a new subject the registry chooses the
 * highest version (numerically, {@link RuleSet#compareVersions}) in force on the subject's date. Rule sets with
 * different ids may not overlap, so the choice is never ambiguous. Two documents with the same id and version
 * must be the same document: a published version is never edited.
 *
 * <p>This is an object the caller builds and passes to {@link SopValidator.Builder#ruleSets(RuleSets)} or {@link
 * SopRechecker.Builder#ruleSets(RuleSets)}, not a global registry.
 */
public final class RuleSets {
    private static final Comparator<RuleSet> ORDER = Comparator.comparing(RuleSet::effectiveFrom)
            .thenComparing(RuleSet::id).thenComparing(RuleSet::version, RuleSet::compareVersions);
    private static final RuleSets STANDARD = of(RuleSet.sop2024FebruaryVersions());

    private final List<RuleSet> sets;

    private RuleSets(List<RuleSet> sets) {
        this.sets = sets;
    }

    /**
     * {@return the rule sets bundled with this module: the February 2024 SOP in versions 1.0.0 (in force from
     * 2024-02-01) and 1.1.0 (in force from 2026-01-01, with the amendment rules)}
     */
    public static RuleSets standard() {
        return STANDARD;
    }

    /**
     * A registry of the given rule sets. A document given twice (same id, version and digest) is kept once.
     *
     * @param ruleSets at least one; rule sets with different ids must not be in force on the same day
     * @return the registry
     * @throws IllegalArgumentException when the list is empty, or rule sets with different ids overlap
     * @throws InvalidRuleSetException when two documents with the same id and version differ (a published version
     *     was edited); it names both sources and both digests
     */
    public static RuleSets of(List<RuleSet> ruleSets) {
        Objects.requireNonNull(ruleSets, "ruleSets");
        ruleSets.forEach(r -> Objects.requireNonNull(r, "ruleSets element"));
        if (ruleSets.isEmpty()) {
            throw new IllegalArgumentException("ruleSets must hold at least one rule set");
        }
        List<RuleSet> kept = new ArrayList<>();
        for (RuleSet r : ruleSets) {
            Optional<RuleSet> same = kept.stream()
                    .filter(k -> k.id().equals(r.id()) && RuleSet.compareVersions(k.version(), r.version()) == 0)
                    .findFirst();
            if (same.isEmpty()) {
                kept.add(r);
            } else if (!same.get().digest().equals(r.digest()) || !same.get().version().equals(r.version())) {
                RuleSet k = same.get();
                throw new InvalidRuleSetException(r.source(), "$.version", r.id() + " version " + r.version()
                        + " (digest " + r.digest() + ") differs from " + k.id() + " version " + k.version()
                        + " in rule set " + k.source() + " (digest " + k.digest() + "); a published version is never "
                        + "edited, so give the changed document a new version", null);
            }
        }
        kept.sort(ORDER);
        for (int i = 0; i < kept.size(); i++) {
            for (int j = i + 1; j < kept.size(); j++) {
                RuleSet a = kept.get(i);
                RuleSet b = kept.get(j);
                if (!a.id().equals(b.id()) && a.effectiveUntil().map(u -> u.isAfter(b.effectiveFrom())).orElse(true)) {
                    throw new IllegalArgumentException("rule sets " + a + " and " + b + " overlap; give " + a.id()
                            + " an effectiveUntil on or before " + b.effectiveFrom());
                }
            }
        }
        return new RuleSets(List.copyOf(kept));
    }

    /**
     * The rule set for a new subject dated {@code day}: the highest version in force that day.
     *
     * @param day the day (UTC)
     * @return the rule set
     * @throws NoRuleSetInForceException when none is
     */
    public RuleSet inForceOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return sets.stream().filter(r -> r.inForceOn(day))
                .max(Comparator.comparing(RuleSet::version, RuleSet::compareVersions))
                .orElseThrow(() -> new NoRuleSetInForceException(day, "no SOP rule set is in force on " + day
                        + " (known: " + sets + ")"));
    }

    /**
     * The rule set for a new subject dated {@code at} (its UTC day): the highest version in force then.
     *
     * @param at the instant
     * @return the rule set
     * @throws NoRuleSetInForceException when none is
     */
    public RuleSet inForceAt(Instant at) {
        Objects.requireNonNull(at, "at");
        return inForceOn(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /**
     * The exact version of a rule set, as an envelope's compliance summary names it.
     *
     * @param id the id, for example {@code sop-2024-02}
     * @param version the version, for example {@code 1.0.0}
     * @return the rule set, if registered
     */
    public Optional<RuleSet> find(String id, String version) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        return sets.stream().filter(r -> r.id().equals(id) && r.version().equals(version)).findFirst();
    }

    /**
     * The highest registered version of a rule set id (whatever the dates); use {@link #find(String, String)} for
     * an exact version and {@link #inForceOn(LocalDate)} to choose by date.
     *
     * @param id the id, for example {@code sop-2024-02}
     * @return the rule set, if any version is registered
     */
    public Optional<RuleSet> byId(String id) {
        Objects.requireNonNull(id, "id");
        return versions(id).stream().reduce((older, newer) -> newer);
    }

    /**
     * Every registered version of a rule set id.
     *
     * @param id the id
     * @return its versions, lowest first; empty when the id is unknown
     */
    public List<RuleSet> versions(String id) {
        Objects.requireNonNull(id, "id");
        return sets.stream().filter(r -> r.id().equals(id))
                .sorted(Comparator.comparing(RuleSet::version, RuleSet::compareVersions)).toList();
    }

    /** {@return every registered rule set, every version, by first day in force, then id, then version} */
    public List<RuleSet> all() {
        return sets;
    }

    /** {@return the registered rule sets as {@code id version} pairs, for messages} */
    String describe() {
        return sets.stream().map(r -> r.id() + " " + r.version()).collect(Collectors.joining(", "));
    }
}
