package org.fmishare.sop.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmishare.sop.Severity;

/**
 * Families of coercive speech acts that are recognised by the shape of the whole sentence rather than by a frame
 * word governing an act: a table of (family, cue pattern, condition on the analysed sentence, severity). Each row
 * says which words cue the family and what else the sentence must hold (the recipient, accounts or content, an act
 * against them, a question, the sender's future) for the cue to be the act and not a look-alike.
 *
 * <p>The families:
 * <ul>
 * <li><em>rhetorical question</em>: a question about why content is still up or how long it will be allowed
 *     ("why are these accounts still up?", "what is the hold-up on the listed groups?");
 * <li><em>comparison</em>: other companies' action held up to the recipient ("other platforms have already
 *     removed these accounts", "your company is the only platform still hosting them");
 * <li><em>follow-up pressure</em>: the sender announcing it will ask what became of the content or what the
 *     recipient did ("we'll check back on Friday on what you did about these accounts");
 * <li><em>nominal demand</em>: an act named as a noun and called expected, needed, overdue or the priority
 *     ("removal of the listed accounts is expected", "the takedown of these accounts is overdue");
 * <li><em>obligation placed on the recipient</em> without a modal ("it is on your company to ...").
 * </ul>
 * Two more families only ask for a person (REVIEW) and are consulted last, when no other rule of the analyser found
 * anything: a <em>report or follow-up</em> about accounts or content, asked of the recipient or announced by the
 * sender with a date or span ("update us within 72 hours on the measures applied to the accounts"), and
 * <em>content as the subject of "is to be"</em> ("the listed channels are to be closed ahead of the primary").
 * Stateless and thread-safe. Not API.
 */
public final class ActFamilies {
    private ActFamilies() {}

