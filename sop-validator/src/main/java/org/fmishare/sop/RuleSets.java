package org.fmishare.sop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable registry of rule sets that chooses the one in force on a date. Rule sets' periods may not overlap
 * and ids may not repeat, so the choice is never ambiguous. Dates are UTC calendar days.
 *
 * <p>This is an object the caller builds and passes to {@link SopValidator.Builder#ruleSets(RuleSets)}, not a
 * global registry.
 */
public final class RuleSets {
    private static final RuleSets STANDARD = of(List.of(RuleSet.sop2024February()));

    private final List<RuleSet> sets;

    private RuleSets(List<RuleSet> sets) {
        this.sets = sets;
    }

    /** {@return the rule sets bundled with this module: the February 2024 SOP, in force from 2024-02-01} */
    public static RuleSets standard() {
        return STANDARD;
    }

    /**
     * A registry of the given rule sets.
     *
     * @param ruleSets at least one; ids distinct, periods not overlapping
     * @return the registry
     * @throws IllegalArgumentException when the list is empty, an id repeats or two periods overlap
     */
    public static RuleSets of(List<RuleSet> ruleSets) {
        Objects.requireNonNull(ruleSets, "ruleSets");
        List<RuleSet> sorted = new ArrayList<>(ruleSets);
        sorted.forEach(r -> Objects.requireNonNull(r, "ruleSets element"));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("ruleSets must hold at least one rule set");
        }
        sorted.sort(Comparator.comparing(RuleSet::effectiveFrom));
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(i).id().equals(sorted.get(j).id())) {
                    throw new IllegalArgumentException("rule set id " + sorted.get(i).id() + " appears twice");
                }
            }
            if (i + 1 < sorted.size()) {
                RuleSet a = sorted.get(i);
                RuleSet b = sorted.get(i + 1);
                if (a.effectiveUntil().map(u -> u.isAfter(b.effectiveFrom())).orElse(true)) {
                    throw new IllegalArgumentException("rule sets " + a + " and " + b + " overlap; give " + a.id()
                            + " an effectiveUntil on or before " + b.effectiveFrom());
                }
            }
        }
        return new RuleSets(List.copyOf(sorted));
    }

    /**
     * The rule set in force on a day.
     *
     * @param day the day (UTC)
     * @return the rule set
     * @throws NoRuleSetInForceException when none is
     */
    public RuleSet inForceOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        for (RuleSet r : sets) {
            if (r.inForceOn(day)) {
                return r;
            }
        }
        throw new NoRuleSetInForceException(day, "no SOP rule set is in force on " + day + " (known: " + sets
                + ")");
    }

    /**
     * The rule set in force at an instant (its UTC day).
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
     * A rule set by id.
     *
     * @param id the id, for example {@code sop-2024-02}
     * @return the rule set, if registered
     */
    public Optional<RuleSet> byId(String id) {
        Objects.requireNonNull(id, "id");
        return sets.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** {@return every registered rule set, oldest first} */
    public List<RuleSet> all() {
        return sets;
    }
}
