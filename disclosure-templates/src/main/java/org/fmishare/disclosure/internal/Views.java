package org.fmishare.disclosure.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.model.AmendmentKind;
import org.fmishare.core.model.Attendee;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Fact;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.SocialMediaCompany;
import org.fmishare.core.model.ThreatShare;

/**
 * Builds the values templates see: plain maps and lists of strings, never model objects, so the variable
 * vocabulary of a template is fixed and documented (see {@code DisclosureTemplate}) and no template can reach a
 * method of the model. Optional values are lists of zero or one string, so a template shows them with a section
 * and strict-section mode still catches misspelt names.
 *
 * <p>Design note: every value is a {@link String}; the escaper of the output format sees each one exactly once,
 * and JMustache never parses a value as template text, so user data such as {@code {{x}}} stays inert.
 */
public final class Views {
    private Views() {}

    /**
     * @param share the share
     * @param clauses the mandatory clauses
     * @return the template context
     */
    public static Map<String, Object> share(ThreatShare share, List<Disclosure> clauses) {
        Map<String, Object> v = base(clauses);
        v.put("share", map("id", share.id(), "createdAt", share.createdAt().toString(),
                "handling", share.handling().label(), "narrative", share.narrative(), "ruleSetId", share.ruleSetId()));
        v.put("sender", map("name", share.sendingOffice().name()));
        v.put("recipient", company(share.recipient()));
        v.put("actor", map("name", share.actor().name(), "kind", words(share.actor().kind().name()),
                "country", share.actor().attributedCountry().value()));
        v.put("operation", map("name", share.operation().name()));
        v.put("election", opt(share.electionNexus().map(e -> e.name() + " (" + e.electionDate() + ")")));
        List<Object> accounts = new ArrayList<>();
        for (PlatformAccount a : share.accounts()) {
            accounts.add(map("ref", a.ref(), "platform", a.platform(), "accountId", a.accountId(),
                    "handle", opt(a.handle()), "url", opt(a.url().map(Object::toString)),
                    "firstObserved", a.firstObserved().toString(), "lastObserved", a.lastObserved().toString()));
        }
        v.put("accounts", accounts);
        v.put("accountCount", String.valueOf(share.accounts().size()));
        List<Object> facts = new ArrayList<>();
        for (Fact f : share.facts()) {
            facts.add(map("id", f.id(), "statement", f.statement(), "kind", words(f.kind().name()),
                    "grade", f.reliability().name() + f.credibility().grade()));
        }
        v.put("facts", facts);
        v.put("assessment", map("level", words(share.assessment().level().name()),
                "rationale", share.assessment().rationale()));
        return v;
    }

    /**
     * @param amendment the correction or retraction
     * @param clauses the mandatory clauses
     * @return the template context: the amendment, and for a correction the corrected share under {@code corrected}
     */
    public static Map<String, Object> amendment(ShareAmendment amendment, List<Disclosure> clauses) {
        Map<String, Object> v = base(clauses);
        boolean correction = amendment.kind() == AmendmentKind.CORRECTION;
        v.put("amendment", map("id", amendment.id(), "shareId", amendment.shareId(),
                "createdAt", amendment.createdAt().toString(), "handling", amendment.handling().label(),
                "kind", words(amendment.kind().name()), "reason", amendment.reason()));
        v.put("sender", map("name", amendment.sendingOffice().name()));
        v.put("recipient", company(amendment.recipient()));
        v.put("correction", correction ? List.of(Boolean.TRUE) : List.of());
        v.put("retraction", correction ? List.of() : List.of(Boolean.TRUE));
        v.put("corrected", amendment.correctedShare().map(s -> List.<Object>of(share(s, clauses)))
                .orElse(List.of()));
        return v;
    }

    /**
     * @param meeting the meeting
     * @param clauses the mandatory clauses
     * @return the template context
     */
    public static Map<String, Object> meeting(Meeting meeting, List<Disclosure> clauses) {
        Map<String, Object> v = base(clauses);
        v.put("meeting", map("id", meeting.id(), "scheduledAt", meeting.scheduledAt().toString(),
                "kind", words(meeting.kind().name()), "leadingOffice", meeting.leadingOffice().name(),
                "fitfRole", words(meeting.fitf().role().name())));
        v.put("companies", meeting.companies().stream().map(Views::company).toList());
        v.put("trigger", opt(meeting.triggerDetail()));
        v.put("attendees", attendees(meeting.attendees()));
        v.put("agenda", List.copyOf(meeting.agenda()));
        return v;
    }

    /**
     * @param briefing the briefing
     * @param clauses the mandatory clauses
     * @return the template context
     */
    public static Map<String, Object> briefing(Briefing briefing, List<Disclosure> clauses) {
        Map<String, Object> v = base(clauses);
        v.put("briefing", map("id", briefing.id(), "heldAt", briefing.heldAt().toString(),
                "hostAgency", briefing.hostAgency(), "summary", briefing.summary()));
        v.put("company", company(briefing.briefingCompany()));
        v.put("audiences", briefing.audiences().stream().map(a -> (Object) a.name()).toList());
        v.put("briefers", attendees(briefing.briefers()));
        v.put("topics", briefing.topics().stream().map(t -> (Object) words(t.name())).toList());
        return v;
    }

    private static Map<String, Object> base(List<Disclosure> clauses) {
        Map<String, Object> v = new LinkedHashMap<>();
        Map<String, Object> byId = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        for (Disclosure d : clauses) {
            byId.put(d.id(), d.text());
            list.add(map("id", d.id(), "version", String.valueOf(d.version()), "text", d.text(),
                    "digest", d.digest()));
        }
        v.put("clause", byId);
        v.put("disclosures", list);
        return v;
    }

    private static Map<String, Object> company(SocialMediaCompany c) {
        return map("name", c.name(), "platforms", String.join(", ", c.platforms()));
    }

    private static List<Object> attendees(List<Attendee> attendees) {
        return attendees.stream().map(a -> (Object) map("name", a.name(), "organisation", a.organisation(),
                "role", a.role())).toList();
    }

    private static List<Object> opt(Optional<String> value) {
        return value.<List<Object>>map(List::of).orElse(List.of());
    }

    /** FALSE_PERSONAS -> "false personas": enum names read as words, independent of the default locale. */
    private static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
