package org.fmishare.sop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fmishare.core.model.Fact;
import org.fmishare.core.model.IntelligenceFinding;
import org.fmishare.core.model.ParticipationState;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.SocialMediaCompany;
import org.fmishare.core.model.ThreatShare;

/**
 * Splits one {@link IntelligenceFinding} into one {@link ThreatShare} per company that hosts its accounts, as the SOP
 * shares with "the SMCs hosting the relevant platforms": each share carries only that company's accounts and the
 * facts that concern them, and each is validated and signed on its own ({@link #prepare}).
 *
 * <p>Rules. An account goes to the company whose platforms list its platform (case-insensitive); accounts on a
 * platform no listed company hosts are {@linkplain Plan#unhosted() reported}, never sent. A fact concerns a company
 * when its {@code about} references none of another company's accounts (facts about the actor alone concern every
 * company) and its statement does not name another company's account (its id, handle or reference); other facts
 * are withheld from that company and listed, so the analyst can split them. A company that has not opted in to
 * threat sharing at the finding's time is skipped and listed ({@link SkipReason#DECLINED}, {@link
 * SkipReason#NOT_OPTED_IN}), as is one whose accounts are all hosted but whose narrative names another company's
 * account ({@link SkipReason#NARRATIVE_NAMES_OTHER_ACCOUNTS}); one that hosts none of the accounts gets nothing and
 * is listed with {@link SkipReason#HOSTS_NO_ACCOUNTS}. Nothing here decides whether a share may be sent: {@link
 * #prepare} runs each through the {@link Preparer} (render, SOP validation, sign on PASS).
 *
 * <p>Stateless and thread-safe.
 */
public final class FanOut {
    private FanOut() {}

    /**
     * Plans the split without signing: the shares, the withheld facts, the skipped companies and the unhosted
     * accounts.
     *
     * @param finding the finding
     * @return the plan, shares in the order of the finding's companies
     * @throws org.fmishare.core.model.InvalidModelException if a share id {@code <findingId>-<companyId>} is too
     *     long, or a share fails the model's structural checks
     */
    public static Plan plan(IntelligenceFinding finding) {
        Objects.requireNonNull(finding, "finding");
        Map<String, String> hostByAccount = new HashMap<>();
        List<PlatformAccount> unhosted = new ArrayList<>();
        for (PlatformAccount a : finding.accounts()) {
            Optional<SocialMediaCompany> host = finding.hostOf(a.platform());
            if (host.isPresent()) {
                hostByAccount.put(a.ref(), host.get().id());
            } else {
                unhosted.add(a);
            }
        }
        List<CompanyShare> shares = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (SocialMediaCompany company : finding.companies()) {
            List<PlatformAccount> own = finding.accounts().stream()
                    .filter(a -> company.id().equals(hostByAccount.get(a.ref()))).toList();
            if (own.isEmpty()) {
                skipped.add(new Skipped(company, SkipReason.HOSTS_NO_ACCOUNTS, 0));
                continue;
            }
            if (!company.threatSharing().optedInAt(finding.createdAt())) {
                skipped.add(new Skipped(company, company.threatSharing().state() == ParticipationState.DECLINED
                        ? SkipReason.DECLINED : SkipReason.NOT_OPTED_IN, own.size()));
                continue;
            }
            List<PlatformAccount> others = finding.accounts().stream()
                    .filter(a -> !company.id().equals(hostByAccount.get(a.ref()))).toList();
            Names otherNames = new Names(others);
            if (otherNames.namedIn(finding.narrative())) {
                skipped.add(new Skipped(company, SkipReason.NARRATIVE_NAMES_OTHER_ACCOUNTS, own.size()));
                continue;
            }
            Set<String> otherRefs = others.stream().map(PlatformAccount::ref).collect(Collectors.toSet());
            List<Fact> facts = new ArrayList<>();
            List<String> withheld = new ArrayList<>();
            for (Fact f : finding.facts()) {
                boolean concernsOthers = f.about().stream().anyMatch(otherRefs::contains)
                        || otherNames.namedIn(f.statement());
                if (concernsOthers) {
                    withheld.add(f.id());
                } else {
                    facts.add(f);
                }
            }
            ThreatShare.Builder b = ThreatShare.builder().id(finding.id() + "-" + company.id())
                    .createdAt(finding.createdAt()).sendingOffice(finding.sendingOffice()).recipient(company)
                    .actor(finding.actor()).operation(finding.operation()).accounts(own).facts(facts)
                    .assessment(finding.assessment()).covertBasis(finding.covertBasis())
                    .handling(finding.handling()).narrative(finding.narrative()).ruleSetId(finding.ruleSetId());
            finding.fitfCoordination().ifPresent(b::fitfCoordination);
            finding.electionNexus().ifPresent(b::electionNexus);
            shares.add(new CompanyShare(b.build(), withheld));
        }
        return new Plan(finding.id(), shares, skipped, unhosted);
    }

