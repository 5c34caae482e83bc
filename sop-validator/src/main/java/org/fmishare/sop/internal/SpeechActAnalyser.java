package org.fmishare.sop.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.SimpleTokenizer;
import org.fmishare.sop.Severity;

/**
 * Recognises the speech act rather than a phrase: a sentence that expresses the sender's wish, expectation, need or
 * demand that the recipient act against accounts or content, or that ties the recipient's choice to a consequence.
 *
 * <p>Each sentence is tokenised, part-of-speech tagged and lemmatised with Apache OpenNLP's English UD models
 * (shipped as Maven artifacts), so "deactivating", "deactivation" and "deactivated" all meet the lemma
 * "deactivate" and a verbless fragment can be told from a clause. It then looks for
 * <ul>
 * <li>an <em>act against content</em>: a verb of removal or suppression (by lemma, including phrasal verbs such as
 *     "shut … down", "pull … off"), or a wished-for <em>outcome</em> ("no longer reachable", "gone", "stop showing
 *     up", "off the platform");
 * <li>a <em>frame</em> voiced by the sender or addressed to the recipient: desire, need, expectation, obligation,
 *     polite request, evaluation ("it would be great if"), a deadline, an imperative at the start of any clause, or an
 *     intensified negation ("more than a suggestion");
 * <li>a <em>consequence</em> tied to the recipient ("your handling … will be remembered").
 * </ul>
 * Families recognised by the shape of the whole sentence (rhetorical questions, comparisons with other companies,
 * follow-up pressure, nominal demands) are a table in {@link ActFamilies}.
 * A frame or consequence governed by a negator ("we are not asking", "no adverse action") is cleared, and so are
 * quoted words (reported speech of the actor) and factual statements (an action in a perfect or past passive).
 * Words reported from the operation without quotation marks ("the persona's posts told readers to delete your
 * accounts") are the operation's speech too: only the words before the reporting verb say who speaks. A description
 * of the company's own published rules ("your community standards prohibit ...") is no request, unless something
 * applies the rules to the accounts at hand (a modal of obligation, a wish, a question, a deadline, "these").
 * What it cannot clear but is recipient-addressed desire, obligation, evaluation or consequence goes to REVIEW.
 * Thread-safe: the OpenNLP taggers are not, so each thread has its own. Not API.
 */
public final class SpeechActAnalyser {
    private static final POSModel POS_MODEL = load("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
    private static final LemmatizerModel LEMMA_MODEL = load("/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin",
            LemmatizerModel::new);
    private static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(POS_MODEL));
    private static final ThreadLocal<LemmatizerME> LEMMATIZER =
            ThreadLocal.withInitial(() -> new LemmatizerME(LEMMA_MODEL));