    /**
     * One analysed sentence, as the families read it.
     *
     * @param joined lower-case tokens joined by single spaces
     * @param tok tokens
     * @param lem lemmas
     * @param act whether the token names an act against content (in any tense, also reported)
     * @param sender whether the sender is mentioned
     * @param recipient whether the recipient is addressed
     * @param target whether accounts or content are mentioned
     * @param question whether the sentence is a question
     */
    public record Clause(String joined, String[] tok, String[] lem, boolean[] act, boolean sender,
            boolean recipient, boolean target, boolean question) {
        boolean anyAct() {
            for (boolean a : act) {
                if (a) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One family: its name, the words that cue it and what else the sentence must hold.
     *
     * @param name the family, used in the finding
     * @param cue the cue
     * @param holds the condition on the rest of the sentence
     * @param severity ERROR or REVIEW
     */
    record Family(String name, Pattern cue, Predicate<Clause> holds, Severity severity) {}

    private static final Pattern NEGATED_CLAUSE = Pattern.compile("\\b(?:do|does|did|will|would|can) not "
            + "(?:know|see|expect|ask|want|depend|affect|change|check|follow|track|monitor|verify|look|revisit|"
            + "measure|report)\\b|\\bnot (?:our|for us)\\b");
    /** Content staying up, or the recipient holding back, as a question asks it. */
    private static final Pattern STILL_UP = Pattern.compile("\\b(still (?:up|live|online|active|available|there|"
            + "posting|operating|running|hosting|carrying|around|allowed|on)|(?:remain|remains|stay|stays|keep|"
            + "keeps) (?:up|active|live|online|hosting|posting|operating|running|carrying|available|around|"
            + "on)|(?:be|being) allowed to|could stay|can stay|hold - up|hold-up|holdup|holding (?:\\w+ )?up|"
            + "stopping (?:you|your \\w+)|(?:have|has) (?:not )?been (?:removed|taken down|suspended|deleted|"
            + "actioned|addressed|dealt with)|about time|how (?:much )?longer|(?:really|truly|honestly|seriously) "
            + "want|continu(?:e|es|ing) to (?:post|run|operate|spread|recruit|publish|appear|reach|carry|host)|"
            + "nothing (?:has )?happen(?:ed|s)? to|keep(?:ing|s)? (?:\\w+ ){0,4}(?:up|online|on the air|alive|going|"
            + "active)|(?:permitted|allowed|able) to (?:remain|stay|continue|keep|carry)|carry(?:ing)? on|online "
            + "forever|enough is enough|do anything about|left to decide|still (?:reachable|visible|recruiting|"
            + "spreading|there)|preventing (?:you|your \\w+)|(?:be|are|is) (?:gone|down|offline|removed) (?:already|"
            + "yet|by now)|forever|waiting for|(?:why|how) (?:has|have|is|are) (?:\\w+ ){0,5}(?:not "
            + "yet|yet to|still))\\b");
    /** A question about accounts of a kind in general, not about the ones shared: a genuine question. */
    private static final Pattern GENERIC_KIND = Pattern.compile("\\b(of (?:this|that) (?:kind|type|sort)|such "
            + "(?:accounts|pages|networks|channels)|typically|usually|generally|in general|on average)\\b");
    /** Other companies, held up as the measure. */
    private static final Pattern COMPARATOR = Pattern.compile("\\b(other (?:\\w+ )?(?:platforms|companies|"
            + "services|providers|sites|apps)|(?:your|their) (?:peers|competitors|rivals)|competitors|industry "
            + "(?:partners|peers|colleagues)|the rest of the industry|every other (?:\\w+ )?(?:platform|company|"
            + "service)|elsewhere|everyone else|the only (?:\\w+ )?(?:platform|company|service|one)|the last "
            + "(?:\\w+ )?(?:platform|company|service|one))\\b");
    /** What makes a comparison point at the recipient. */
    private static final Pattern COMPARISON_POINT = Pattern.compile("\\b(you|your|here|we (?:expect|assume|trust|"
            + "hope|are confident)|already|yet|same day|within (?:a|one|hours|the hour)|quickly|promptly|"
            + "immediately|(?:days|weeks) ago|twice|the only|the last|follow|still (?:hosting|carrying|up|live|"
            + "online)|the same|all|every other)\\b");
    private static final Pattern ACTED = Pattern.compile("\\b(acted|took action|taken action|moved (?:\\w+ )?"
            + "(?:against|on)|did the (?:\\w+ )?thing|falling behind|lagging|out of step|still (?:hosting|carrying)|"
            + "left (?:\\w+ ){0,3}up|hosting)\\b");
    /** The fate of the content, or what the recipient did about it, as something the sender will ask about. */
    private static final Pattern FATE = Pattern.compile("\\b(status of|what (?:has )?bec(?:ame|omes) of|what "
            + "(?:has )?happen(?:ed|s) to|what (?:was|has been|had been|is being) done|what (?:you|your \\w+) "
            + "(?:have |has |had |are )?(?:done|did|decided|took|doing)|(?:steps|action|actions|measures) (?:you|"
            + "your \\w+) (?:took|have taken|take|are taking)|(?:which|whether|if) (?:\\w+ ){0,5}(?:are|is|remain|"
            + "remains|stay|stays) (?:still )?(?:up|online|active|live|available|there)|still (?:up|online|active|"
            + "live|available)|until (?:\\w+ ){0,5}(?:are|is|have been|has been) (?:addressed|removed|down|gone|"
            + "dealt with|handled|offline|actioned|taken down|suspended)|confirm (?:\\w+ ){0,5}(?:are|is) (?:down|"
            + "gone|removed|offline|suspended)|ask about (?:these|the|those|this)|(?:which|what) of (?:these|the|"
            + "those) (?:\\w+ ){0,2}(?:you|your \\w+) (?:have )?(?:dealt|handled|removed|actioned|addressed)|"
            + "account by account|(?:full|complete) accounting)\\b");
    private static final Pattern SENDER_AHEAD = Pattern.compile("\\b((?:we|i) (?:will|shall|plan|intend|are "
            + "going|look forward|would like|want)|(?:our|my) (?:\\w+ )?(?:\\w+ )?(?:will|plans?|wants?)|expect "
            + "(?:a|us|our)|at (?:our|the) next|next (?:meeting|sync|call|week|month)|let us know|(?:you|your "
            + "\\w+) should expect)\\b");
    /** A verbless or copular evaluation of an act named as a noun. */
    private static final Pattern NOMINAL_EVAL = Pattern.compile("\\b(?:is|are|would be|will be|remains?|seems?|"
            + "feels?) (?:now |also |clearly |simply |long |very |much |really |frankly |being )?(expected|anticipated|"
            + "assumed|presumed|looked for|awaited|sought|counted on|the only acceptable (?:\\w+ )?(?:result|"
            + "outcome)|what is being (?:sought|asked|looked for)|"
            + "required|needed|necessary|essential|overdue|due|urgent|(?:the|a|our|your) (?:\\w+ )?priority|"
            + "(?:the )?(?:appropriate|right|obvious|sensible|only|correct|natural|proper|responsible|defensible) "
            + "(?:\\w+ )?(?:response|step|course|outcome|answer|option|move|thing)|appropriate|warranted|called "
            + "for|in order|welcome|the outcome we|what we|the least)\\b|\\b(?:can not|cannot) wait\\b");
    /**
     * More predicates that call an act named as a noun expected or needed, through a verb of judging or a passive
     * of wanting: "is considered necessary by this office", "is hereby advised", "is sought", "is awaited", "is
     * called for", "would be regarded as the appropriate response", "is what this office is looking for".
     */
    private static final Pattern NOMINAL_MORE = Pattern.compile("\\b(?:is|are|would be|will be)(?: \\w+){0,3}? "
            + "(?:(?:considered|deemed|regarded as|viewed(?: here)? as|seen as|hereby|now) )?(?:(?:the )?(?:appropriate"
            + "|right|only acceptable|proper) (?:response|outcome|step|course)|necessary|overdue|sought|awaited|advised"
            + "|called for|assumed|foreseen|envisaged|looked for|anticipated|expected|required|needed|what (?:this "
            + "office|we|the \\w+) (?:is|are) (?:looking for|seeking|after|asking for)|what is (?:envisaged|sought|"
            + "expected|wanted)|the outcome sought)\\b");
    /** Acts named as nouns that {@link SpeechActAnalyser}'s act verbs do not cover. */
    private static final Pattern NOMINAL_ACT = Pattern.compile("\\b(?:closure|closing|labell?ing|blocking|de - \\w+|"
            + "down - \\w+|sweep|purge|loss of|shutdown|enforcement|restriction|takedown|removal|suspension|"
            + "termination|deactivation|deletion|demoneti[sz]\\w+|throttling|geoblocking|delisting)\\b");
    /**
     * The recipient asked, or the sender announcing it will ask, what was done about accounts or content: "report
     * back within 48 hours on the actions taken against the pages", "confirm what you did about the accounts",
     * "let us know which of the listed accounts you have closed", "a tally of the accounts actioned so far".
     */
    private static final Pattern REPORT_ASKED = Pattern.compile("\\b(?:what (?:was|has been|had been|is being) done|"
            + "what (?:you|your \\w+) (?:did|have done|has done|decided|took)|which of (?:[\\w@']+ ){0,5}(?:you|your "
            + "\\w+) (?:have |has )?\\w+ed|(?:actions?|steps|measures) taken|actioned|a (?:tally|list|count|breakdown) "
            + "of (?:the )?(?:[\\w@']+ ){0,3}(?:accounts|pages|channels|profiles|handles|bots)|confirmation (?:that )?"
            + "(?:the )?(?:[\\w@']+ ){0,4}(?:are|is|have been|has been) (?:\\w+ed|down|closed|gone|offline))\\b");
    private static final Set<String> ACT_NOUNS = Set.of("action", "enforcement", "takedown", "ban", "restriction",
            "steps", "measures", "moderation", "acting");
    private static final Pattern ON_RECIPIENT = Pattern.compile("\\b(?:it is|that is|this is|the ball is|it "
            + "falls) (?:now |squarely |entirely |firmly )?(?:on|in|to) (?:you|your \\w+(?: \\w+)?)(?: 's court)? "
            + "to\\b");
    private static final Pattern THIRD_PARTY_AGENT = Pattern.compile("\\bby (?:the|its|their|these|those) "
            + "(?:own )?(?:actor|actors|operator|operators|persona|personas|network|handlers?|owners?|operation|"
            + "registrar|host|hosting provider)\\b|\\bby (?:itself|themselves)\\b");

    /** Accounts or content named with a real noun (not a pronoun that may stand for anything). */
    private static final Pattern CONTENT = Pattern.compile("\\b(?:accounts?|profiles?|pages?|posts?|channels?|"
            + "handles?|groups?|videos?|personas?|bots?|network|networks|cluster|urls?|domains?|content|listings?|"
            + "sites?|ads?|clips?|outlets?)\\b");
    /** A report or update on the content asked of the recipient, or the sender announcing it will check. */
    private static final Pattern REPORT_BACK = Pattern.compile("\\b(report (?:back|to us|on)|update us|keep us "
            + "(?:posted|updated|informed)|get back to us|(?:progress|status) (?:report|update)|(?:be|get|stay) "
            + "(?:back )?in touch|check(?:ing|s)? (?:in|back|(?:\\w+ ){0,4}again)|follow - up|follow(?:ing)? up|revisit|circle "
            + "back|account of what|(?:hear|know|tell us) (?:\\w+ ){0,3}what (?:happened|you did|became)|compare "
            + "(?:this|the|our) list|confirmation of|(?:outcome|result) for each|where (?:things|the \\w+|it|they) "
            + "stands?|measures (?:applied|taken)|review your progress)\\b");
    /** When the report is wanted: a date, a day, a span. */
    private static final Pattern WHEN = Pattern.compile("\\b(by|within|before|after|until|next|tomorrow|today|"
            + "tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|end of|close of|"
            + "in (?:\\w+ )?(?:days?|weeks?|hours?)|on the \\d+(?:st|nd|rd|th)?|the \\d+(?:st|nd|rd|th))\\b");
    /** Content as the subject of "is to be" / "are to": a directive in the passive. */
    private static final Pattern TO_BE = Pattern.compile("\\b(?:is|are) to (?:be |come |go)");
    private static final Pattern TO_BE_OUTCOME = Pattern.compile("^(?:be )?(?:\\w+ )?(?:gone|offline|taken "
            + "(?:down|offline)|dealt with|handled|closed|removed|down|go\\b|come down|disappear)");

    private static final List<Family> TABLE = List.of(
            new Family("rhetorical question about content staying up", STILL_UP,
                    c -> c.question() && (c.recipient() || c.target() && !GENERIC_KIND.matcher(c.joined()).find()),
                    Severity.ERROR),
            new Family("comparison with other companies' action", COMPARATOR,
                    c -> (c.anyAct() || ACTED.matcher(c.joined()).find())
                            && COMPARISON_POINT.matcher(c.joined()).find()
                            && !NEGATED_CLAUSE.matcher(c.joined()).find(), Severity.ERROR),
            new Family("follow-up on what became of the content", FATE,
                    c -> (c.target() || c.recipient()) && SENDER_AHEAD.matcher(c.joined()).find()
                            && !NEGATED_CLAUSE.matcher(c.joined()).find(), Severity.ERROR),
            new Family("act named as a noun and called expected or needed", NOMINAL_EVAL,
                    c -> nominalDemand(c, NOMINAL_EVAL), Severity.ERROR),
            new Family("obligation placed on the recipient", ON_RECIPIENT, Clause::anyAct, Severity.ERROR),
            new Family("act named as a noun and called expected or needed", NOMINAL_MORE,
                    c -> nominalDemand(c, NOMINAL_MORE), Severity.ERROR));

    /**
     * Families that only ask for a person (REVIEW): consulted after every other rule of the analyser found nothing,
     * so they never replace a stronger reading of the same sentence.
     */
    private static final List<Family> LATE = List.of(
            new Family("report on the content asked or announced", REPORT_BACK, ActFamilies::reportBack,
                    Severity.REVIEW),
            new Family("content as the subject of 'is to be'", TO_BE, ActFamilies::passiveDirective,
                    Severity.REVIEW),
            new Family("report asked on what was done about the content", REPORT_ASKED, ActFamilies::reportAsked,
                    Severity.REVIEW));

    /**
     * The first family the sentence belongs to.
     *
     * @param c the analysed sentence
     * @return the family's verdict, or empty
     */
    static Optional<SpeechActAnalyser.Verdict> match(Clause c) {
        return match(TABLE, c);
    }

    /**
     * The first REVIEW-only family the sentence belongs to (a report asked about the content, content as the subject
     * of "is to be"), for a sentence the other rules leave clean.
     *
     * @param c the analysed sentence
     * @return the family's verdict, or empty
     */
    static Optional<SpeechActAnalyser.Verdict> matchLate(Clause c) {
        return match(LATE, c);
    }

    private static Optional<SpeechActAnalyser.Verdict> match(List<Family> table, Clause c) {
        for (Family f : table) {
            Matcher m = f.cue().matcher(c.joined());
            if (m.find() && f.holds().test(c)) {
                return Optional.of(new SpeechActAnalyser.Verdict(f.severity(), f.name() + " '" + m.group() + "'",
                        "the act it presses for", false));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether any token names an act against content.
     *
     * @param act per token, whether it names an act
     * @return whether one does
     */
    static boolean anyAct(boolean[] act) {
        for (boolean a : act) {
            if (a) {
                return true;
            }
        }
        return false;
    }

    /** Whether an act noun's agent is a third party ("deletions by the actor"): the act is the actor's. */
    static boolean thirdPartyAgent(String joined) {
        return THIRD_PARTY_AGENT.matcher(joined).find();
    }

    /**
     * A report, update or follow-up about accounts or content: asked of the recipient or announced by the sender
     * with a date or a span ("update us within 72 hours on the measures applied to the accounts", "we will be
     * checking the listed pages again in a week"). Negated ("we will not follow up") or conditional it asks
     * nothing. REVIEW: a date alone does not tell a logistics reply from pressure, a person does.
     */
    private static boolean reportBack(Clause c) {
        String j = c.joined();
        return CONTENT.matcher(j).find() && (c.recipient() || SENDER_AHEAD.matcher(j).find()
                || WHEN.matcher(j).find()) && !j.matches(".*\\b(?:not|never|no|if|whether)\\b.*")
                && !NEGATED_CLAUSE.matcher(j).find();
    }

    /**
     * What was done about accounts or content, asked of the recipient (an imperative or "you") or wanted by the
     * sender with a date ({@link #REPORT_ASKED}); negated or conditional it asks nothing. REVIEW: a person tells a
     * request for a report from a routine exchange.
     */
    private static boolean reportAsked(Clause c) {
        String j = c.joined();
        boolean asked = c.recipient() || c.sender() || WHEN.matcher(j).find()
                || j.matches("^(?:please |kindly |also )?(?:report|confirm|tell|let|share|send|provide|update|list|"
                + "give|advise)\\b.*");
        return (c.target() || CONTENT.matcher(j).find()) && asked && !c.question()
                && !j.matches(".*\\b(?:not|never|no|if|whether)\\b.*") && !NEGATED_CLAUSE.matcher(j).find()
                && !thirdPartyAgent(j);
    }

    /**
     * Accounts or content as the subject of "is to be" or "are to" with an act or outcome after it ("the listed
     * channels are to be closed ahead of the primary"): a directive in the passive. Past forms ("were to be")
     * report a third party's plan and do not match.
     */
    private static boolean passiveDirective(Clause c) {
        Matcher m = TO_BE.matcher(c.joined());
        if (!m.find()) {
            return false;
        }
        String before = c.joined().substring(0, m.start());
        int at = before.isBlank() ? 0 : before.trim().split(" ").length + 2;
        boolean act = false;
        for (int i = at; i < c.act().length && i <= at + 3; i++) {
            act |= c.act()[i];
        }
        String rest = c.joined().substring(m.start()).replaceFirst("^(?:is|are) to ", "");
        return CONTENT.matcher(before).find() && (act || TO_BE_OUTCOME.matcher(rest).find())
                && !before.matches(".*\\b(?:not|no|never|if|whether)\\b.*") && !thirdPartyAgent(c.joined());
    }

    /**
     * An act named as a noun (or gerund) before the copula whose predicate evaluates it as expected, needed or
     * the right course; not negated and not the act of a third party.
     */
    private static boolean nominalDemand(Clause c, Pattern predicate) {
        Matcher m = predicate.matcher(c.joined());
        if (!m.find()) {
            return false;
        }
        String before = c.joined().substring(0, m.start());
        int upTo = before.isBlank() ? 0 : before.trim().split(" ").length;
        boolean actNoun = false;
        for (int i = 0; i < upTo && i < c.tok().length; i++) {
            actNoun |= c.act()[i] || ACT_NOUNS.contains(c.tok()[i]);
        }
        // The wider predicates need the act as the subject's head noun ("closure of ...", "a complete purge of
        // ..."), not any act word before them.
        if (predicate == NOMINAL_MORE) {
            actNoun = NOMINAL_ACT.matcher(before).find() && !before.matches(".*\\b(?:we|i|you|they|it|he|she)\\b.*")
                    && !c.question();
        }
        String rest = c.joined().substring(m.start());
        boolean object = c.target() || before.matches(".*\\bof (?:the|all|every|these|those|each)\\b.*");
        return actNoun && object && !thirdPartyAgent(before)
                && !before.matches(".*\\b(?:not|no|never|neither|nor|whether)\\b.*")
                && !rest.matches("^\\S+ (?:not|neither|never)\\b.*");
    }
}