    /**
     * Plans the split, then renders, validates and (on PASS) signs each company's share on its own.
     *
     * @param finding the finding
     * @param preparer the office's preparer
     * @return the plan's skipped companies and unhosted accounts, and each share's outcome
     * @throws org.fmishare.core.envelope.EnvelopeException when the signer refuses a PASS share
     */
    public static Result prepare(IntelligenceFinding finding, Preparer preparer) {
        Objects.requireNonNull(preparer, "preparer");
        Plan plan = plan(finding);
        List<Prepared> prepared = plan.shares().stream()
                .map(s -> new Prepared(s, preparer.prepare(s.share()))).toList();
        return new Result(plan, prepared);
    }

    /**
     * The ways a text can name one of a set of accounts: its {@code platform:id} reference or its handle anywhere, or
     * its account id as a whole token (so {@code 12} is not found inside {@code 2012}). Built once per company and
     * looked up by length at each position of a text, so checking a text costs its length times the number of
     * distinct name lengths, not the number of accounts.
     */
    private static final class Names {
        private final Map<Integer, Set<String>> anywhere = new HashMap<>();
        private final Map<Integer, Set<String>> wholeToken = new HashMap<>();

        Names(List<PlatformAccount> accounts) {
            for (PlatformAccount a : accounts) {
                anywhere.computeIfAbsent(a.ref().length(), k -> new HashSet<>()).add(a.ref());
                a.handle().ifPresent(h -> anywhere.computeIfAbsent(h.length(), k -> new HashSet<>()).add(h));
                wholeToken.computeIfAbsent(a.accountId().length(), k -> new HashSet<>()).add(a.accountId());
            }
        }

        boolean namedIn(String text) {
            for (int at = 0; at < text.length(); at++) {
                for (Map.Entry<Integer, Set<String>> e : anywhere.entrySet()) {
                    int end = at + e.getKey();
                    if (end <= text.length() && e.getValue().contains(text.substring(at, end))) {
                        return true;
                    }
                }
                if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
                    continue;
                }
                for (Map.Entry<Integer, Set<String>> e : wholeToken.entrySet()) {
                    int end = at + e.getKey();
                    if (end <= text.length() && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))
                            && e.getValue().contains(text.substring(at, end))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Why a company receives no share from a finding. */
    public enum SkipReason {
        /** The company declined threat sharing. */
        DECLINED,
        /** The company has not opted in (not asked, or opted in only after the finding). */
        NOT_OPTED_IN,
        /** None of the finding's accounts is on the company's platforms. */
        HOSTS_NO_ACCOUNTS,
        /** The finding's narrative names another company's account, which this company must not see. */
        NARRATIVE_NAMES_OTHER_ACCOUNTS
    }

    /**
     * A company that receives nothing.
     *
     * @param company the company
     * @param reason why
     * @param accounts how many of the finding's accounts it hosts
     */
    public record Skipped(SocialMediaCompany company, SkipReason reason, int accounts) {
        /** Rejects nulls and a negative count. */
        public Skipped {
            Objects.requireNonNull(company, "company");
            Objects.requireNonNull(reason, "reason");
            if (accounts < 0) {
                throw new IllegalArgumentException("accounts must not be negative, was " + accounts);
            }
        }
    }

    /**
     * One company's share, and the facts of the finding withheld from it because they concern other companies.
     *
     * @param share the share, addressed to the company
     * @param withheldFactIds ids of the finding's facts left out
     */
    public record CompanyShare(ThreatShare share, List<String> withheldFactIds) {
        /** Rejects nulls and copies. */
        public CompanyShare {
            Objects.requireNonNull(share, "share");
            withheldFactIds = List.copyOf(withheldFactIds);
        }
    }

    /**
     * The split of a finding before signing.
     *
     * @param findingId the finding's id
     * @param shares one share per hosting, participating company
     * @param skipped the companies that receive nothing, with the reason
     * @param unhosted accounts on platforms no listed company hosts (sent to nobody)
     */
    public record Plan(String findingId, List<CompanyShare> shares, List<Skipped> skipped,
            List<PlatformAccount> unhosted) {
        /** Rejects nulls and copies. */
        public Plan {
            Objects.requireNonNull(findingId, "findingId");
            shares = List.copyOf(shares);
            skipped = List.copyOf(skipped);
            unhosted = List.copyOf(unhosted);
        }
    }

    /**
     * A company's share and what the preparer made of it.
     *
     * @param planned the share and its withheld facts
     * @param outcome signed (PASS) or refused, with the SOP report
     */
    public record Prepared(CompanyShare planned, Preparer.Outcome outcome) {
        /** Rejects nulls. */
        public Prepared {
            Objects.requireNonNull(planned, "planned");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The split of a finding, each share prepared on its own.
     *
     * @param plan the plan (skipped companies, unhosted accounts)
     * @param prepared one entry per planned share, in the plan's order
     */
    public record Result(Plan plan, List<Prepared> prepared) {
        /** Rejects nulls and copies. */
        public Result {
            Objects.requireNonNull(plan, "plan");
            prepared = List.copyOf(prepared);
        }

        /** {@return the signed envelopes, one per share that passed} */
        public List<Preparer.Signed> signed() {
            return prepared.stream().map(Prepared::outcome).filter(o -> o instanceof Preparer.Signed)
                    .map(o -> (Preparer.Signed) o).toList();
        }

        /** {@return the shares the SOP refused, with their outcome} */
        public List<Prepared> refused() {
            return prepared.stream().filter(p -> p.outcome() instanceof Preparer.Refused).toList();
        }
    }
}