    /** Verbs whose object is removed, hidden or suppressed: an act against content in any tense or form. */
    private static final Set<String> STRONG = Set.of("remove", "delete", "suspend", "ban", "deplatform", "disable",
            "deactivate", "terminate", "censor", "throttle", "purge", "geoblock", "downrank", "demote", "de-amplify",
            "deamplify", "deboost", "unpublish", "delist", "deindex", "erase", "expunge", "eradicate", "eliminate",
            "nuke", "wipe", "scrub", "quarantine", "shadowban", "de-rank", "derank", "deprioritize", "deprioritise", "demonetise", "demonetize", "demonetisation",
            "demonetization", "downranking", "demonetising", "demonetizing",
            "takedown", "removal", "deletion", "suspension", "deactivation", "termination", "shutdown", "deplatforming", "demotion", "censorship", "silence", "suppress", "suppression", "dismantle", "neutralize",
            "neutralise", "cull", "axe", "bury", "mute", "ax");
    /** Verbs that act against content only when their object is content or accounts. */
    private static final Set<String> WEAK = Set.of("block", "restrict", "limit", "label", "flag", "stop", "end",
            "halt", "close", "lock", "freeze", "hide", "curb", "kill", "drop", "handle", "deal", "address", "disrupt",
            "strip", "boot", "kick", "pull", "cut", "reduce", "bar", "shut", "clean", "clear", "zap",
            "sanction", "police", "moderate", "act", "action", "enforce", "sideline", "contain", "squash", "stamp",
            "crack", "shrink", "choke", "starve", "tackle", "neutralise", "purge", "target", "silence");
    private static final Set<String> PARTICLES = Set.of("down", "off", "offline", "out", "up", "away");
    private static final Set<String> PHRASAL_HEADS = Set.of("take", "pull", "shut", "knock", "tear", "kick", "boot",
            "close", "wipe", "clean", "clear", "get", "throw", "bring", "strip", "rein", "dial", "turn",
            "tamp", "stamp", "crack", "shout", "wind", "phase", "switch");
    private static final Set<String> TARGETS = Set.of("account", "profile", "page", "post", "content", "network",
            "channel", "handle", "group", "video", "persona", "bot", "listing", "material", "message", "tweet",
            "user", "cluster", "site", "domain", "story", "ad", "advertisement", "campaign", "operation", "link",
            "comment", "thread", "community", "feed", "reach", "visibility", "distribution", "amplification",
            "it", "them", "they", "these", "those", "this", "everything", "presence", "activity", "asset", "stuff",
            "hashtag", "meme", "narrative", "image", "clip", "upload", "podcast", "livestream", "stream", "server",
            "monetisation", "monetization", "revenue", "badge", "verification", "recommendations",
            "forum", "board", "entity", "troll", "farm", "ring", "outlet", "publisher", "creator", "poster", "list",
            "lot", "puppet", "clown", "junk");
    /** Pronouns and vague words that may stand for content but need not. */
    private static final Set<String> PRONOUN_TARGETS = Set.of("it", "them", "they", "these", "those", "this",
            "everything", "stuff", "lot", "list");
    /** Verbs that take something away from content when it is named after "from": "pull ads from these channels". */
    private static final Set<String> FROM_HEADS = Set.of("pull", "strip", "cut", "withdraw", "revoke", "remove",
            "drop", "exclude", "ban", "bar", "block");
    /** Words that voice a wish, need, expectation or demand. */
    private static final Set<String> DESIRE = Set.of("want", "wish", "need", "require", "expect", "expectation",
            "demand", "insist", "ask", "request", "urge", "order", "instruct", "direct", "trust", "count", "rely",
            "must", "should", "ought", "hope", "like", "love", "prefer", "requirement", "priority", "essential",
            "critical", "imperative", "necessary", "mandatory", "vital", "crucial", "important", "ensure",
            "sure", "time", "await", "anticipate", "look", "please", "kindly", "necessity", "obligation", "obliged",
            "obligate", "responsibility", "call", "press", "push", "implore", "beg", "encourage", "suggest",
            "recommend", "advise", "consider", "appreciate", "grateful", "welcome", "great", "good", "nice",
            "helpful", "ideal", "best", "better", "wise", "prudent", "appropriate", "useful", "smart", "right",
            "worth", "warrant", "deserve", "merit", "ideally", "hopefully", "glad", "happy", "thankful", "pleased",
            "favor", "favour", "see", "goal", "aim", "desire", "keen", "eager", "hoping", "chance", "opportunity",
            "recommendation", "advice", "suggestion", "proposal", "propose", "preference", "counsel", "relief",
            "relieved", "urgent", "forward", "defensible");
    /** Words that tie the recipient's choice to what follows it. */
    private static final Set<String> CONSEQUENCE = Set.of("remember", "note", "consequence", "repercussion",
            "implication", "reflect", "regret", "relationship", "revisit", "reconsider", "scrutiny", "hearing",
            "regulator", "regulatory", "regulation", "legislation", "legislative", "antitrust", "liability",
            "adverse", "watch", "forget", "unfortunate", "shame", "interest", "cost", "price", "penalty",
            "standing", "cooperation", "attention", "track", "affect", "jeopardize", "noted", "shape", "hate",
            "problem", "trouble", "reputation", "headline", "protection", "arrangement",
            "jeopardise", "risk", "remembered", "noticed", "notice", "matter", "impact", "fallout",
            "exposure", "subpoena", "investigation", "oversight", "congress", "renewal", "contract", "access",
            "partnership", "unnoticed", "conclusions", "harder", "licence", "license", "licensing", "judgment",
            "judgement", "strained", "difficult", "story", "goodwill", "patience", "optics", "awkward", "uncomfortable",
            "complicate", "complicated", "embarrassing", "embarrassment", "spotlight");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "neither", "nor", "without",
            "none", "nobody", "whether", "cannot");
    private static final Set<String> BOUNDARY = Set.of(",", ";", ":", "but", "and", "—", "-", "(", ")");
    private static final Set<String> SENDER = Set.of("we", "us", "our", "ours", "i", "me", "my", "fbi", "bureau",
            "fitf", "department", "government", "agency", "ourselves", "let", "dhs", "cisa", "odni", "doj");
    private static final Set<String> RECIPIENT = Set.of("you", "your", "yours", "yourself", "yourselves");
    private static final Set<String> CLEARING = Set.of("thank", "share", "brief", "inform", "note", "tell",
            "provide", "highlight", "confirm", "discuss", "meet", "explain", "offer", "update", "answer",
            "emphasize", "emphasise", "stress", "reiterate", "clarify", "acknowledge", "describe", "present",
            "point", "draw", "know", "understand", "be", "learn", "hear", "contact", "reach", "ask", "talk",
            "walk", "show", "give", "send", "pass", "say", "let", "assure", "remind", "review", "read", "aware",
            "add", "mention", "caution", "alert", "notify", "receive", "call", "clear", "respect", "correct", "compare",
            "schedule", "prefer", "use", "judge", "decide", "attend", "join", "find", "keep", "consider", "forward");
    private static final Set<String> LEADS = Set.of("please", "kindly", "also", "then", "now", "just", "simply",
            "promptly", "quickly", "so", "immediately", "go", "ahead", "and", "therefore", "thus", "accordingly",
            "finally", "first", "next", "urgently", "swiftly", "at", "once", "all", "really", "definitely");
    private static final Set<String> PERFECT_OR_PAST_AUX = Set.of("was", "were", "had", "has", "have", "is", "are",
            "'s", "been");
    private static final Pattern OUTCOME = Pattern.compile("\\b(no longer (?:be )?(?:reachable|visible|available|"
            + "accessible|online|up|active|live|around|exist|operat\\w*|post\\w*|show\\w*|appear\\w*|on)|gone|"
            + "disappear\\w*|vanish\\w*|fade (?:away|out)|dr(?:y|ied) up|(?:go(?:es|ne|ing)?|went) (?:away|dark|quiet|silent|down|offline)|"
            + "los(?:e|es|ing) (?:its|their|the) (?:reach|audience|visibility|access|monetisation|monetization)|"
            + "(?:can not|can no longer|could not|cannot) be (?:found|seen|reached)|(?:zero|no|reduced|minimal) "
            + "(?:reach|visibility|distribution|amplification|audience|engagement)|not reach (?:voters|users|"
            + "anyone|people|audiences|the public)|switched off|offline|off (?:the|your|"
            + "this|their|our) (?:platform|site|service|network|app)s?|off[- ]platform|(?:stop|quit)(?:s|ped)? (?:showing|"
            + "appearing|posting|spreading|circulating|reaching|trending|operating|running|being|getting|"
            + "surfacing|popping|turning)|(?:stay|stays|remain|remains) (?:up|online|live|active)|come(?:s)? down|taken care of|dealt with|cleaned up|out of commission|"
            + "(?:need|needs|must|has to|have to|should|got to|gotta|ought to) (?:to )?go|"
            + "(?:unavailable|inaccessible|invisible|unreachable|unsearchable|undiscoverable)|"
            + "out of (?:sight|reach|circulation|the feed|search)|a thing of the past|(?:be|is|are) history|"
            + "(?:never|not) (?:be )?(?:seen|heard from) again|(?:stay|remain|kept?) (?:down|offline|off)|"
            + "less (?:visible|reach)|fewer (?:people|users) (?:see|seeing)|nobody (?:sees|can see)|"
            + "(?:cease|ceases) to (?:exist|operate)|(?:account|profile|page|post|channel|video|group|persona|bot|site)s? "
            + "(?:down|offline|gone)|get rid of|rid of|do something about|"
            + "(?:deal|dealt|dealing) with|sorted out|shut(?:ting)? (?:\\w+ ){0,3}(?:down|off)|"
            + "(?:pull|pulled|pulling|take|taken|taking|took) (?:\\w+ ){0,3}(?:down|off|offline))\\b");
    private static final Pattern INTENSIFIED = Pattern.compile("\\b(more than (?:just |merely |simply )?(?:a|an) "
            + "(?:suggestion|request|recommendation|hint|idea|thought|courtesy|observation|friendly note)|"
            + "not (?:just|merely|simply|only|really) (?:a|an) (?:suggestion|request|recommendation|hint|idea|"
            + "observation|fyi)|(?:is|are|be) not (?:optional|negotiable)|non ?- ?negotiable|not up for (?:debate|discussion)|"
            + "no (?:room|choice|option) (?:for|but|here)|leaves? (?:you |us )?(?:no|little) (?:choice|option|room)|"
            + "strongly (?:suggest|advise|encourage|recommend|urge)|in the strongest (?:possible )?terms|"
            + "(?:goes|go) without saying|we will not ask (?:again|twice)|(?:last|final) (?:warning|reminder|"
            + "request|chance)|read between the lines|take (?:the|this|our) hint|you know what (?:to do|needs)|"
            + "you know what is expected|message is clear|(?:is|are) expected of you|we are counting on|"
            + "(?:mistake|confuse|take) (?:this|it|our \\w+) (?:for|as) (?:an? )?(?:\\w+ )?(?:optional|courtesy|"
            + "suggestion|request|tip|fyi|nudge)|not (?:really |simply |just )?(?:a question|a matter|something|a "
            + "decision|a call|an issue) (?:\\w+ ){0,3}(?:for|to|up to|left to) (?:you|your)|(?:none of "
            + "(?:this|it|these) (?:is|are)|nothing (?:\\w+ ){0,2}is) (?:\\w+ ){0,2}(?:discretionary|optional|"
            + "negotiable)|(?:is|are) not (?:really |entirely )?discretionary|"
            + "take - it - or - leave - it|past the (?:stage|point|time) (?:of|for) (?:\\w+ ){0,2}(?:suggestions?|"
            + "requests?|asking|hints?|niceties|courtes\\w+)|(?:saying no|refusing|declining|ignoring|inaction)"
            + "(?: \\w+){0,4} (?:is|would be) not (?:a |an )?(?:realistic |real |viable |serious )?(?:choice|option)|"
            + "not (?:a|an|one of those) (?:\\w+ )?(?:request|note|message|suggestion|notes|messages|requests) "
            + "(?:that )?(?:we expect )?(?:you )?(?:can |could |may |to )?(?:\\w+ ){0,2}(?:weigh|set aside|file|"
            + "ignore|shelve|forget|put aside|disregard|decline))\\b");
    private static final Pattern DEADLINE = Pattern.compile("\\b(by (?:monday|tuesday|wednesday|thursday|friday|"
            + "saturday|sunday|tomorrow|tonight|noon|midnight|end of (?:the )?(?:day|week|month)|eod|cob|close of "
            + "business|the weekend|the end of|the election|election day|then|next week|this week|morning|"
            + "\\d{1,2}(?::\\d{2})?\\s?(?:am|pm))|within (?:\\w+ ){0,2}(?:hours?|days?|minutes?|weeks?)|"
            + "before (?:the )?(?:election|debate|vote|polls|weekend|primary|caucus|ballots)|no later than|asap|"
            + "as soon as (?:possible|you can)|immediately|at once|right away|right now|urgently|without delay|"
            + "deadline|time is of the essence|clock is ticking|the sooner the better|before it is too late|"
            + "sooner rather than later|straight away|forthwith|promptly|today|tonight|until (?:monday|tuesday|wednesday|"
            + "thursday|friday|saturday|sunday|tomorrow|tonight|the weekend|the election)|running out|(?:hours|days|"
            + "minutes) left|window (?:\\w+ ){0,5}closes|check back|before (?:the )?(?:weekend|polls|early voting|"
            + "voting|the vote)|close of business)\\b");
    private static final Pattern POLITE = Pattern.compile("\\b((?:would|could|can|will|might) you|if you could|"
            + "would you mind|we would (?:be )?(?:grateful|thankful|appreciate|love|like)|it would (?:be|mean|help)|"
            + "it might be|it may be|would not (?:hurt|be a bad)|why not|how about|perhaps you|maybe you|you may want|"
            + "you might want|you may wish|you might wish|you might consider|you could|feel free to|"
            + "we (?:would|do) (?:hope|appreciate)|we are hoping|it is time|high time|time to|"
            + "make sure|see to it|see that|let us|let's|the sooner|what happens (?:if|when)|"
            + "think (?:carefully|hard|twice)|"
            + "be careful|would be a shame|would be unfortunate|we will be watching|we are watching|(?:we|i) (?:would |"
            + "might |could )?(?:put forward|propose|float|table)|one option|another option|an option)\\b");
    private static final Pattern CONDITION = Pattern.compile("\\b(if|unless|should you|otherwise|or else|failure "
            + "to|fail to|refuse|decline|choose not|do not act|depending on|how you (?:handle|respond|treat|deal)|"
            + "what you do|whatever you do|whether|how (?:you|your|the company|the platform|platforms|companies)|depends? on|"
            + "will not forget|your (?:handling|response|decision|choice|cooperation|inaction)|"
            + "inaction|will be|would be|going forward|in future|next time|down the line|later)\\b");
    /** What lies ahead: a consequence needs a future, a modal or a condition. */
    private static final Pattern FUTURE = Pattern.compile("\\b(will|would|may|might|could|shall|going to|if|unless|"
            + "tend to|tends to|come to|going forward|in future|in the future|later|down the line|next time)\\b");
    /** Negated negatives, rewritten as what they assert. */
    private static final String[][] LITOTES = {
        {"\\bnot (?:go |pass |be )?(?:unnoticed|unremarked|overlooked|ignored)\\b", "be noticed"},
        {"\\bnot be forgotten\\b", "be remembered"},
        {"\\b(?:can not|cannot|can't) wait\\b", "is urgent"},
        {"\\bnot (?:be )?(?:without|free of) consequences?\\b", "have consequences"}
    };
    /** Disclaimers that clear a whole sentence: the sender says it takes no view or asks nothing. */
    private static final Pattern NO_VIEW = Pattern.compile("\\b((?:no|not any) (?:position|view|opinion|stance|"
            + "preference|recommendation)|not (?:our|for us)|(?:nothing|none|no part)(?: \\w+){0,6} (?:should|is to|"
            + "must|can|may)? ?(?:be )?(?:read|taken|understood|construed|seen|meant|intended) as|(?:not|never) "
            + "(?:be )?(?:read|taken|understood|construed|meant|intended) as|neither (?:request|ask|recommend|"
            + "suggest|expect)|(?:decision|decisions|choice|call|judgment|judgement)(?: \\w+){0,6} (?:rests?|lies?) "
            + "(?:entirely |solely |wholly )?with (?:you|your)|left (?:entirely |wholly |solely )?(?:to|with) "
            + "(?:you|your)|yours to (?:judge|decide|make)|(?:a )?matter (?:\\w+ )?for (?:you|your)|(?:yours|your company|your team) alone|(?:best|well) placed "
            + "to (?:judge|decide|assess)|each company decides|(?:continues?|remains?|stays?) unchanged|regardless of "
            + "what you|either way|decides? for (?:itself|themselves|yourselves))\\b");
    /** An act whose object is the sender's own message, not content on the platform. */
    private static final Pattern OWN_MESSAGE = Pattern.compile("^(?:of )?(?:the |our |this |that |my )?(?:\\w+ )?(?:earlier |"
            + "previous |old |first |duplicate |outdated )?(?:copy|copies|version|draft|typo|error|e - mail|email|"
            + "message|share|attachment|invite|invitation|indicator|entry|entries|mailbox|advisory|case|annex)\\b"
            + "(?! (?:accounts?|pages?|posts?|content))");
    /** What watching words ("we will track", "we will note") need to be about to be a consequence. */
    private static final Pattern HANDLING = Pattern.compile("\\b(your (?:handling|response|decision|choice|"
            + "inaction|actions?|reaction|team 's (?:handling|response))|how (?:you|your|the company|the platform)|"
            + "what (?:you|your)|whether|which (?:of )?(?:these|the|those)|still (?:up|online|active|live)|(?:stay|"
            + "stays|remain|remains) (?:up|online|active|live)|leav(?:e|ing) (?:\\w+ ){0,3}(?:up|online)|keep(?:ing)? "
            + "(?:\\w+ ){0,3}(?:up|online)|whatever (?:you|your)|decides?|inaction|ignoring)\\b");
    /** Who, besides accounts and content, speaks for the operation in a report of its words. */
    private static final Set<String> QUOTED_PARTY = Set.of("operator", "handler", "actor", "headline", "caption",
            "slogan", "article", "reply", "newsletter", "description", "banner", "line", "editorial", "author",
            "admin", "influencer", "propagandist", "letter", "flyer", "leaflet", "chant", "recruiter", "bio",
            "troll", "puppet", "transcript", "voiceover", "narrator", "manifesto", "broadcast");
    /**
     * The company's own published rules, or what the company itself published or said: "your community standards",
     * "the terms your company publishes", "your trust and safety team said".
     */
    private static final Pattern OWN_POLICY = Pattern.compile("\\b(?:policy|policies|terms|rules|standards|"
            + "guidelines|help center|help centre|report|rulebook|code of conduct|page|published|publishes|publish|"
            + "announced|documentation|blog|transparency|appeals? process|"
            + "said|says|states|reported|describes|described|explains|lists|defines|enforces)\\b");
    /** Where the company's own publication starts to speak: "your rules say ...". */
    private static final Pattern POLICY_SAYS = Pattern.compile("\\b(?:say|says|said|state|states|explain|explains|"
            + "describe|describes|require|requires|allow|allows|provide|provides)\\b");
    /** Pointers to the accounts shared with the message. */
    private static final Pattern POINTER = Pattern.compile("\\b(?:these|those|listed|above|below|in this share|we "
            + "(?:flagged|identified|shared|sent|listed))\\b");
    /** What turns a description of the company's rules into pressure to apply them. */
    private static final Pattern APPLY_PRESSURE = Pattern.compile("\\b(should|must|ought|need|needs|needed|have "
            + "to|has to|expect|expects|expected|want|ask|asks|urge|please|demand|insist|trust|count on|time to|"
            + "advise|recommend|suggest|propose|"
            + "surely|clearly|obviously|plainly|still|yet|why|unless|if|even|regardless|without waiting|we would|we hope|hope|apply them to "
            + "these|these|those|listed|above|below|in this share|we (?:flagged|identified|shared|sent|listed))\\b");
    /** A short sentence announcing a demand whose content the next sentence states. */
    private static final Pattern STANCE = Pattern.compile("^(?:(?:our|my|the office 's|the bureau 's) (?:\\w+ )?"
            + "(?:position|view|stance|ask|expectation|message|request|line)\\b|you know (?:where we stand|our "
            + "(?:position|view|stance))|(?:here is|this is|that is) (?:our|what we|the) (?:\\w+ )?(?:ask|position|"
            + "view|request|are after|want|expect|line)|let (?:us|me) be (?:plain|blunt|clear|direct|frank|explicit|"
            + "honest)|that leaves (?:one|only one|a single) (?:course|option|path|way)|(?:we|our \\w+|the \\w+) "
            + "(?:hold|holds|have|has) (?:one|a single|a simple|a clear) (?:view|position|ask|expectation)|(?:we "
            + "have|we) (?:been|are being|were) (?:clear|plain|explicit) (?:\\w+ ){0,4}about what|consider (?:the "
            + "following|this|what follows) (?:\\w+ )?(?:our|the) (?:position|view|ask)|one thing matters|we will "
            + "keep (?:it|this) (?:short|simple|brief))");
    /** Colleagues of the sender speaking for it: "everyone here", "leadership in this building". */
    private static final Pattern SENDER_PHRASE = Pattern.compile("\\b(?:everyone|everybody|people|folks|"
            + "colleagues|leadership|staff|management|the director|our director) (?:here|in (?:this|our) (?:office|"
            + "building|agency|department))\\b");
    private static final Set<String> WATCHING = Set.of("track", "tracking", "watch", "note", "noted", "notice",
            "attention", "monitor");
    /** A forecast about the actor, not a wish: "as they did in 2022", "likely". */
    private static final Pattern FORECAST = Pattern.compile("\\b(as (?:they|it|the operators?|the actor|the "
            + "network) (?:did|have|has) (?:before|in|last)|likely|probably|based on past|as in (?:past|previous|"
            + "earlier)|historically|we assess|we predict|our assessment)\\b");
    private static final Pattern HANDLE = Pattern.compile("[\\w.+-]*[@#][\\w.-]+|https?://\\S+|\\w+_[\\w_]+");
    /** Offers and invitations to ask: the sender offers to act, the recipient is asked for nothing. */
    private static final Pattern OFFER = Pattern.compile("\\b(would you like|do you want|shall we|should we|let us "
            + "know|if you would like|if you wish|if you want|happy to)\\b");
    /** Words of a message that only ask about or acknowledge; after "to" or "please" they clear a bare frame. */
    private static final Set<String> REPORTING = Set.of("say", "tell", "write", "claim", "warn", "threaten",
            "argue", "post", "urge", "call", "boast", "complain", "insist", "demand", "promise", "announce",
            "declare", "allege", "suggest", "instruct", "order", "ask", "joke", "brag", "vow", "pledge", "tweet",
            "repost", "caption", "chant", "describe", "accuse", "praise", "recommend", "advise", "counsel", "propose",
            "encourage", "appeal", "title", "read");
    /** Frame words that are frames only as verbs ("direct" the adjective, "trust" in "trust and safety"). */
    private static final Set<String> VERB_ONLY_FRAMES = Set.of("direct", "order", "call", "count", "look", "see",
            "like", "time", "trust", "press", "push", "right", "mean", "appeal", "hate", "rather", "bound", "fall",
            "owe");
    /** Obligation placed on the recipient: "it is incumbent on you", "the onus is on your team". */
    private static final Set<String> OBLIGATION = Set.of("incumbent", "onus", "burden", "duty", "owe", "oblige",
            "obliged", "obligate", "obligation", "responsibility", "responsible", "job", "bound", "fall", "require",
            "required", "expected", "appeal", "hate", "rather");
    /** Soft frames: evaluation and wishes rather than demands (an ERROR unless disclaimed, then REVIEW). */
    private static final Set<String> SOFT = Set.of("encourage", "suggest", "recommend", "advise", "consider",
            "appreciate", "grateful", "welcome", "worth", "warrant", "deserve", "merit", "ideally", "hopefully",
            "helpful", "useful", "great", "good", "nice", "ideal", "best", "better", "wise", "prudent",
            "appropriate", "smart", "right", "glad", "happy", "thankful", "pleased", "hope", "hoping", "wonderful",
            "lovely", "fantastic", "excellent", "chance", "opportunity", "rather",
            "wonder", "recommendation", "advice", "suggestion", "proposal", "propose", "preference", "counsel",
            "relief", "relieved", "forward", "defensible");
    /** The company's own inaction, or the content staying up, named as the subject of an evaluation. */
    private static final Pattern INACTION = Pattern.compile("\\b(inaction|ignoring|ignore|leaving|leave|keeping|"
            + "doing nothing|do nothing|failing|failure|allowing|letting|tolerating|waiting|sitting on|hosting|"
            + "(?:these|the|those) \\w+(?: \\w+)? (?:remaining|staying|still))\\b");
    /** A modal of obligation or prediction before an act: "any company that cares would act on these". */
    private static final Pattern MODAL = Pattern.compile("\\b(would|should|must|ought to|need to|needs to|has to|have to|"
            + "will)\\b");
    private static final Pattern UNACCEPTABLE = Pattern.compile("\\b((?:is|are|be|was) (?:simply |just |really )?"
            + "not (?:an? )?(?:option|acceptable|tolerable|okay|ok|fine|allowed|possible|on the table|an answer|"
            + "a choice|something we (?:can|will) accept)|unacceptable|not acceptable|can not (?:accept|tolerate|"
            + "allow|abide)|will not (?:accept|tolerate|stand for)|nothing optional|not on the table|off the table|"
            + "a day too long|too long|no excuse|inexcusable|indefensible|(?:hard|difficult|impossible) to "
            + "(?:justify|defend|explain)|can not be (?:justified|defended|explained))\\b");
    /** Words naming a directive or a merely informative message, for intensified negation. */
    private static final Pattern BEYOND = Pattern.compile("\\b(?<!no )(?<!nothing )(?<!not )(more than|beyond|anything but|"
            + "no mere|far from|other than) (?:(?:a|an|just|merely|simply|your|our|some|mere|friendly|polite|"
            + "gentle|casual|simple|kind|courtesy|informal) ){0,3}(suggestion|request|recommendation|hint|idea|"
            + "courtesy|note|heads up|heads-up|heads - up|fyi|invitation|advice|notice|nudge|information|update|"
            + "observation|ask|thought|proposal|reminder|tip|request)s?\\b");
    private static final Pattern INFO_GENRE = Pattern.compile("\\b(?:not|n't|no|never) (?:(?:just|merely|simply|only|"
            + "purely|a|an|some|your|for|really) ){0,3}(?:courtesy|fyi|heads up|heads-up|friendly note|"
            + "invitation to (?:think|consider|reflect|mull)|food for thought|sharing (?:this|it) for your "
            + "(?:information|awareness)|for your (?:information|awareness)|informational|academic|"
            + "a matter of (?:interest|curiosity))\\b");
    private static final Pattern MERELY = Pattern.compile("\\b(?:not|no|never) (?:\\w+ ){0,2}(?:just|merely|simply|"
            + "only|purely) (?:\\w+ ){0,2}(?:shar\\w*|inform\\w*|tell\\w*|letting you know|passing|flagging|"
            + "pointing|a (?:suggestion|request|recommendation|heads))\\b");
    private static final Pattern DISCRETION_DENIED = Pattern.compile("\\b(?:not|no|never)\\b(?: \\w+){0,6} "
            + "(?:leav\\w*|left|up) (?:\\w+ ){0,3}(?:to )?(?:your|the company's|the platform's|you) "
            + "(?:discretion|choice|judgment|judgement|decision|call|policies)|\\bnot whether\\b.*\\b(?:only|but) "
            + "when\\b");
    /** A wish or demand phrased as the content's absence, continuation stopped or existence denied. */
    private static final Pattern ABSENCE = Pattern.compile("\\b(no longer \\w+|not be around|(?:should|must|"
            + "ought to|need to|needs to|to) not (?:exist|survive|be around|remain|stay|continue|be (?:up|online|here|"
            + "there|available))|stop(?:s|ped)? (?:existing|\\w+ing)|out of here|outta here|(?:go|goes|went|gone) "
            + "poof|none of (?:\\w+ ){1,3}(?:to )?(?:remain|stay|be|still)|no more (?:\\w+ ){0,2}(?:accounts|pages|posts|"
            + "profiles|videos|channels|personas|bots|groups|content)|(?:not|never) be (?:allowed|permitted|"
            + "able) to (?:keep|continue|stay|remain|go on|post|spread|operate)|(?:not|never|stop) (?:let|allow|"
            + "permit)(?:ting|ing)? (?:\\w+ ){1,4}(?:keep|continue|stay|remain|spread|thrive|operate|post|"
            + "grow|circulate|reach))\\b");
    /** The content staying up, inside a condition or as a span of time: the consequence of the company's choice. */
    private static final Pattern CONTINUATION = Pattern.compile("\\b(if|unless|should|while|as long as|every day|"
            + "each day|each hour|the longer|when)\\b(?: \\w+){1,6} (?:stay|stays|remain|remains|keep|keeps|"
            + "continue|continues|still|are still|is still|linger)\\b");
    private static final Pattern MODAL_NEED = Pattern.compile("\\b(need|needs|must|should|ought|has to|have to|"
            + "gotta|got to|require|requires)\\b");
    private static final Pattern GENERIC_ADDRESSEE = Pattern.compile("\\b((?:any|every|a|no) (?:\\w+ )?"
            + "(?:company|platform|service)|(?:platforms|companies|services)(?: like (?:yours|this))?|the "
            + "(?:company|platform|companies|platforms))\\b");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|"
            + "(?<![\\w'])'[^'\n]{3,}?'(?![\\w])");
    /**
     * The sender disowning any request in other words than {@link #NO_VIEW}: "this is not a takedown request",
     * "not as a request for any action", "should feel no obligation to act", "our rules forbid us to recommend".
     * Cleared only when nothing turns the denial round ("but", "only", "merely", "nicely", "you can set aside").
     */
    private static final Pattern DISAVOWAL = Pattern.compile("\\b(?:not|no|never|nothing|neither|forbids?|"
            + "forbidden|prohibits?)\\b(?: \\w+){0,5} (?:request|requests|requesting|recommend|recommends|"
            + "recommending|recommendation|demand|demands|demanding|expectation|obligation|pressure|ask|asking|urge|"
            + "urging)\\b");
    /** What turns a disavowal into pressure: a contrast, a hedge on the denial, or the recipient's leeway denied. */
    private static final Pattern DISAVOWAL_TURNED = Pattern.compile("\\b(?:but|mere|merely|just|simply|nicely|"
            + "instead|yet|however|twice|again|third|idle|hardly|you can|you could|can sit|set aside|ignore|only "
            + "(?:when|that|to|how))\\b|;");
    /** Speech reported from a named document or third party: "according to a leaked memo, ...". */
    private static final Pattern ACCORDING = Pattern.compile("^according to (?:a|an|the|its|their|one|leaked|"
            + "internal) ");
    /** The sender named by its office rather than a pronoun: "the office expects", "the task force suggests". */
    private static final Pattern SENDER_NOUN = Pattern.compile("(?:\\b(?:this|the|our) (?:office|unit|task force|"
            + "bureau|department|directorate|director|minister|ministry|agency|government)\\b|^office\\b|"
            + "\\bleadership here\\b|\\bsenior leadership\\b|\\b(?:from|on) (?:our|this) side\\b|\\bat this end\\b)");
    /** A verb with a removal prefix split off by a hyphen: "de - rank", "down - ranking", "de - platform". */
    private static final Pattern PREFIXED_ACT = Pattern.compile("\\b(?:de|down|un) - (?:rank|list|index|platform|"
            + "amplif|boost|monetis|monetiz|publish|prioriti)\\w*");
    /** Enforcement named as a noun against accounts or content: "appropriate enforcement against the profiles". */
    private static final Pattern ENFORCEMENT_AGAINST = Pattern.compile("\\b(?:enforcement|action|measures|steps)"
            + "(?: \\w+){0,2} (?:against|on) (?:the|these|those|all|every|each|its|their)\\b");
    /** Idioms of expulsion: "give them the boot", "show the network the door", "pull the plug on". */
    private static final Pattern EJECT_IDIOM = Pattern.compile("\\b(?:(?:give|gives|giving|gave|get|gets|getting|got|"
            + "show|shows|showing|showed|shown) (?:[\\w@']+ ){0,6}?(?:the (?:boot|door|exit|axe|ax|chop)|(?:their "
            + "|its )?marching orders)|pull(?:s|ed|ing)? the plug(?: on)?|send(?:s|ing)? (?:\\w+ ){0,4}packing)\\b");
    /** A wish voiced without a frame word: "nothing would please us more than", "fingers crossed". */
    private static final Pattern WISH = Pattern.compile("\\b(?:nothing would (?:\\w+ ){0,2}(?:please|satisfy|delight|"
            + "suit|reassure|help) (?:\\w+ ){0,3}more than|fingers crossed|(?:counts?|counting) on|(?:it is )?assumed "
            + "(?:on our side |here |at this end )?that|our assumption is that|we assume that|(?:would|will|could) sleep (?:better|"
            + "easier))\\b");
    /** An evaluation of a course of action that speaks for the sender: "the sensible course is to ...". */
    private static final Pattern COURSE = Pattern.compile("^(?:(?:the|our|in our view the) )?(?:\\w+ )?(?:best|"
            + "wisest|wise|sensible|prudent|smart|right|obvious|responsible|appropriate|correct|proper|only) "
            + "(?:practice|course|option|step|move|thing|approach|answer|response|way)(?: \\w+){0,5} (?:is|would be|"
            + "will be)\\b|^best to\\b|^(?:it would be |would be |be )?(?:great|nice|good|wonderful|lovely|"
            + "ideal|helpful) if\\b|^(?:needed|required|wanted|expected) :");
    /** A demand named as a noun that speaks for the sender: "our tip is", "recommendation from the task force is". */
    private static final Pattern DEMAND_NOUN = Pattern.compile("(?:^|\\b(?:the|our|my)\\b )(?:[\\w']+ ){0,3}"
            + "(?:ask|request|expectation|demand|requirement|recommendation|advice|suggestion|proposal|tip|"
            + "counsel|answer|position)(?: from (?:[\\w']+ ){1,4}?)? (?:would be|is|:)");
    /**
     * Accounts or content that should not persist, said through a negated universal or a denied circumstance:
     * "not one account should survive", "under no circumstances should the channels remain monetised", "there is
     * no version of this where the ads keep running", "no reason for this network to remain on your platform".
     */
    private static final Pattern NEGATED_PERSISTENCE = Pattern.compile("\\b(?:(?:not one|none|not a single|under no "
            + "circumstances|by no means|in no (?:case|way)|at no point|no (?:\\w+ )?(?:account|page|channel|post|"
            + "persona|bot|profile|video|site)s?)\\b(?: [\\w@']+){0,10}? (?:should|must|can|may|will|would|shall|"
            + "ought to|is to|are to)(?: [\\w@']+){0,6}?|(?:no version of this where|no reason (?:at all )?for)"
            + "(?: [\\w@']+){1,8}?(?: to)?) (?:still )?(?:survive|remain|stay|keep|continue|be left|be allowed|"
            + "be (?:still )?(?:reachable|available|active|online|live|up|posting|monetised|monetized|earning|"
            + "standing|visible))\\b");
    /**
     * The sender refusing every answer but action: "we will not accept a response that leaves ...", "we won't take
     * no for an answer", "nobody here regards deactivating ... as voluntary", "not an outcome we are prepared to
     * accept", "not something this office can accept", "not a mere suggestion", "not a request you can sit on".
     */
    private static final Pattern REFUSED_ANSWER = Pattern.compile("\\b(?:(?:will|would|can|could|shall) not accept"
            + "|take no for an answer|(?:nobody|no one)(?: \\w+)? (?:regards|sees|considers|treats|views|thinks of) "
            + "(?:[\\w@']+ ){1,10}as (?:voluntary|optional|discretionary|a choice)|not (?:something|an outcome|a "
            + "result|an option|a response|an answer)(?: \\w+){0,4} (?:can|could|will|is prepared to|are prepared "
            + "to|regards? as|would find|finds?) (?:accept|acceptable|tolerate|an acceptable)|not (?:a|an) mere "
            + "(?:suggestion|request|note|courtesy)|not (?:a request|a note|one|something) (?:that )?you (?:can|could"
            + "|may) (?:sit on|set aside|ignore|shelve|decline|park)|not up to you whether|no alternative (?:\\w+ )"
            + "{0,3}acceptable|inaction is not (?:among|one of|an option)|not a menu of options|(?:is|are|:) not "
            + "(?:discretionary|optional|advisory))\\b");
    /**
     * Content still up, named in a reminder or chased again, or said to be up when it should not be ("this is our
     * third reminder regarding the network, which is still online", "the channels are still live and they should
     * not be").
     */
    private static final Pattern STILL_UP_CHASED = Pattern.compile("\\b(?:(?:reminder|chasing|ping|nudge|follow - "
            + "up|following up|again)\\b(?: [\\w@',]+){0,14}? (?:(?:is|are) still (?:up|live|online|active|there|"
            + "circulating|posting|reachable|monetised|monetized)|still waiting)|still (?:up|live|online|active) and "
            + "(?:\\w+ )?(?:should not|must not|ought not to) be)\\b");
    /** Accounts or content expected, assumed or required to be gone: "the cluster is expected to be gone". */
    private static final Pattern CONTENT_EXPECTED = Pattern.compile("\\b(?:is|are) (?:\\w+ )?(?:expected|assumed|"
            + "required|supposed|meant) to (?:be )?(?:gone|down|offline|removed|closed|dark|disabled|suspended|taken "
            + "down|deactivated|demoneti[sz]ed|label+ed|deleted|shut)\\b");
    /** A hope or expectation that none of the content is still up: "our hope is that none of these are still posting". */
    private static final Pattern HOPED_ABSENCE = Pattern.compile("\\b(?:hope|wish|expectation|expect|want|assumption|"
            + "assume) (?:is )?that (?:none|not one|no)\\b(?: [\\w@']+){0,8}? (?:are|is|remain|remains|stay|stays) "
            + "still\\b");
    /** A short sentence announcing the demand the next one states (more ways than {@link #STANCE}). */
    private static final Pattern STANCE_MORE = Pattern.compile("^(?:there is (?:only )?(?:one|a single) (?:acceptable "
            + "|possible |right )?(?:outcome|option|answer|result|course|way forward)|(?:here is|here 's) (?:the "
            + "deal|where we land|the bottom line)|(?:the )?bottom line|(?:our|my|the \\w+ 's) (?:\\w+ )?(?:position|"
            + "view|stance|line|answer) is (?:simple|straightforward|clear|firm|this)|two things from (?:our|my) "
            + "side|let (?:us|me) be (?:plain|blunt|clear|direct|frank|explicit))");
    /** What a sentence after a bare frame says should happen to the content, without a verb of removal. */
    private static final Pattern AFTER_FRAME_OUTCOME = Pattern.compile("\\b(?:dark|down|gone|offline|off|shut|"
            + "closed|disabled|survive|survives|stay|stays|remain|remains|los(?:e|es|ing)|no (?:monetisation|"
            + "monetization|reach|visibility|revenue)|zero|disappear\\w*|go|goes|come off|comes off)\\b");
    /** Further wished-for outcomes: "ceased to exist", "not online anymore", "won't be reachable". */
    private static final Pattern OUTCOME_MORE = Pattern.compile("\\b(?:ceased to (?:exist|operate)|not (?:be )?"
            + "(?:online|up|live|active|available|visible|reachable) any ?more|(?:will|would|should|could|can) not be "
            + "(?:reachable|visible|available|accessible|online|up|active|live|found|monetised|monetized)|"
            + "(?:lose|loses|losing|lost) (?:its|their|the) (?:verification|payment|monetisation|monetization|ad|"
            + "place|ability|badges?|access)|(?:unable|not able) to (?:earn|post|reach|spread|operate)|out of "
            + "(?:rotation|trending|recommendations|your trending|the trending)|(?:dark|offline|gone|down) by)\\b");
    /** An imperative to keep or leave the content up, joined to what will follow: "keep hosting X and ...". */
    private static final Pattern DARE = Pattern.compile("^(?:go ahead and |by all means )?(?:keep|leave)\\b(?: "
            + "[\\w@']+){1,8} and (?:see|watch|wait|the|we|you|your|our|expect|do not be surprised)\\b");
    /** A modal perfect that infers or reports ("the accounts must have been created in bulk"). */
    private static final Pattern EPISTEMIC = Pattern.compile("\\b(?:must have|should have (?:received|got|gotten|"
            + "arrived|seen|reached|had))\\b");
    /** Imperative verbs that only ask to read, send or get in touch, never act on content. */
    private static final Set<String> HARMLESS_IMPERATIVE = Set.of("review", "read", "see", "note", "share", "send",
            "contact", "call", "email", "forward", "reply", "respond", "use", "open", "download", "find", "refer",
            "check", "compare", "treat", "let", "join", "attend", "bring", "save", "store", "print", "click", "visit",
            "consult", "look", "thank", "ask", "tell", "write", "cite", "quote", "reach", "direct", "route", "copy",
            "consider", "mark", "tag", "include", "attach", "be", "have", "do", "go", "come", "feel", "expect",
            "understand", "know", "remember", "bear", "keep", "leave", "give", "make", "get", "take", "provide",
            "confirm", "report", "update", "explain", "discuss", "meet", "verify", "assess", "evaluate", "investigate",
            "monitor", "track", "watch", "study", "analyse", "analyze", "examine", "search", "query", "identify",
            "dial", "drop", "stop", "continue", "wait", "hold", "set", "try", "schedule", "plan", "prepare", "submit",
            "register", "sign", "log", "follow", "apply", "file", "request", "accept", "appeal");
    /** Words that open an imperative's object: a determiner, a pronoun or a masked name. */
    private static final Set<String> OBJECT_START = Set.of("the", "these", "those", "this", "that", "all", "every",
            "any", "them", "it", "our", "their", "its", "each", "quoted", "both", "new", "remaining");
    /** The sender offering or asking about its own step: "would you like us to stop", "who should we contact". */
    private static final Pattern OFFER_US = Pattern.compile("\\b(?:(?:would|do) you (?:like|want|prefer) (?:us|me) "
            + "to|should we|shall we|may we|can we)\\b");
    /** What the sender needs for a meeting or a visit, not from the platform's enforcement. */
    private static final Set<String> LOGISTICS = Set.of("name", "names", "detail", "details", "attendee",
            "attendees", "visitor", "visitors", "slides", "agenda", "availability", "badge", "pass", "number",
            "address", "contact", "feedback", "format", "date", "time", "room", "copy", "title", "titles");
    private static final String[][] CONTRACTIONS = {
        {"won't", "will not"}, {"can't", "can not"}, {"cannot", "can not"}, {"shan't", "shall not"},
        {"n't", " not"}, {"let's", "let us"}, {"it's", "it is"}, {"that's", "that is"}, {"there's", "there is"},
        {"what's", "what is"}, {"'d", " would"}, {"'re", " are"}, {"'ll", " will"}, {"'ve", " have"}, {"'m", " am"}
    };

    /**
     * What the analysis concluded about one sentence.
     *
     * @param severity ERROR or REVIEW
     * @param frame the act recognised, for the finding's message
     * @param action the act against content it governs, or a description when there is none
     * @param bareFrame whether the sentence voices a demand without saying what should happen (the next sentence
     *     may say it)
     */
    public record Verdict(Severity severity, String frame, String action, boolean bareFrame) {}

    private SpeechActAnalyser() {}

    private interface ModelReader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, ModelReader<T> reader) {
        try (InputStream in = SpeechActAnalyser.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
        }
    }

    /**
     * Analyses one normalised English sentence.
     *
     * @param sentence the sentence
     * @param afterBareFrame whether the previous sentence of the same text voiced a demand without its object
     * @return the finding, or empty when the sentence is cleared
     */
    public static Optional<Verdict> analyse(String sentence, boolean afterBareFrame) {
        // The same sentence is read several times per share (its field, the facts read together, the rendered
        // message), and tagging dominates the cost: results are cached, bounded, per (sentence, context).
        String key = (afterBareFrame ? "1" : "0") + sentence;
        Optional<Verdict> cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<Verdict> v = analyseUncached(sentence, afterBareFrame);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, v);
        return v;
    }

    private static final int CACHE_LIMIT = 20_000;
    private static final java.util.Map<String, Optional<Verdict>> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A sentence tokenised, tagged and lemmatised, with who is in it. */
    private record Parsed(String[] tok, String[] pos, String[] lem, String joined, boolean sender,
            boolean recipient, boolean target, boolean question) {}

    /**
     * Sentences already tagged: the lexicon check ({@link #clearsLexicon}) and the analysis in either context (after
     * a bare frame or not) of the same sentence read the same tags, and tagging is most of the cost of new text.
     * Bounded like the answer caches; the arrays are never written after {@link #parseUncached}.
     */
    private static final AnswerCache<String, Optional<Parsed>> PARSED = new AnswerCache<>(1L << 20, String::length);

    private static Parsed parse(String sentence) {
        Optional<Parsed> known = PARSED.get(sentence);
        if (known == null) {
            known = Optional.ofNullable(parseUncached(sentence));
            PARSED.put(sentence, known);
        }
        return known.orElse(null);
    }

    private static Parsed parseUncached(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        // A negative question is rhetorical: "wouldn't it be better if ..." asserts, it does not negate.
        if (lower.strip().endsWith("?")) {
            lower = lower.replaceAll("n't (it|you|this|that|we|your)\\b", " $1");
        }
        lower = QUOTED.matcher(lower).replaceAll(" quoted ");
        // "Doing nothing" names the company's inaction; its "nothing" negates no frame.
        lower = lower.replaceAll("\\b(?:do|doing|does|did) nothing\\b", "inaction");
        for (String[] c : CONTRACTIONS) {
            lower = lower.replace(c[0], c[1]);
        }
        // Handles and hashtags are names, not words of the sentence ("@remove_the_noise").
        lower = HANDLE.matcher(lower).replaceAll(" quoted ");
        // Litotes: a negated negative asserts ("will not go unnoticed" is "will be noticed").
        for (String[] l : LITOTES) {
            lower = lower.replaceAll(l[0], l[1]);
        }
        String[] tok = SimpleTokenizer.INSTANCE.tokenize(lower);
        if (tok.length == 0) {
            return null;
        }
        String[] pos = TAGGER.get().tag(tok);
        String[] lem = LEMMATIZER.get().lemmatize(tok, pos);
        for (int i = 0; i < lem.length; i++) {
            if (lem[i] == null || lem[i].isBlank() || "O".equals(lem[i])) {
                lem[i] = tok[i];
            }
        }
        String joined = String.join(" ", tok).replace(" ' s ", " 's ");
        boolean sender = any(tok, SENDER) || SENDER_PHRASE.matcher(joined).find();
        boolean recipient = any(tok, RECIPIENT);
        // The operation's own words, reported without quotation marks ("the persona's posts said delete your
        // accounts before it is too late"), are the quoted party's speech: their "you" is the operation's
        // audience and their "we" the operation, so only the words before the reporting verb say who speaks.
        int reportAt = reportingAt(tok, pos, lem);
        if (reportAt > 0 && (sender || recipient)) {
            boolean party = false;
            boolean speaker = false;
            for (int j = 0; j < reportAt; j++) {
                party |= QUOTED_PARTY.contains(lem[j]) || TARGETS.contains(lem[j]) && !PRONOUN_TARGETS.contains(tok[j]);
                speaker |= SENDER.contains(tok[j]) || RECIPIENT.contains(tok[j]);
            }
            if (party && !speaker) {
                sender = false;
                recipient = false;
            }
        }
        boolean target = false;
        for (int i = 0; i < tok.length; i++) {
            target |= TARGETS.contains(lem[i]) || TARGETS.contains(tok[i]);
        }
        return new Parsed(tok, pos, lem, joined, sender, recipient, target, sentence.strip().endsWith("?"));
    }

    /**
     * Whether the sentence, whatever words it uses, is not the sender's request: it disclaims ("we take no position
     * on whether ..."), reports a third party's words or acts ("the handlers advised new personas to remove ...",
     * "deletions by the actor"), forecasts the actor's behaviour, acts on the sender's own message ("please delete
     * the earlier copy of this share"), or states the sender's own obligation with no act against content. Used to
     * clear a hit of the rule set's lexicon, which matches words without this structure.
     *
     * @param sentence a normalised English sentence
     * @return whether the sentence is cleared
     */
    public static boolean clearsLexicon(String sentence) {
        Boolean cached = CLEARS_CACHE.get(sentence);
        if (cached != null) {
            return cached;
        }
        boolean clears = clearsLexiconUncached(sentence);
        if (CLEARS_CACHE.size() >= CACHE_LIMIT) {
            CLEARS_CACHE.clear();
        }
        CLEARS_CACHE.put(sentence, clears);
        return clears;
    }

    private static final java.util.Map<String, Boolean> CLEARS_CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean clearsLexiconUncached(String sentence) {
        Parsed p = parse(sentence);
        if (p == null) {
            return true;
        }
        if (noView(p.joined()) || ownPolicy(p) || disavowed(p.joined())) {
            return true;
        }
        if (!p.recipient() && ActFamilies.match(clause(p)).isPresent()) {
            return false;
        }
        if (!p.sender() && !p.recipient() && (reported(p.tok(), p.pos(), p.lem())
                || thirdPartyPast(p.tok(), p.pos(), p.lem()))) {
            return true;
        }
        if (!p.recipient() && (ActFamilies.thirdPartyAgent(p.joined()) || FORECAST.matcher(p.joined()).find())) {
            return true;
        }
        boolean[] act = acts(p);
        for (int i = 0; i < act.length; i++) {
            if (act[i] && ownMessage(p, i)) {
                return true;
            }
        }
        return senderOwnObligation(p, act);
    }

    private static Optional<Verdict> analyseUncached(String sentence, boolean afterBareFrame) {
        Parsed p = parse(sentence);
        if (p == null) {
            return Optional.empty();
        }
        String[] tok = p.tok();
        String[] pos = p.pos();
        String[] lem = p.lem();
        String joined = p.joined();
        boolean sender = p.sender();
        boolean recipient = p.recipient();
        boolean target = p.target();
        if (noView(joined) || ownPolicy(p) || disavowed(joined)) {
            return Optional.empty();
        }
        // "According to a leaked memo, the managers urged staff to ...": a document's report of a third party.
        if (!recipient && ACCORDING.matcher(joined).find() && pastVerb(tok, pos, lem)) {
            return Optional.empty();
        }
        // The sender named by its office ("the office expects", "the task force suggests") voices a frame as "we"
        // does; kept out of the parse so the classifier's features stay as trained.
        boolean senderNamed = sender || SENDER_NOUN.matcher(joined).find();
        boolean[] acted = acts(p);
        Optional<Verdict> family = ActFamilies.match(new ActFamilies.Clause(joined, tok, lem, acted, sender, recipient,
                target, p.question()));
        if (family.isPresent()) {
            return family;
        }

        // Speech reported from a third party ("the persona told followers to delete ...") is a fact about the actor,
        // unless the sender or the recipient is in it; so is a third party's past act ("the bots went offline by
        // noon"); and the sender's own obligation ("our team must finish the review") asks nothing.
        if (!senderNamed && !recipient && (reported(tok, pos, lem) || thirdPartyPast(tok, pos, lem) && !afterBareFrame
                && !COURSE.matcher(joined).lookingAt())
                || senderOwnObligation(p, acted) || reportedByThirdParty(p)) {
            return Optional.empty();
        }
        Matcher in = INTENSIFIED.matcher(joined);
        if (in.find()) {
            return Optional.of(new Verdict(Severity.ERROR, "intensified directive '" + in.group() + "'",
                    "the act it insists on", true));
        }
        // Accounts that should not persist, said by a negated universal or a denied circumstance, and every answer
        // but action refused: demands however they are worded.
        Matcher persist = NEGATED_PERSISTENCE.matcher(joined);
        if (target && !p.question() && persist.find()) {
            return Optional.of(new Verdict(Severity.ERROR, "content denied persistence '" + persist.group() + "'",
                    "the act it insists on", false));
        }
        for (Pattern demand : List.of(CONTENT_EXPECTED, HOPED_ABSENCE)) {
            Matcher m = demand.matcher(joined);
            if (target && !p.question() && m.find() && !negatedBefore(joined, m.start())) {
                return Optional.of(new Verdict(Severity.ERROR, "content wished gone '" + m.group() + "'",
                        "the act it insists on", false));
            }
        }
        Matcher chased = STILL_UP_CHASED.matcher(joined);
        if ((target || contentWord(tok, lem)) && chased.find()) {
            return Optional.of(new Verdict(Severity.REVIEW, "content chased as still up '" + chased.group() + "'",
                    "the act it presses for", false));
        }
        Matcher refused = REFUSED_ANSWER.matcher(joined);
        if (refused.find() && (target || INACTION.matcher(joined).find() || ActFamilies.anyAct(acted))) {
            return Optional.of(new Verdict(Severity.ERROR, "every answer but action refused '" + refused.group()
                    + "'", "the act it insists on", true));
        }
        // Acts against content: lemmas of removal verbs, phrasal verbs with a particle, wished-for outcomes.
        String action = null;
        int actionAt = -1;
        for (int i = 0; i < tok.length && action == null; i++) {
            boolean strong = STRONG.contains(lem[i]) || STRONG.contains(tok[i]) || deverbal(tok[i])
                    || wordNetVerbAt(tok, pos, lem, i)
                    || "NOUN".equals(pos[i]) && ActClasses.removalNoun(lem[i]);
            // A weak verb used as a noun ("by end of day", "a block of accounts") acts on nothing.
            boolean weak = WEAK.contains(lem[i]) && target && !NEGATORS.contains(prev(tok, i))
                    && !"of".equals(i + 1 < tok.length ? tok[i + 1] : "")
                    && !Set.of("the", "a", "an", "by", "at", "this", "that").contains(prev(tok, i));
            boolean phrasal = PHRASAL_HEADS.contains(lem[i]) && particleAfter(tok, i) || fromPhrase(p, i);
            // An adverb ("still") or finishing one's own work ("finish the translation") removes nothing.
            boolean notAnAct = "ADV".equals(pos[i]) || Set.of("finish", "complete").contains(lem[i]);
            if ((strong || weak || phrasal) && !notAnAct && (afterBareFrame || !factual(tok, lem, i))) {
                action = tok[i];
                actionAt = i;
            }
        }
        Matcher out = OUTCOME.matcher(joined);
        // An outcome needs something it happens to: "the mailbox is unavailable" or "queries should go to the duty
        // desk" wish nothing on accounts.
        boolean outcomeHolder = target || afterBareFrame || any(tok, Set.of("quoted")) || contentWord(tok, lem);
        if (action == null && out.find() && !negatedBefore(joined, out.start()) && outcomeHolder) {
            action = out.group();
            actionAt = tokenIndexAt(joined, out.start());
        }
        for (Pattern more : List.of(OUTCOME_MORE, PREFIXED_ACT, EJECT_IDIOM, ENFORCEMENT_AGAINST)) {
            Matcher m = more.matcher(joined);
            if (action == null && m.find() && !negatedBefore(joined, m.start()) && (outcomeHolder
                    || more == PREFIXED_ACT || more == EJECT_IDIOM)) {
                action = m.group();
                actionAt = tokenIndexAt(joined, m.start());
            }
        }
        Matcher absent = ABSENCE.matcher(joined);
        if (action == null && absent.find() && (target || afterBareFrame)) {
            action = absent.group();
            actionAt = tokenIndexAt(joined, absent.start());
        }
        if (action == null) {
            // "a feed free of these personas", "a platform without these accounts": the content's absence.
            for (int i = 0; i + 1 < tok.length && action == null; i++) {
                boolean free = "without".equals(tok[i]) || ("free".equals(tok[i]) || "clear".equals(tok[i])
                        || "rid".equals(tok[i])) && "of".equals(tok[i + 1]);
                for (int j = i + 1; free && j < tok.length && j <= i + 5; j++) {
                    if (TARGETS.contains(lem[j]) && !Set.of("it", "this", "they", "them").contains(tok[j])) {
                        action = tok[i] + " ... " + tok[j];
                        actionAt = i;
                        break;
                    }
                }
            }
        }

        // The act of a third party ("deletions by the actor"), a forecast about the actor, or an act on the sender's
        // own message is no act the recipient is asked for.
        if (action != null && (ownMessage(p, actionAt) || !recipient && !afterBareFrame
                && (ActFamilies.thirdPartyAgent(joined) || FORECAST.matcher(joined).find()))) {
            action = null;
            actionAt = -1;
        }

        // A demand split over two sentences: the object of the previous sentence's bare demand.
        if (afterBareFrame && action != null && !opensWithClearing(tok, lem)) {
            return Optional.of(new Verdict(Severity.ERROR, "demand stated in the previous sentence", action, false));
        }
        Matcher then = AFTER_FRAME_OUTCOME.matcher(joined);
        if (afterBareFrame && (target || recipient) && !p.question() && then.find() && !opensWithClearing(tok, lem)) {
            return Optional.of(new Verdict(Severity.ERROR, "demand stated in the previous sentence", then.group(),
                    false));
        }

        // Imperative: the base form of an act opening any clause, after optional leads ("please", "now", "so").
        for (int cs = 0; cs < tok.length; cs++) {
            if (cs != 0 && !BOUNDARY.contains(tok[cs - 1]) && !"then".equals(tok[cs - 1])) {
                continue;
            }
            int i = cs;
            while (i < tok.length && LEADS.contains(tok[i])) {
                i++;
            }
            if (i >= tok.length) {
                break;
            }
            boolean base = tok[i].equals(lem[i]) || "VERB".equals(pos[i]) && tok[i].equals(lem[i]);
            String after = i + 1 < tok.length ? tok[i + 1] : "";
            // A noun that only looks like a verb ("Action items ...", "Takedown fears ...", "Suspension notices")
            // heads a noun phrase; an imperative takes an object, a particle or a name.
            // "Takedown fears are a common theme": a noun phrase subject, whatever the tagger made of its head.
            boolean verbal = !("NOUN".equals(pos[i]) && i + 1 < tok.length && "NOUN".equals(pos[i + 1]))
                    && !(i + 2 < tok.length && Set.of("are", "is", "were", "was").contains(tok[i + 2]));
            // A weak verb needs accounts or content as its object, not "drop me a line" or "stop using the alias".
            boolean weakObject = WEAK.contains(lem[i]) && !Set.of("me", "us").contains(after)
                    && (contentNoun(p) || Set.of("them", "it", "these", "those").contains(after));
            boolean act = STRONG.contains(lem[i]) || (WEAK.contains(lem[i]) && target && weakObject)
                    || wordNetVerbAt(tok, pos, lem, i)
                    || (PHRASAL_HEADS.contains(lem[i]) && particleAfter(tok, i))
                    || Set.of("make", "get", "have", "see", "let", "keep").contains(lem[i]) && action != null
                    && actionAt >= i || "do".equals(lem[i]) && action != null && action.startsWith("do something");
            String next = i + 1 < tok.length ? tok[i + 1] : "";
            boolean nominal = Set.of("of", "by", "or", "and", ",", "nor", "as", "in", "at", "from", "is", "was", "are", "were", "'s", "has", "have", "on", "for",
                    "count", "counts", "rate", "list", "lists", "history", "data", "records", "policy", "policies",
                    ".", "").contains(next) || "NOUN".equals(pos[i]) && next.matches("[a-z]+s") && !target;
            if (base && act && verbal && !nominal && !"PRON".equals(pos[Math.max(0, i - 1)]) && !ownMessage(p, i)) {
                return Optional.of(new Verdict(Severity.ERROR, "imperative '" + tok[i] + "'", tok[i], false));
            }
        }
        Optional<Verdict> imperative = imperativeOnContent(p, action, false);
        if (imperative.isPresent()) {
            return imperative;
        }

        // Frames voiced by the sender, addressed to the recipient, impersonal ("it would be great if") or modal
        // passive with the content as subject ("these pages should be taken down").
        String frame = null;
        boolean soft = false;
        int frameAt = -1;
        for (int i = 0; i < tok.length; i++) {
            boolean obligation = OBLIGATION.contains(lem[i]) || OBLIGATION.contains(tok[i]);
            if (!DESIRE.contains(lem[i]) && !DESIRE.contains(tok[i]) && !obligation
                    && !SOFT.contains(lem[i])) {
                continue;
            }
            boolean boundTo = "bound".equals(tok[i]) && i + 1 < tok.length && "to".equals(tok[i + 1]);
            if (VERB_ONLY_FRAMES.contains(lem[i]) && !"VERB".equals(pos[i]) && !"rather".equals(tok[i]) && !boundTo) {
                continue;
            }
            if (inverted(tok, i)) {
                continue;
            }
            // "The accounts must have been created in bulk": a modal perfect infers, it does not oblige.
            if (Set.of("must", "should").contains(tok[i]) && i + 1 < tok.length && "have".equals(tok[i + 1])
                    && EPISTEMIC.matcher(joined).find()) {
                continue;
            }
            if ("trust".equals(tok[i]) && i + 2 < tok.length && "safety".equals(tok[i + 2])) {
                continue;
            }
            // A noun modifying another noun ("duty officer", "priority queue") names a thing, not a demand.
            if ("NOUN".equals(pos[i]) && i + 1 < tok.length && "NOUN".equals(pos[i + 1])) {
                continue;
            }
            if (Set.of("bound", "fall", "falls", "owe").contains(tok[i]) && !(i + 1 < tok.length
                    && Set.of("to", "it", "on").contains(tok[i + 1]))) {
                continue;
            }
            if (negated(tok, i)) {
                continue;
            }
            boolean isSoft = SOFT.contains(lem[i]) || SOFT.contains(tok[i]);
            if (frame == null || soft && !isSoft) {
                frame = tok[i];
                frameAt = i;
                soft = isSoft;
            }
        }
        Matcher polite = POLITE.matcher(joined);
        boolean politeFrame = polite.find() && !negatedBefore(joined, polite.start());
        if (politeFrame && frame == null) {
            frame = polite.group();
            soft = true;
        }
        Matcher wish = WISH.matcher(joined);
        boolean wished = wish.find();
        if (wished && frame == null) {
            frame = wish.group();
            soft = true;
        }
        Matcher course = COURSE.matcher(joined);
        boolean courseFrame = course.find();
        if (courseFrame && frame == null) {
            frame = course.group();
            soft = true;
        }
        Matcher demandWord = DEMAND_NOUN.matcher(joined);
        boolean namedDemand = demandWord.find();
        if (namedDemand && frame == null) {
            frame = demandWord.group();
        }
        boolean impersonal = joined.matches(".*\\b(it (?:is|would|will|might|may|seems)|there (?:is|should|must|"
                + "needs))\\b.*");
        boolean modalPassive = joined.matches(".*\\b(should|must|need to|needs to|has to|have to|ought to|will "
                + "need to|are to|is to|shall) (?:\\w+ )?(?:be|get|go|come|stay|remain)\\b.*");
        // "The ask is simple": a demand named as a noun speaks for the sender without a pronoun.
        boolean demandNoun = joined.matches(".*\\b(?:the|our|my|the office 's|the bureau 's|our \\w+ 's) (?:\\w+ )?(?:ask|"
                + "request|expectation|demand|requirement|need|priority|recommendation|advice|suggestion|proposal|"
                + "preference|wish|hope) (?:would be|is)\\b.*") || joined.matches(".*\\bwhat (?:should|must|needs to|"
                + "has to|ought to) happen\\b.*") || joined.matches(".*\\b(?:what|all) (?:is |are )?(?:needed|wanted|required|expected|we "
                + "(?:need|want|require|expect|ask))\\b.*");
        boolean generic = GENERIC_ADDRESSEE.matcher(joined).find();
        // The content as the subject of a need or obligation: "these channels have to go", "the personas need
        // removing". A past form ("needed", "had to") reports.
        boolean contentSubject = false;
        Matcher need = MODAL_NEED.matcher(joined);
        while (need.find() && !contentSubject) {
            int at = tokenIndexAt(joined, need.start());
            if (at < tok.length && negated(tok, at) || inverted(tok, at)) {
                continue;
            }
            for (int j = Math.max(0, at - 4); j < at; j++) {
                contentSubject |= ("NOUN".equals(pos[j]) || TARGETS.contains(lem[j]))
                        && !SENDER.contains(tok[j]) && !Set.of("time", "day", "week").contains(lem[j]);
            }
        }
        if (contentSubject && frame == null && action != null) {
            Matcher nm = MODAL_NEED.matcher(joined);
            frame = nm.find() ? nm.group() : "need";
        }
        boolean voiced = senderNamed || wished || courseFrame || namedDemand || recipient || impersonal || modalPassive || politeFrame || demandNoun || generic
                || contentSubject || joined.matches("^(?:would )?be (?:great|nice|good|wonderful|lovely|best|"
                + "better|ideal)\\b.*")
                || frame != null && Set.of("please", "kindly", "ideally", "hopefully").contains(frame);
        Matcher deadline = DEADLINE.matcher(joined);
        // "No deadline applies": a negated deadline sets none.
        boolean hasDeadline = deadline.find() && !negatedBefore(joined, deadline.start());
        boolean disclaimed = joined.matches(".*\\b(sole discretion|your discretion|own discretion|your decision|"
                + "your own decision|up to you|your choice|entirely yours|if you choose|should you choose|"
                + "if you decide|whether to|whether or not|your own policies|your policies|your terms|no obligation|"
                + "independent(?:ly)?|voluntary)\\b.*");

        // Intensified negation and denied discretion: the message says it is more than information.
        Matcher beyond = BEYOND.matcher(joined);
        Matcher genre = INFO_GENRE.matcher(joined);
        Matcher merely = MERELY.matcher(joined);
        Matcher denied = DISCRETION_DENIED.matcher(joined);
        for (Matcher m : List.of(beyond, genre, merely, denied)) {
            if (m.find() && (sender || recipient || joined.matches("^(?:this|it|that|our \\w+|consider)\\b.*")
                    || m == denied || m == beyond)) {
                return Optional.of(new Verdict(Severity.ERROR, "intensified directive '" + m.group() + "'",
                        "the act it insists on", true));
            }
        }
        // The company's inaction, or the content staying up, called unacceptable.
        Matcher unacceptable = UNACCEPTABLE.matcher(joined);
        if (unacceptable.find() && (INACTION.matcher(joined).find() || action != null)
                && !negatedBefore(joined, unacceptable.start())) {
            return Optional.of(new Verdict(Severity.ERROR, "inaction called unacceptable '" + unacceptable.group()
                    + "'", action != null ? action : "the act it insists on", true));
        }
        // The content staying up inside a condition addressed to the company: the consequence of its choice.
        Matcher cont = CONTINUATION.matcher(joined);
        if (cont.find() && target && (recipient || generic || sender || frame != null
                || joined.matches("^(?:please )?(?:think|imagine|consider|remember|picture|ask yourself)\\b.*"))) {
            return Optional.of(new Verdict(Severity.ERROR, "consequence of leaving content up '" + cont.group()
                    + "'", "the recipient's choice", false));
        }

        // "Would you like us to stop sending ...", "who should we contact ...": the sender offers or asks about its
        // own step.
        boolean offer = OFFER_US.matcher(joined).find();
        if (action != null && !offer) {
            if (frame != null && voiced) {
                Severity sev = soft && disclaimed ? Severity.REVIEW : Severity.ERROR;
                return Optional.of(new Verdict(sev, "'" + frame + "'", action, false));
            }
            Matcher modal = MODAL.matcher(joined);
            if ((generic || recipient) && modal.find() && tokenIndexAt(joined, modal.start()) < actionAt
                    && !negatedBefore(joined, modal.start()) && !disclaimed && !conditionalFrame(tok,
                    tokenIndexAt(joined, modal.start())) && !sender
                    && !negatedBetween(tok, tokenIndexAt(joined, modal.start()), actionAt)) {
                return Optional.of(new Verdict(Severity.ERROR, "'" + modal.group() + "' addressed to the company",
                        action, false));
            }
            if (hasDeadline && !disclaimed) {
                return Optional.of(new Verdict(Severity.ERROR, "deadline '" + deadline.group() + "'", action,
                        false));
            }
        }

        // Consequences tied to the recipient's choice.
        for (int i = 0; i < tok.length; i++) {
            if (!CONSEQUENCE.contains(lem[i]) && !CONSEQUENCE.contains(tok[i])) {
                continue;
            }
            boolean notForget = "forget".equals(lem[i]) && i > 0 && NEGATORS.contains(prev(tok, i));
            if ("to".equals(prev(tok, i)) || Set.of("judgment", "judgement", "view", "assessment").contains(tok[i])
                    && Set.of("our", "my").contains(prev(tok, i))) {
                continue;
            }
            if (negated(tok, i) && !notForget || negatedAfter(tok, i)) {
                continue;
            }
            // The sender watching or noting is a consequence only when what it watches is the recipient's
            // handling or the content staying up ("we will keep tracking the operator's domains" is not).
            if ((WATCHING.contains(lem[i]) || WATCHING.contains(tok[i])) && !HANDLING.matcher(joined).find()
                    && !INACTION.matcher(joined).find()) {
                continue;
            }
            // In a message to one company, "the company" or "the platform" is the recipient too.
            boolean addressed = recipient || generic || INACTION.matcher(joined).lookingAt()
                    || joined.matches(".*\\bthe (?:company|platform|companies|platforms)\\b.*")
                    || sender && joined.matches(".*\\b(?:depend|depends|depended|depending|hinges?|hinged|rests?|"
                    + "rested|relies|relied|rely) on\\b.*")
                    || joined.matches("^(?:please )?(?:keep in mind|bear in mind|remember|think|consider|do not forget|"
                    + "never forget)\\b.*");
            if (addressed && (CONDITION.matcher(joined).find() || action != null)) {
                return Optional.of(new Verdict(Severity.ERROR, "consequence '" + tok[i] + "'",
                        action != null ? action : "the recipient's choice", false));
            }
            boolean ahead = FUTURE.matcher(joined).find();
            if (ahead && (addressed || (target && sender))) {
                return Optional.of(new Verdict(Severity.REVIEW, "consequence '" + tok[i] + "'",
                        "the recipient's choice", false));
            }
        }

        // A verbless fragment naming an act ("Deactivation of all listed profiles."): the object of a demand.
        boolean verbless = true;
        for (String tag : pos) {
            verbless &= !"VERB".equals(tag) && !"AUX".equals(tag);
        }
        if (action != null && verbless && tok.length >= 3) {
            return Optional.of(new Verdict(Severity.REVIEW, "verbless fragment naming an act", action, false));
        }
        if (action != null && hasDeadline && recipient) {
            return Optional.of(new Verdict(Severity.REVIEW, "deadline '" + deadline.group() + "'", action, false));
        }

        // Desire or obligation with no act named: recipient-addressed or voiced by the sender, not cleared by a
        // communicative verb ("we want to thank you", "we would like to brief your team").
        if (frame != null && voiced && !soft && (sender || recipient || impersonal || demandNoun) && !cleared(tok, lem)
                && !disclaimed && !verbless && !OFFER.matcher(joined).find() && !pastFrame(tok, pos, frameAt)
                && !conditionalFrame(tok, frameAt) && !objectDenied(tok, frameAt)
                && (recipientAgent(tok, frameAt) || tok.length <= 9 || demandNoun) && !question(tok, frameAt)
                && !p.question() && !logisticsNeed(p, frameAt)) {
            return Optional.of(new Verdict(Severity.REVIEW, "'" + frame + "'",
                    "no act named; recipient-addressed desire or obligation", true));
        }
        // A short sentence that announces the demand and leaves its content to the next sentence ("Our view is
        // simple." before "None of these pages by Monday."): judged with that sentence, as a bare frame.
        Matcher stance = STANCE.matcher(joined);
        boolean namesContent = false;
        for (int i = 0; i < tok.length; i++) {
            namesContent |= TARGETS.contains(lem[i]) && !PRONOUN_TARGETS.contains(tok[i]);
        }
        // WordNet reads "outcome" as an act noun; a stance names no act of its own.
        if (!namesContent && tok.length <= 12 && !p.question() && (action == null && stance.find()
                || (stance = STANCE_MORE.matcher(joined)).find())) {
            return Optional.of(new Verdict(Severity.REVIEW, "bare frame '" + stance.group() + "'",
                    "no act named; the next sentence may name it", true));
        }
        if (hasDeadline && recipient && target) {
            return Optional.of(new Verdict(Severity.REVIEW, "deadline '" + deadline.group() + "'",
                    "no act named", true));
        }
        // What the detector cannot clear goes to a person: a question to the recipient about an act against content
        // ("when will these pages come down?"), or the recipient named with an act against content and no frame
        // that reports or negates it ("your company could remove these accounts in minutes").
        boolean contentNoun = false;
        for (int i = 0; i < tok.length; i++) {
            contentNoun |= TARGETS.contains(lem[i]) && !PRONOUN_TARGETS.contains(tok[i]);
        }
        boolean unclearedAct = action != null && !disclaimed && !negatedBetween(tok, 0, actionAt);
        boolean pastQuestion = joined.matches(".*\\b(?:did|was|were|had|has been|have been)\\b.*");
        // "Your team took down 80 pages in 2023", "your company's 2023 decision to block ...": the company's own past
        // act, reported, with no modal that would turn it into a proposal.
        boolean ownPast = recipient && !p.question() && pastVerb(tok, pos, lem)
                && !joined.matches(".*\\b(?:will|would|could|should|can|must|may|might|need|needs)\\b.*");
        if (unclearedAct && contentNoun && !ownPast && (recipient || p.question() && !pastQuestion)) {
            return Optional.of(new Verdict(Severity.REVIEW, p.question() ? "question about an act against content"
                    : "recipient named with an act against content", action, false));
        }
        Optional<Verdict> plainImperative = imperativeOnContent(p, action, true);
        if (plainImperative.isPresent()) {
            return plainImperative;
        }
        return ActFamilies.matchLate(new ActFamilies.Clause(joined, tok, lem, acted, sender, recipient, target,
                p.question()));
    }

    /**
     * An imperative on accounts or content that the act verbs above do not name: a clause-initial base-form verb
     * ("Block new registrations ... starting now", "Put warning labels on the 230 posts", "Switch the channel's
     * lights off", "Keep the hashtags out of your trending module", "Give the crew the boot", "Keep hosting the
     * accounts and the press will hear about it"). An act found elsewhere in the sentence, a particle of removal or
     * an idiom of expulsion makes it an ERROR; a plain verb with accounts or content as its object, read in the
     * second pass ({@code review}), asks for a person.
     */
    private static Optional<Verdict> imperativeOnContent(Parsed p, String action, boolean review) {
        String[] tok = p.tok();
        String[] pos = p.pos();
        String[] lem = p.lem();
        if (p.question() || OFFER.matcher(p.joined()).find()) {
            return Optional.empty();
        }
        Matcher dare = DARE.matcher(p.joined());
        if (!review && dare.find() && p.target()) {
            return Optional.of(new Verdict(Severity.ERROR, "imperative tied to what follows '" + dare.group() + "'",
                    "the recipient's choice", false));
        }
        for (int cs = 0; cs < tok.length; cs++) {
            // Only a sentence or a clause after punctuation opens an imperative: after "and" the verb is usually the
            // second of a subject's verbs ("the officers created and operate the listed accounts").
            if (cs != 0 && !Set.of(",", ";", ":").contains(tok[cs - 1])) {
                continue;
            }
            int i = cs;
            while (i < tok.length && LEADS.contains(tok[i])) {
                i++;
            }
            if (i >= tok.length - 1 || !tok[i].equals(lem[i]) || Set.of("if", "whether", "unless", "when")
                    .contains(prev(tok, cs))) {
                continue;
            }
            String next = tok[i + 1];
            // A verb in WordNet, tagged so or opening the sentence before its object; a clause after a comma opens
            // an imperative only after an adverbial ("Starting now, block ..."), not after a subject ("The rules,
            // as written, say ...").
            boolean actVerb = STRONG.contains(lem[i]) || WEAK.contains(lem[i]) || ActClasses.removalVerb(lem[i]);
            // An act verb opening the sentence is read as one even when tagged a noun ("Halt monetisation on ...").
            boolean verbal = ("VERB".equals(pos[i]) || OBJECT_START.contains(next) || cs == 0 && actVerb)
                    && ActClasses.isVerb(tok[i]) && !Set.of("DET", "PRON", "ADP", "AUX", "CCONJ", "SCONJ").contains(pos[i]);
            boolean opens = cs == 0 || !Set.of("NOUN", "PROPN", "DET", "PRON", "NUM").contains(pos[0]);
            if (!verbal || !opens || Set.of("me", "us", "-").contains(next)) {
                continue;
            }
            String clause = clauseFrom(tok, i);
            Matcher idiom = EJECT_IDIOM.matcher(clause);
            boolean removal = idiom.lookingAt() || PHRASAL_HEADS.contains(lem[i]) && particleWithin(tok, i, 10)
                    || "keep".equals(lem[i]) && clause.matches("^\\S+(?: [\\w@']+){1,8} (?:out of|off|away from)\\b.*");
            boolean objectIsContent = contentObject(tok, pos, lem, i);
            if (!review && (removal && (objectIsContent || p.target() || idiom.lookingAt())
                    || (action != null || actVerb) && !HARMLESS_IMPERATIVE.contains(lem[i]) && objectIsContent)) {
                return Optional.of(new Verdict(Severity.ERROR, "imperative '" + tok[i] + "'",
                        action != null ? action : tok[i], false));
            }
            if (review && objectIsContent && !HARMLESS_IMPERATIVE.contains(lem[i]) && !p.joined().matches(
                    ".*\\b(?:if|whether|as you see fit|whatever|you choose|you decide)\\b.*")) {
                return Optional.of(new Verdict(Severity.REVIEW, "imperative on accounts or content '" + tok[i] + "'",
                        tok[i], false));
            }
            if (review && "act".equals(lem[i]) && clause.matches("^act (?:accordingly|on (?:it|them|this|these|"
                    + "those)|now|quickly|swiftly|decisively)\\b.*")) {
                return Optional.of(new Verdict(Severity.REVIEW, "imperative '" + tok[i] + "'", tok[i], false));
            }
        }
        return Optional.empty();
    }

    /** "We need the names of your attendees by Friday": a need for meeting details, with no accounts in it. */
    private static boolean logisticsNeed(Parsed p, int frameAt) {
        if (frameAt < 0 || p.target()) {
            return false;
        }
        for (int j = frameAt + 1; j < p.tok().length && j <= frameAt + 5; j++) {
            if (LOGISTICS.contains(p.tok()[j])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether accounts or content are the object of the verb at {@code i}: a content noun within a few words, in its
     * clause, with no inflected verb between ("Hash matching showed that images appeared across accounts" has one).
     */
    private static boolean contentObject(String[] tok, String[] pos, String[] lem, int i) {
        for (int j = i + 1; j < tok.length && j <= i + 9; j++) {
            if (Set.of(";", ":", ".", "?", "!").contains(tok[j])) {
                return false;
            }
            String t = tok[j];
            if (CONTENT_WORDS.contains(lem[j]) || CONTENT_WORDS.contains(t) || t.endsWith("s")
                    && CONTENT_WORDS.contains(t.substring(0, t.length() - 1)) || "quoted".equals(t) && j <= i + 2) {
                // The content as the subject of a finite verb ("Pale Heron pages demand ...") is no object.
                boolean subject = j + 1 < tok.length && Set.of("VERB", "AUX").contains(pos[j + 1])
                        && !tok[j + 1].endsWith("ing") && !tok[j + 1].endsWith("ed");
                return !subject;
            }
            if (("VERB".equals(pos[j]) || "AUX".equals(pos[j])) && !tok[j].equals(lem[j]) && !tok[j].endsWith("ing")) {
                return false;
            }
        }
        return false;
    }

    /** Whether a token names accounts or content, singular or plural, whatever lemma the tagger gave it. */
    private static boolean contentWord(String[] tok, String[] lem) {
        for (int i = 0; i < tok.length; i++) {
            String t = tok[i];
            if (CONTENT_WORDS.contains(lem[i]) || CONTENT_WORDS.contains(t)
                    || t.endsWith("s") && CONTENT_WORDS.contains(t.substring(0, t.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Content nouns an imperative's object may name (lemmas of {@link #TARGETS} that are not pronouns). */
    private static final List<String> CONTENT_WORDS = List.of("account", "profile", "page", "post", "content",
            "network", "channel", "handle", "group", "video", "persona", "bot", "listing", "tweet", "cluster",
            "site", "domain", "ad", "advertisement", "campaign", "operation", "link", "comment", "thread",
            "community", "feed", "hashtag", "meme", "narrative", "image", "clip", "upload", "podcast", "livestream",
            "stream", "server", "monetisation", "monetization", "revenue", "badge", "forum", "outlet", "publisher",
            "creator", "poster", "troll", "farm", "puppet", "sockpuppet", "registration", "repost", "mirror",
            "admin", "administrator", "crew", "gang");

    /** The tokens from {@code i} to the end of its clause, joined. */
    private static String clauseFrom(String[] tok, int i) {
        StringBuilder b = new StringBuilder();
        for (int j = i; j < tok.length && (j == i || !Set.of(";", ":", ".", "?", "!").contains(tok[j])); j++) {
            b.append(j == i ? "" : " ").append(tok[j]);
        }
        return b.toString();
    }

    /** A particle of removal within {@code window} tokens, inside the clause. */
    private static boolean particleWithin(String[] tok, int i, int window) {
        for (int j = i + 1; j < tok.length && j <= i + window; j++) {
            if (Set.of(",", ";", ":", ".", "and", "but").contains(tok[j])) {
                return false;
            }
            if (Set.of("down", "off", "offline").contains(tok[j])) {
                return true;
            }
        }
        return false;
    }

    /** Accounts or content named with a real noun. */
    private static boolean contentNoun(Parsed p) {
        for (int i = 0; i < p.tok().length; i++) {
            if (TARGETS.contains(p.lem()[i]) && !PRONOUN_TARGETS.contains(p.tok()[i])) {
                return true;
            }
        }
        return false;
    }

    /** A finite past verb: "urged", "wrote", "took". */
    private static boolean pastVerb(String[] tok, String[] pos, String[] lem) {
        for (int i = 0; i < tok.length; i++) {
            // A participle after a determiner ("our continued sharing") modifies a noun; it reports nothing.
            if ("VERB".equals(pos[i]) && !tok[i].equals(lem[i]) && !tok[i].endsWith("ing") && !tok[i].endsWith("s")
                    && !OBJECT_START.contains(prev(tok, i)) && !Set.of("a", "an", "my", "your").contains(prev(tok, i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words of a named third party reported with a past reporting verb ("One fake activist encouraged readers to
     * take down ...", "The persona wrote that people should stop ...", "Several researchers have publicly said that
     * platforms should act faster"): only the words before the verb say who speaks, and neither the sender, its
     * office nor the recipient is among them.
     */
    private static boolean reportedByThirdParty(Parsed p) {
        String[] tok = p.tok();
        String[] pos = p.pos();
        if (p.recipient() || p.question()) {
            return false;
        }
        for (int i = 1; i < tok.length; i++) {
            if (!REPORTING.contains(p.lem()[i]) || !"VERB".equals(pos[i]) || tok[i].equals(p.lem()[i])
                    || tok[i].endsWith("ing") || Set.of("will", "would", "to", "be", "is", "are", "was", "were",
                    "longer", "been").contains(tok[i - 1])) {
                continue;
            }
            // The subject right before the verb (past an adverb or a perfect auxiliary) is a noun or a name.
            int s = i - 1;
            while (s > 0 && ("ADV".equals(pos[s]) || Set.of("have", "has", "had").contains(tok[s]))) {
                s--;
            }
            boolean named = Set.of("NOUN", "PROPN").contains(pos[s]) || "quoted".equals(tok[s]);
            int from = 0;
            for (int j = 0; j < i; j++) {
                if (Set.of(";", ":").contains(tok[j])) {
                    from = j + 1;
                }
            }
            String before = String.join(" ", java.util.Arrays.copyOfRange(tok, from, i));
            return named && from < s && !any(java.util.Arrays.copyOfRange(tok, 0, i), SENDER)
                    && !any(java.util.Arrays.copyOfRange(tok, 0, i), RECIPIENT)
                    && !SENDER_NOUN.matcher(before).find() && !SENDER_PHRASE.matcher(before).find()
                    && !GENERIC_ADDRESSEE.matcher(before).find();
        }
        return false;
    }

    /** ", should it succeed,": "should" opening an inverted condition, not an obligation. */
    private static boolean inverted(String[] tok, int i) {
        return i < tok.length && "should".equals(tok[i]) && ",".equals(prev(tok, i)) && i + 1 < tok.length
                && Set.of("it", "they", "this", "that", "the").contains(tok[i + 1]);
    }

    /** A disavowal of any request ({@link #DISAVOWAL}) that nothing in the sentence turns round. */
    private static boolean disavowed(String joined) {
        return DISAVOWAL.matcher(joined).find() && !DISAVOWAL_TURNED.matcher(joined).find()
                && !INTENSIFIED.matcher(joined).find() && !BEYOND.matcher(joined).find()
                && !REFUSED_ANSWER.matcher(joined).find() && !DISCRETION_DENIED.matcher(joined).find();
    }

    /**
     * Replaces handles, hashtags, e-mail addresses, URLs and snake_case names with a neutral word: they are names,
     * and words inside them ("@remove_the_noise") are not words of the sentence.
     *
     * @param text a sentence
     * @return the sentence with names masked
     */
    public static String maskNames(String text) {
        return HANDLE.matcher(text).replaceAll(" quoted ");
    }

    /**
     * Whether the sentence describes the company's own published rules or what the company itself published or
     * said ("your community standards prohibit coordinated inauthentic behaviour", "under your own rules, accounts
     * that misrepresent their origin may be removed"): every "you" or "your" in it names the company's policy or
     * the company as the author of a publication, and nothing presses to apply the rules to the accounts at hand
     * (no modal of obligation, no wish, no question, no deadline, no pointer to the shared accounts).
     */
    private static boolean ownPolicy(Parsed p) {
        if (!p.recipient() || p.question()) {
            return false;
        }
        String[] tok = p.tok();
        boolean policy = false;
        for (int i = 0; i < tok.length; i++) {
            if ("you".equals(tok[i]) && i > 0 && "as".equals(tok[i - 1])) {
                continue;
            }
            // "Your transparency report says you suspend networks run by governments": the company as the subject
            // of its own published practice, in the present, after its policy was named.
            if ("you".equals(tok[i]) && policy && i + 1 < tok.length && "VERB".equals(p.pos()[i + 1])
                    && tok[i + 1].equals(p.lem()[i + 1])) {
                continue;
            }
            if (!RECIPIENT.contains(tok[i])) {
                continue;
            }
            if (!"your".equals(tok[i])) {
                return false;
            }
            StringBuilder np = new StringBuilder();
            for (int j = i + 1; j < tok.length && j <= i + 7 && !Set.of(",", ";", ":", ".").contains(tok[j]); j++) {
                np.append(tok[j]).append(' ');
            }
            if (!OWN_POLICY.matcher(np).find()) {
                return false;
            }
            policy = true;
        }
        // An imperative opening any clause ("even if the accounts do not violate your rules, take them down")
        // applies the rules to the accounts at hand.
        boolean imperative = false;
        for (int i = 0; i < tok.length; i++) {
            imperative |= (i == 0 || Set.of(",", ";", ":").contains(tok[i - 1])) && "VERB".equals(p.pos()[i])
                    && tok[i].equals(p.lem()[i]);
        }
        // What the policy itself says ("your guidelines say networks should be actioned as a whole") is the
        // policy's modal, not the sender's; pointers to the shared accounts still apply it to them.
        String joined = p.joined();
        Matcher says = POLICY_SAYS.matcher(joined);
        String own = says.find() ? joined.substring(0, says.start()) : joined;
        boolean pointer = POINTER.matcher(joined).find();
        // An appeal window ("users can appeal a suspension within 30 days") is the company's process, no deadline.
        boolean deadline = DEADLINE.matcher(joined).find() && !joined.matches(".*\\b(?:appeal|appeals|reviewed)\\b.*");
        return policy && !imperative && !APPLY_PRESSURE.matcher(own).find() && !pointer && !deadline;
    }

    private static boolean noView(String joined) {
        Matcher m = NO_VIEW.matcher(joined);
        // "Not a matter left to your judgment" denies the discretion the disclaimer would grant.
        return m.find() && !joined.substring(m.end()).matches(".*\\b(?:but|however|yet|although|though)\\b.*")
                && !DISCRETION_DENIED.matcher(joined).find() && !INTENSIFIED.matcher(joined).find();
    }

    private static ActFamilies.Clause clause(Parsed p) {
        return new ActFamilies.Clause(p.joined(), p.tok(), p.lem(), acts(p), p.sender(), p.recipient(), p.target(),
                p.question());
    }

    /**
     * The analyser's reading of a sentence, for {@link CoercionFeatures}: its tokens, tags and lemmas, which tokens
     * name an act against content, and who is in it. Uncached: the caller caches what it derives.
     *
     * @param sentence a normalised English sentence (or a few)
     * @return the reading, or empty when the text has no tokens
     */
    static Optional<CoercionFeatures.Reading> read(String sentence) {
        Parsed p = parse(sentence);
        if (p == null) {
            return Optional.empty();
        }
        boolean[] act = acts(p);
        String[] cls = new String[p.tok().length];
        for (int i = 0; i < cls.length; i++) {
            String t = p.tok()[i];
            String l = p.lem()[i];
            cls[i] = act[i] ? "ACT" : NEGATORS.contains(t) ? "NEG" : RECIPIENT.contains(t) ? "RECIPIENT"
                    : SENDER.contains(t) ? "SENDER" : OBLIGATION.contains(l) ? "OBLIGATION"
                    : DESIRE.contains(l) ? "DESIRE" : SOFT.contains(l) ? "SOFT" : CONSEQUENCE.contains(l) ? "CONSEQUENCE"
                    : TARGETS.contains(l) && !PRONOUN_TARGETS.contains(t) ? "TARGET" : null;
        }
        return Optional.of(new CoercionFeatures.Reading(p.tok(), p.pos(), p.lem(), cls, p.sender(), p.recipient(),
                p.target(), p.question(), DEADLINE.matcher(p.joined()).find(), CONDITION.matcher(p.joined()).find(),
                FUTURE.matcher(p.joined()).find()));
    }

    /** Which tokens name an act against content, in any tense and whoever does it. */
    private static boolean[] acts(Parsed p) {
        String[] tok = p.tok();
        String[] pos = p.pos();
        String[] lem = p.lem();
        boolean[] act = new boolean[tok.length];
        for (int i = 0; i < tok.length; i++) {
            boolean strong = STRONG.contains(lem[i]) || STRONG.contains(tok[i]) || deverbal(tok[i])
                    || wordNetVerbAt(tok, pos, lem, i)
                    || "NOUN".equals(pos[i]) && ActClasses.removalNoun(lem[i]);
            boolean weak = WEAK.contains(lem[i]) && p.target() && !NEGATORS.contains(prev(tok, i))
                    && !"of".equals(i + 1 < tok.length ? tok[i + 1] : "")
                    && !Set.of("the", "a", "an", "by", "at", "this", "that").contains(prev(tok, i));
            boolean phrasal = PHRASAL_HEADS.contains(lem[i]) && particleAfter(tok, i) || fromPhrase(p, i);
            act[i] = strong || weak || phrasal;
        }
        return act;
    }

    /** Whether the act at {@code i} is done to the sender's own message ("delete the earlier copy of this share"). */
    private static boolean ownMessage(Parsed p, int i) {
        StringBuilder after = new StringBuilder();
        for (int j = i + 1; j < p.tok().length && j <= i + 6; j++) {
            after.append(p.tok()[j]).append(' ');
        }
        return OWN_MESSAGE.matcher(after.toString().trim()).find();
    }

    /**
     * The sender's own obligation ("our team must finish the review"): the sender is the subject of the modal, the
     * recipient is not in the sentence, and what follows the modal is no act against content.
     */
    private static boolean senderOwnObligation(Parsed p, boolean[] act) {
        if (p.recipient() || !p.sender()) {
            return false;
        }
        String[] tok = p.tok();
        for (int i = 1; i < tok.length; i++) {
            if (!Set.of("must", "need", "needs", "have", "has", "should", "will").contains(tok[i])) {
                continue;
            }
            int v = i + 1 < tok.length && "to".equals(tok[i + 1]) ? i + 2 : i + 1;
            if (v >= tok.length || !"VERB".equals(p.pos()[v]) || Set.of("see", "get", "make", "have", "want", "be")
                    .contains(p.lem()[v])) {
                return false;
            }
            boolean subject = false;
            for (int j = Math.max(0, i - 3); j < i; j++) {
                subject |= SENDER.contains(tok[j]);
            }
            if (!subject) {
                return false;
            }
            for (int j = i + 1; j < tok.length; j++) {
                if (act[j] && j <= i + 4 && any(java.util.Arrays.copyOfRange(tok, j, tok.length), TARGETS)
                        || TARGETS.contains(p.lem()[j]) && !Set.of("it", "this", "them", "they").contains(tok[j])) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * A third party's past act or words ("the bots went offline by noon", "the handlers' instructions said"): a
     * finite past verb after a noun subject, with no modal of obligation in the sentence.
     */
    private static boolean thirdPartyPast(String[] tok, String[] pos, String[] lem) {
        int first = 0;
        while (first < tok.length - 1 && LEADS.contains(tok[first])) {
            first++;
        }
        if (first > 0 || tok[0].equals(lem[0]) && ("VERB".equals(pos[0]) || tok.length > 1
                && (PARTICLES.contains(tok[1]) || Set.of("VERB", "NOUN").contains(pos[0]) && !OBJECT_START.contains(tok[0])
                && (OBJECT_START.contains(tok[1]) || Set.of("back", "what", "which", "us", "me").contains(tok[1])
                || ActClasses.isVerb(tok[0]) && contentObject(tok, pos, lem, 0)))) || "there".equals(tok[0])) {
            return false;
        }
        for (int i = 0; i < tok.length; i++) {
            // A request or an act in its base form ("Request that the company remove the accounts discussed") is
            // no report, whatever participle follows.
            boolean frameWord = DESIRE.contains(tok[i]) || OBLIGATION.contains(tok[i]);
            boolean baseAct = tok[i].equals(lem[i]) && "VERB".equals(pos[i])
                    && (STRONG.contains(lem[i]) || ActClasses.removalVerb(lem[i]));
            if (frameWord && tok[i].equals(lem[i]) || baseAct) {
                return false;
            }
        }
        for (int i = 1; i < tok.length; i++) {
            // An imperative after a clause ("for the reasons given, delete the pages") is no report.
            if (BOUNDARY.contains(tok[i - 1]) && "VERB".equals(pos[i]) && tok[i].equals(lem[i])) {
                return false;
            }
        }
        boolean past = false;
        for (int i = 1; i < tok.length; i++) {
            if (Set.of("should", "must", "ought", "supposed", "meant", "need", "needs", "will", "would", "if",
                    "unless", "wish", "rather", "hope").contains(tok[i])) {
                return false;
            }
            past |= "VERB".equals(pos[i]) && !tok[i].equals(lem[i]) && !tok[i].endsWith("ing")
                    && !tok[i].endsWith("s") && Set.of("NOUN", "PROPN", "PRON").contains(pos[i - 1])
                    && !RECIPIENT.contains(tok[i - 1]);
        }
        return past;
    }

    /**
     * Replaces quotations (double, typographic or single quotes around a few words) with a neutral word: quoted
     * words report what someone else wrote, and are not the sender's own.
     *
     * @param text a sentence
     * @return the sentence with quotations masked
     */
    public static String maskQuotes(String text) {
        return QUOTED.matcher(text.replace('\u2019', '\'').replace('\u2018', '\'')).replaceAll(" quoted ");
    }

    /** A frame in the past ("we needed two sources", "the handlers wanted") reports, it does not ask. */
    private static boolean pastFrame(String[] tok, String[] pos, int at) {
        if (at < 0) {
            return false;
        }
        return !tok[at].equals("need") && tok[at].endsWith("ed") && !"expected".equals(tok[at])
                && !"required".equals(tok[at]) && !"obliged".equals(tok[at]) || "had".equals(prev(tok, at));
    }

    /** A frame inside a condition on the recipient's own wish ("if your team needs more detail") offers. */
    private static boolean conditionalFrame(String[] tok, int at) {
        for (int j = at - 1; j >= 0 && j >= at - 5; j--) {
            if (Set.of("if", "whether", "when", "unless", "should").contains(tok[j])) {
                return true;
            }
            if (BOUNDARY.contains(tok[j])) {
                return false;
            }
        }
        return false;
    }

    /** A frame whose object is denied: "we are asking for nothing", "we expect no action". */
    private static boolean objectDenied(String[] tok, int at) {
        for (int j = at + 1; j < tok.length && j <= at + 3; j++) {
            if (Set.of("nothing", "no", "none", "neither").contains(tok[j])) {
                return true;
            }
        }
        return false;
    }

    /** Speech reported from a third party: a reporting verb in the past, or "says", with no sender around. */
    private static boolean reported(String[] tok, String[] pos, String[] lem) {
        return reportingAt(tok, pos, lem) > 0;
    }

    /** The index of the first verb reporting a third party's words ("the persona told ..."), or -1. */
    private static int reportingAt(String[] tok, String[] pos, String[] lem) {
        for (int i = 1; i < tok.length; i++) {
            if (REPORTING.contains(lem[i]) && "VERB".equals(pos[i]) && !tok[i].equals(lem[i])
                    && !tok[i].endsWith("ing") && Set.of("NOUN", "PROPN", "PRON", "ADV").contains(pos[i - 1])
                    && !PERFECT_OR_PAST_AUX.contains(tok[i - 1]) && !"be".equals(tok[i - 1])
                    && !"to".equals(tok[i - 1]) && !"will".equals(tok[i - 1]) && !"would".equals(tok[i - 1])
                    && !"longer".equals(tok[i - 1])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A WordNet removal verb, or multi-word verb, used as a verb: tagged so, or opening the clause before its
     * object or particle ("Weed out the bots"), and not part of a hyphenated name ("no-adverse-action").
     */
    private static boolean wordNetVerbAt(String[] tok, String[] pos, String[] lem, int i) {
        if ("-".equals(prev(tok, i)) || i + 1 < tok.length && "-".equals(tok[i + 1])) {
            return false;
        }
        String next = i + 1 < tok.length ? tok[i + 1] : "";
        boolean verbal = "VERB".equals(pos[i]) || PARTICLES.contains(next)
                || Set.of("the", "these", "those", "this", "all", "every", "any", "them", "it").contains(next);
        return verbal && (ActClasses.removalVerb(lem[i]) || multiWord(tok, lem, i) != null);
    }

    /** A noun made from an act verb: "delisting", "geoblocking", "deplatforming". */
    private static boolean deverbal(String t) {
        if (t.length() > 6 && t.endsWith("ing")) {
            String stem = t.substring(0, t.length() - 3);
            return STRONG.contains(stem) || STRONG.contains(stem + "e");
        }
        return false;
    }

    /**
     * A multi-word verb WordNet classes as removal, with its object between the parts: "weed out", "send these
     * bots packing", "show these trolls the door".
     */
    private static String multiWord(String[] tok, String[] lem, int i) {
        for (int j = i + 1; j < tok.length && j <= i + 5; j++) {
            if (BOUNDARY.contains(tok[j]) || ".".equals(tok[j])) {
                return null;
            }
            for (String expr : new String[] {lem[i] + " " + tok[j], lem[i] + " the " + tok[j]}) {
                if ((j == i + 1 || PARTICLES.contains(tok[j]) || "packing".equals(tok[j]) || "door".equals(tok[j])
                        || "plug".equals(tok[j]) || "boot".equals(tok[j])) && ActClasses.isVerb(expr)
                        && ActClasses.removalVerb(expr)) {
                    return expr;
                }
            }
        }
        return null;
    }

    /** "Pull the monetisation from these channels": a verb of taking away with content after "from". */
    private static boolean fromPhrase(Parsed p, int i) {
        if (!FROM_HEADS.contains(p.lem()[i]) || !"VERB".equals(p.pos()[i])) {
            return false;
        }
        for (int j = i + 1; j < p.tok().length && j <= i + 5; j++) {
            if ("from".equals(p.tok()[j])) {
                for (int k = j + 1; k < p.tok().length && k <= j + 4; k++) {
                    if (TARGETS.contains(p.lem()[k]) && !PRONOUN_TARGETS.contains(p.tok()[k])) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** A sentence opening with a communicative imperative ("Tell us if ...", "Please confirm ..."). */
    private static boolean opensWithClearing(String[] tok, String[] lem) {
        int i = 0;
        while (i < tok.length && Set.of("please", "kindly", "also", "just").contains(tok[i])) {
            i++;
        }
        return i < tok.length && CLEARING.contains(lem[i]) && !Set.of("be", "keep", "clear", "let", "use", "find")
                .contains(lem[i]);
    }

    private static boolean cleared(String[] tok, String[] lem) {
        if (CLEARING.contains(lem[0]) && !Set.of("be", "keep", "let", "clear").contains(lem[0])) {
            return true;
        }
        for (int i = 0; i + 1 < tok.length; i++) {
            if (Set.of("to", "please", "kindly", "you", "team").contains(tok[i]) && CLEARING.contains(lem[i + 1])) {
                return true;
            }
        }
        return false;
    }

    /** A negator right after a word, in its clause: "our relationship does not depend on ...". */
    private static boolean negatedAfter(String[] tok, int i) {
        for (int j = i + 1; j < tok.length && j <= i + 6; j++) {
            if (BOUNDARY.contains(tok[j])) {
                return false;
            }
            if (NEGATORS.contains(tok[j]) && !"whether".equals(tok[j]) && !"without".equals(tok[j])) {
                return true;
            }
        }
        return false;
    }

    private static boolean negatedBetween(String[] tok, int from, int to) {
        for (int j = Math.max(0, from); j < Math.min(to, tok.length); j++) {
            if (NEGATORS.contains(tok[j])) {
                return true;
            }
        }
        return false;
    }

    /** The recipient as the one who should act: "we need your team to ...", "you must ...". */
    private static boolean recipientAgent(String[] tok, int at) {
        for (int j = Math.max(0, at - 4); j < tok.length && j <= at + 4; j++) {
            if (RECIPIENT.contains(tok[j])) {
                return true;
            }
        }
        return false;
    }

    /** A frame asking a question ("may we ask which contact you prefer") asks for information, not an act. */
    private static boolean question(String[] tok, int at) {
        for (int j = at + 1; j < tok.length && j <= at + 2; j++) {
            if (Set.of("which", "what", "whether", "if", "how", "when", "who").contains(tok[j])) {
                return true;
            }
        }
        return false;
    }

    private static String prev(String[] tok, int i) {
        return i > 0 ? tok[i - 1] : "";
    }

    private static boolean particleAfter(String[] tok, int i) {
        for (int j = i + 1; j < tok.length && j <= i + 5; j++) {
            if (BOUNDARY.contains(tok[j]) || ".".equals(tok[j])) {
                return false;
            }
            if (PARTICLES.contains(tok[j])) {
                return !"up".equals(tok[j]) || Set.of("clean", "clear", "wipe", "lock", "shut").contains(tok[i]);
            }
        }
        return false;
    }

    /** An act already done or reported: a past or perfect form after "was/were/had/has/have", not after a modal. */
    private static boolean factual(String[] tok, String[] lem, int i) {
        if (tok[i].equals(lem[i])) {
            return false;
        }
        // "We'd want to see the accounts locked", "expectation ... is that the network is disabled today": a
        // participle after a wish or an expectation is the outcome wished for, not a report.
        for (int j = i - 1; j >= 0 && j >= i - 12; j--) {
            // A participle in a condition ("... within weeks if it is disrupted") is not the thing wished for.
            if (Set.of("if", "when", "unless", "because", "once", "since", "after", "whether").contains(tok[j])) {
                break;
            }
            if (Set.of("want", "see", "expect", "expectation", "hope", "wish", "prefer", "require", "demand",
                    "insist", "needed", "need", "assume", "assumption", "counting", "count", "counts", "tip", "advice")
                    .contains(tok[j])) {
                return false;
            }
        }
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            if (PERFECT_OR_PAST_AUX.contains(tok[j])) {
                return true;
            }
            if (Set.of("should", "must", "be", "to", "will", "would", "need", "needs", "get", "want", "them", "it",
                    "being", "gets", "getting").contains(tok[j])) {
                return false;
            }
        }
        // A finite past form right after a subject ("the operators deleted their posts") reports what happened.
        return tok[i].endsWith("ed") && i > 0 && !RECIPIENT.contains(tok[i - 1]) && !Set.of("them", "it", "these",
                "those", "this").contains(tok[i - 1]);
    }

    private static boolean negated(String[] tok, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 6; j--) {
            if (BOUNDARY.contains(tok[j])) {
                return false;
            }
            if (NEGATORS.contains(tok[j])) {
                return true;
            }
        }
        return false;
    }

    private static boolean negatedBefore(String joined, int charIndex) {
        String before = joined.substring(0, charIndex).trim();
        String[] t = before.isEmpty() ? new String[0] : before.split(" ");
        for (int j = t.length - 1; j >= 0 && j >= t.length - 6; j--) {
            if (BOUNDARY.contains(t[j])) {
                return false;
            }
            if (NEGATORS.contains(t[j])) {
                return true;
            }
        }
        return false;
    }

    private static int tokenIndexAt(String joined, int charIndex) {
        String before = joined.substring(0, charIndex).trim();
        return before.isEmpty() ? 0 : before.split(" ").length;
    }

    private static boolean any(String[] tok, Set<String> set) {
        for (String t : tok) {
            if (set.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
