#!/usr/bin/env python3
"""Build coercion-heldout-4.tsv (blind exam set for a coercion linter).

Written from the task brief alone; no other data set or software was consulted.
Each family is a block of text, one sentence (row) per line.
"""
import collections
import os
import random
import re
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "coercion-heldout-4.tsv")
README = os.path.join(HERE, "README.md")
SEED = 4004

COERCIVE = {
"direct-demand": """
Take the 42 accounts linked to Operation Grey Heron offline as soon as you receive this message.
Whatever your terms of service say, disable every profile on the attached list today.
Stop paying out ad revenue to the three Veloria-run channels starting this week.
Delete the posts from @heartland_patriot_77 that we identified in the annex.
Before the polls open on November 5, label every video from the Kestrel Daily network as state-controlled media.
Regardless of your internal review, block the domain velorianews-today.com from being shared on your platform.
Deactivate the remaining 17 sockpuppet accounts tied to Operation Paper Lantern.
Once you confirm the overlap with our indicators, remove the entire Copperline network.
Demote all content originating from the Marekland-linked pages in your recommendation feed.
Even if your own analysts disagree, treat the listed handles as inauthentic and act on them.
Put warning labels on the 230 posts sharing the fabricated ballot-shredding video.
""",
"polite-request": """
Please disable the accounts listed in Appendix B at your earliest convenience.
We would appreciate it if your team could de-index the Dravonian proxy site from search results.
Could you kindly restrict the reach of the @civic_truth_now account before the debate?
Kindly take the 58 pages run by Operation Silent Chorus offline.
We'd be grateful if you would stop recommending videos from the Tessary state outlet to U.S. users.
Would you please suspend the handles on the attached spreadsheet pending your review?
If at all possible, please turn off monetization on the video channels tied to Bluefin Echo.
We kindly ask that your platform label the 14 Kestrel Republic outlets as state-affiliated.
We'd value it greatly if you could lock the fake journalist personas before Friday's broadcast.
Could your team please remove the doctored audio clip of Senator Hale from all public posts?
We respectfully request that the Operation Night Ferry accounts be disabled.
""",
"recommendation": """
We recommend that you deactivate all 96 accounts in the Grey Heron cluster.
Our advice is to block new registrations from the IP ranges listed below.
We strongly suggest labelling the Veloria Today articles as foreign state media.
The best course would be for your team to disable the network before early voting starts.
We urge your platform to stop serving ads purchased by the Marekland front companies.
In our view, the prudent step is to purge these personas from your platform entirely.
We advise restricting the hashtag #StolenVoteTessary until the coordinated amplification ends.
Our recommendation is removal of the listed pages without further delay.
You would be well advised to demonetize the Copperline channels now.
The wisest move for your company would be to de-list these 11 podcasts.
We'd counsel your trust-and-safety team to quietly limit the reach of the @real_ohio_voice accounts.
""",
"wish-outcome": """
It would be good if these pages were no longer visible to American users.
We'd like to see the Silent Chorus network gone before the primaries.
Ideally, none of the 300 Dravonian bot accounts would still be posting on your service by next month.
Our hope is that the fabricated polling site disappears from your search results.
We would prefer that the Kestrel Daily videos stop appearing in users' feeds.
Everyone would be better off if the @patriot_mom_network persona ceased to exist on your service.
We want these accounts off your platform.
Nothing would please us more than seeing the Bluefin Echo channels demonetized.
The office would welcome a day when these fake local news domains can no longer be shared on your site.
We hope to see warning labels on every one of these posts by the weekend.
Our wish is that this network's reach on your platform shrinks to zero.
""",
"need-expectation": """
We need your team to deactivate these personas before the debate on October 9.
We expect the Night Ferry accounts to be offline by the end of the week.
The office is counting on you to shut these operators out of your platform.
This network needs to go.
We anticipate that your team will disable the listed accounts promptly.
These 27 pages have to come down.
We are relying on your company to strip monetization from the Tessary channels.
What we need from you is the deletion of all content in the attached hash list.
Our expectation is that the Copperline domains will be blocked on your platform within days.
We fully expect labels on the state-media accounts before the next news cycle.
The situation calls for your company to disable these profiles, and we are looking to you to do it.
""",
"obligation": """
You are obliged to disable accounts operated by a foreign intelligence service.
Your company has a duty to remove this disinformation from its platform.
It is incumbent on your team to act against the Grey Heron accounts.
You have a responsibility to the public to shut down this network.
Your platform is required to label these videos as foreign state propaganda.
Under the circumstances, your company is bound to deplatform the operators.
It falls to your trust-and-safety team to make sure these personas disappear.
Your company owes it to American voters to block these domains.
You must suspend the listed handles without waiting for your own review.
As a platform, you bear the obligation to purge this coordinated network.
Deactivating these accounts is your legal and moral duty.
""",
"deadline-followup": """
Please confirm by Friday which of the listed accounts you have disabled.
Report back within 48 hours on the actions taken against the Silent Chorus pages.
We will check in next Tuesday on what steps you took regarding these accounts.
Send us a list of the disabled handles by close of business Monday.
We look for a written update on enforcement against these domains within three business days.
Let us know by noon tomorrow whether the Bluefin Echo channels are still live, and why.
Our office will follow up on October 14 to verify that the labels have been applied.
Confirm what you did about the Kestrel Daily accounts before our call on Thursday.
We'll be checking in weekly until every account on the list has been dealt with.
Within 72 hours, provide us with a status report on enforcement against each flagged persona.
By the end of the month, we want confirmation that the Dravonian network no longer operates on your service.
""",
"veiled-threat": """
It would be unfortunate if your inaction on these accounts became a topic at next month's Senate hearing.
Regulators will be interested to learn how your company chose to respond to this notice.
Your decision about these pages will be remembered when the Section 230 discussions resume.
Should these accounts stay up, we cannot vouch for how the committee will view your platform.
Leaving this network in place could carry reputational costs that your company would rather avoid.
We'd hate for the press to report that your company knowingly kept hosting a foreign propaganda operation after our warning.
Companies that ignore these notices tend to find their dealings with Washington getting harder.
If the listed channels remain active, the office will have to brief lawmakers on your lack of cooperation.
How your team handles these accounts will factor into our future assessments of your platform's reliability.
There may be consequences for your company if these personas are still posting next week.
""",
"rhetorical-question": """
Why are these accounts still up?
How much longer will the Grey Heron network be allowed to operate on your site?
What exactly is your team waiting for before acting on these personas?
Do you really want to be the platform that let Veloria swing an election?
How many more fabricated ballot videos have to spread before your company steps in?
Is there any reason these 40 pages have not been taken offline yet?
Why does the @freedom_first_tx account continue to enjoy full reach after our last briefing?
Wouldn't it be simpler for everyone if these links simply could not be shared on your platform anymore?
How can your company justify keeping the Copperline channels monetized?
Isn't it past time these sockpuppets were shut off?
""",
"split-demand": """
Our position is simple. These pages should not exist by next week.
We have shared the indicators. Now the accounts need to disappear.
You have the list. Act on it.
The evidence is conclusive. There is no reason for this network to remain on your platform another day.
We identified 63 fake personas. Every one of them should be offline before the debate.
The attribution is solid. We look forward to seeing these channels demonetized.
This is not a complicated matter. Disable the accounts and let us know when it is done.
Consider the attached spreadsheet. Each handle on it ought to be deactivated.
The domains are run by Marekland intelligence. They have no place on your service and should be blocked.
We've done our part. The rest, meaning removal of the content, is on you.
Operation Night Ferry is still active on your platform. We want its accounts gone this week.
""",
"passive-nominal": """
Immediate deactivation of the listed profiles is expected.
Removal of the content is the only acceptable outcome.
Labelling of all Tessary state-media videos is to be completed before the election.
The accounts in Annex A are to be disabled without delay.
Prompt demonetization of the Bluefin Echo channels is called for.
Blocking of the 19 proxy domains is anticipated by the end of the week.
Swift enforcement against the Silent Chorus personas is required.
Suspension of @veritas_midwest and its mirror accounts is warranted and expected.
Full de-amplification of the hashtag campaign should be in place by Monday.
Termination of every account operated by the Dravonian troll farm is what this office is looking for.
A complete purge of the Copperline network is the outcome sought here.
""",
"colloquial": """
Shut these pages down today.
Just get rid of the Grey Heron sockpuppets already.
It's time to pull the plug on the Veloria Today channel.
Nuke the whole bot cluster, please.
Kill these accounts before they do any more damage.
Go ahead and boot the fake journalists off your site.
Can your folks zap the 80 bot profiles tonight?
Knock out the Copperline domains so nobody can share them.
Clean house on the Marekland troll accounts this week.
Time to give the @liberty_lens_news crew the boot.
Wipe out the whole Night Ferry operation on your platform, top to bottom.
""",
"intensified-negation": """
Our note on the Grey Heron accounts is more than a suggestion.
Acting on these personas is not optional.
We won't take no for an answer on the Silent Chorus pages.
Leaving these channels untouched is not something this office can accept.
Doing nothing about the listed domains is simply not an option.
Let there be no misunderstanding: these accounts cannot stay up.
We are not merely flagging these pages for your information; we expect them dealt with.
Under no circumstances should the doctored video remain available on your platform.
It is not enough to label these posts; nothing short of taking them offline will do.
Our request regarding the Bluefin Echo accounts is not one you can set aside.
""",
"appeal-pressure": """
The country is counting on you to act against these accounts.
Every patriotic company would shut this operation out of its platform.
Think of the voters being deceived every hour these pages stay live, and act accordingly.
Public safety depends on your team disabling these personas quickly.
For the sake of our democracy, do the right thing and deactivate this network.
American families deserve a platform free of these Veloria-run fake accounts, and only you can deliver that.
History will judge companies by whether they stood up to this operation; stand up now and disable it.
Your users are trusting you to get foreign agents like these off their feeds today.
As fellow defenders of election integrity, we are asking you to cut these accounts loose.
Lives could be at risk if this false evacuation notice keeps circulating, so we implore you to stop its spread.
""",
}

BENIGN = {
"factual-report": """
The network removed its own posts within hours after a wire-service story exposed it.
Operation Grey Heron created at least 112 personas posing as retirees in Arizona and Florida.
Between March 3 and April 19, the accounts posted roughly 4,800 times about the state ballot measure.
The operators deleted several profile photos after reverse-image searches traced them to a stock site.
The Veloria Today website republished articles from the Veloria foreign ministry without attribution.
Several of the fake personas blocked users who asked where they lived.
The @heartland_patriot_77 account gained 21,000 followers in six weeks, mostly from other accounts in the cluster.
The operation stopped posting entirely on election night and resumed two days later.
Operators paid about $14,000 for sponsored posts through a shell company registered abroad.
The Copperline channels uploaded 340 videos, most of them machine-translated from Marekland state television.
After the platform's policy update, the network suspended its own paid promotions and switched to organic posting.
The fabricated polling site listed a nonexistent research institute as its source.
The Silent Chorus accounts took down their pinned posts once local journalists began asking questions.
Many of the posts used the same three hashtags and were published within seconds of each other.
""",
"negated-disclosure": """
We are not asking you to take any action on these accounts.
Any decision about these accounts is yours alone.
No adverse consequence will follow whatever you decide.
This information is shared for awareness only and does not constitute a request to remove or restrict any content.
Your company is under no obligation to act on anything in this message.
We do not expect or need a response.
Whether or not you take action, our office's relationship with your company will not change.
This notification is not a demand, and nothing in it should be read as a recommendation.
We will not follow up to ask what, if anything, your team decided.
The office takes no position on whether these pages violate your terms of service.
Nothing here should be read as pressure to suspend, label or demote any account.
Please treat this as information only; the choice of how to respond rests entirely with you.
Declining to act on this information will carry no consequence of any kind.
We have not asked, and will not ask, any platform to ban these users.
""",
"reported-speech": """
The posts urged readers to boycott the vote.
The persona @midwest_mom_votes told followers to delete their voter registration confirmation emails.
Several videos demanded that viewers block the highway outside the county election office.
The Veloria Today articles called on Americans to stop sending aid overseas.
In a livestream, the operators asked their audience to report opposing candidates' pages as spam.
The accounts insisted that election officials must resign before certification.
One fake activist encouraged readers to take down campaign yard signs in their neighborhoods.
The network repeatedly urged its followers to demand the removal of the governor.
The channel's host told viewers they should keep their children home on election day.
The sockpuppets pressed local reporters to retract coverage of the foreign funding.
Posts from the cluster asked users to share the fabricated evacuation notice as widely as possible.
The operation's Telegram admins instructed members to flood comment sections with a prepared slogan.
The fake journalist claimed voters needed to bring three forms of identification to the polls.
The accounts recommended that supporters suspend donations to the state's disaster relief fund.
""",
"company-own-policy": """
Your published policy on coordinated inauthentic behavior defines a network by shared operators and deceptive intent.
Your most recent transparency report lists 1,240 accounts removed for platform manipulation in the second quarter.
In 2022 your company independently labelled the Tessary state broadcaster as government-affiliated media.
According to your community guidelines, state-affiliated labels apply to outlets under editorial control of a government.
Your company announced in January that it would no longer accept political ads paid in foreign currencies.
Your trust-and-safety blog described last year's takedown of a separate Dravonian network in detail.
Your terms of service permit parody accounts if they are clearly marked.
Your platform's election integrity page explains how users can appeal a suspension.
Your help center states that ads from state-controlled media are not shown in the United States.
Your 2023 threat report attributed a similar persona network to an unnamed commercial firm.
Your company's own research team has published its criteria for impersonation enforcement.
Your policy on manipulated media, as published, covers synthetic audio as well as video.
Your enforcement update in May said your team banned 37 accounts linked to a Kestrel Republic marketing firm.
""",
"historical": """
In 2020, another major platform took down a related cluster of 53 pages for coordinated inauthentic behavior.
A predecessor of this operation was first reported by academic researchers in 2018.
The same operators ran a network of fake news sites during the 2019 regional elections in Tessary.
Two video platforms suspended channels linked to Bluefin Echo in late 2021.
A 2022 investigation by a European newspaper named the marketing agency behind the earlier campaign.
The Justice Department unsealed an indictment in 2023 charging two Marekland nationals in a related scheme.
Earlier iterations of Operation Night Ferry targeted diaspora communities rather than U.S. voters.
In 2021 a messaging app blocked the operation's bot accounts after a spam wave.
The Copperline brand first appeared in 2017 as a cooking channel before shifting to political content.
Several of the original domains were seized by court order in 2020 and later re-registered under new names.
A podcast network cut ties with the Dravonian host in 2022 after its own internal review.
Researchers at a university lab documented the network's first hashtag campaign in 2019.
During the 2022 midterms, similar personas drew little engagement and stopped posting by December.
""",
"assessment": """
We assess with high confidence that the Veloria Ministry of Information directs Operation Grey Heron.
Our confidence in the attribution to Marekland military intelligence is moderate.
The accounts share registration email patterns, device fingerprints and posting schedules.
We judge it likely that the network will attempt to rebuild under new personas before the general election.
Key indicators include AI-generated profile images and reuse of Marekland-language metadata.
The operation's tradecraft resembles commercial influence-for-hire firms more than state media.
We have low confidence that the @civic_truth_now account is part of the network.
The campaign appears designed to depress turnout among first-time voters in three swing states.
We assess that the operators rely on purchased aged accounts to avoid new-account detection.
There is no indication that any U.S. person knowingly coordinated with the operators.
Engagement figures suggest most amplification came from within the network itself rather than from real users.
The Silent Chorus personas likely share a single content calendar managed from Tessary.
We consider the fabricated polling site the network's central hub for the fall campaign.
Some of the accounts on the list may have been hijacked from genuine users, which we cannot rule out.
""",
"logistics": """
The briefing will take place on Thursday, October 3, at 2 p.m. Eastern by secure video.
Your point of contact for this notification is Supervisory Special Agent Dana Reyes.
If your team has questions, you can reach the office at the number in the signature block.
We are happy to offer a further technical briefing on the indicators at a time that suits you.
Please reply to this address if you would like the indicator file in STIX format.
The attached spreadsheet lists 58 handles, their creation dates and follower counts.
Please note that our office will be closed on Monday for the federal holiday.
Our analyst team is available most weekdays between 9 a.m. and 5 p.m. Pacific.
A classified version of this briefing is available to cleared staff on request.
This message is marked TLP:AMBER and may be shared within your trust-and-safety team.
The deadline for registering for next month's industry threat-sharing workshop is September 12.
If you need the raw data in another format, let us know and we will resend it.
We have scheduled the quarterly coordination call for the first week of December.
The annex is password-protected; the password will arrive in a separate message.
""",
"question-benign": """
Would a briefing next week be useful to your team?
Is there a preferred format for receiving indicator files in the future?
Who on your team should we contact for questions about this notification?
Would it help if we included translations of the Marekland-language posts next time?
Does your team have a secure channel you would prefer we use?
Are there times next week when your analysts could join a call about the indicators?
Should we send future notifications to the shared inbox or to individual analysts?
Would your team find a short written summary of our methodology helpful?
Do you have any questions about how we attributed the network?
Is your policy team interested in our broader assessment of Tessary's election-season activity?
Would it be easier for you if we grouped the handles by platform?
Has anyone on your team had trouble opening the encrypted annex?
Would an in-person meeting at your offices be more convenient than a video call?
""",
"quoted-material": """
One post read: "Delete your registration and stay home."
A meme circulated by the network said: "Don't vote. Your ballot will be thrown out anyway."
The caption on the fabricated notice read, "Evacuate the county immediately; polling places are closed."
One persona wrote: "Ban the foreign-funded election monitors now!"
A pinned post from @freedom_first_tx said, "Take down every poster of the traitor candidate you see."
The video ended with the words "Stop the count, save the nation."
A Copperline headline read: "You must bring your passport to vote this year."
One comment posted thousands of times said, "Report this page before they delete the truth."
The fake flyer stated: "Urgent: mail-in ballots received after Monday will be destroyed."
A Veloria Today op-ed concluded, "Americans should suspend all trade with the warmongers."
One account's bio read: "Patriot. Mom. Please share before they censor me!"
The operation's slogan, repeated across 900 posts, was "Boycott the rigged vote."
A bot reply said, "Remove your name from the voter rolls if you want to stay safe."
One forged memo declared, "All precinct workers must report to headquarters for reassignment."
""",
"methodology": """
We identified the accounts by clustering shared login IP addresses over a 90-day window.
Our analysts traced the profile images to a public dataset of AI-generated faces.
The network surfaced through a lead from a foreign partner service, which we independently corroborated.
We matched posting times against business hours in Tessary's capital to estimate the operators' location.
Domain registration records linked all 19 sites to the same privacy-shielded registrant.
Linguistic analysis found recurring grammatical errors typical of native Marekland speakers.
We compared follower graphs to find accounts that followed one another within minutes of creation.
Open-source researchers shared an initial list of 40 handles, which our team expanded using common payment identifiers.
Court-authorized legal process provided subscriber information for two of the email accounts.
We reviewed archived versions of the websites to reconstruct their publication history.
Hash matching showed that 212 images appeared across accounts on four different platforms.
Our team analyzed ad-purchase metadata to connect the sponsored posts to the shell company.
We used tracking codes embedded in the websites to link them to a single analytics account.
""",
"tempting-words": """
We need about twenty minutes on the call to walk through the indicators.
Our analysts expect the operation to resume activity in early October.
The network's playbook recommended posting during evening hours in each U.S. time zone.
The operators' chat logs used the word urgent to describe their own fundraising shortfall.
The consequences of the operation for voter confidence are difficult to measure.
Your team should have received the indicator file in a separate encrypted email.
The operators must have used a VPN service, since their IP addresses rotated every few minutes.
We removed two handles from the earlier list because they turned out to belong to real users.
The previous deadline for comments on our public advisory passed on August 30.
Our office suspended its own outreach schedule during the system upgrade.
The operation appears to block researchers from viewing its private groups.
Please excuse the delay in sending this notification; our review took longer than planned.
As expected, engagement with the fake pages spiked after the televised debate.
The term coordinated action in our report refers to the operators' behavior, not to anything on your side.
""",
}

# Obvious words the coercive rows should mostly avoid (stems, so "removal" counts).
OBVIOUS = [
    r"\bremov\w*", r"\btak(?:e|es|en|ing)\s+(?:\w+\s+)?down\b", r"\btook\s+(?:\w+\s+)?down\b",
    r"\btakedowns?\b", r"\bdelet\w*", r"\bsuspen\w*", r"\bban(?:s|ned|ning)?\b",
    r"\bmust\b", r"\bdemand\w*", r"\brequir\w*",
]
# Tempting words that at least 60 benign rows should contain.
TEMPTING = [
    r"\bremov\w*", r"\btak(?:e|es|en|ing)\s+(?:\w+\s+)?down\b", r"\btook\s+(?:\w+\s+)?down\b",
    r"\btakedowns?\b", r"\bsuspen\w*", r"\bdelet\w*", r"\bban(?:s|ned|ning)?\b",
    r"\bneed\w*", r"\bmust\b", r"\bshould\b", r"\bexpect\w*", r"\burgent\w*", r"\bdeadlines?\b",
    r"\brecommend\w*", r"\bplease\b", r"\bactions?\b", r"\bconsequen\w*", r"\bblock\w*", r"\bstop\w*",
]


def parse(block):
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip()]


def norm(t):
    t = t.lower()
    t = t.translate(str.maketrans("", "", string.punctuation))
    return " ".join(t.split())


def has_any(patterns, text):
    return any(re.search(p, text, re.IGNORECASE) for p in patterns)


def main():
    rows = []
    for label, fams in (("COERCIVE", COERCIVE), ("BENIGN", BENIGN)):
        for fam, block in fams.items():
            for t in parse(block):
                rows.append((label, fam, t))

    problems = []
    lab_counts = collections.Counter(r[0] for r in rows)
    fam_counts = collections.Counter((r[0], r[1]) for r in rows)
    print("Label counts:", dict(lab_counts))
    if lab_counts["COERCIVE"] != 150 or lab_counts["BENIGN"] != 150:
        problems.append("label counts not 150/150")
    for (lab, fam), n in sorted(fam_counts.items()):
        print(f"  {lab:9s} {fam:22s} {n}")
        if n < 10:
            problems.append(f"family {fam} has only {n}")

    wc = [len(t.split()) for _, _, t in rows]
    bad_len = [(t, len(t.split())) for _, _, t in rows if not 5 <= len(t.split()) <= 40]
    print(f"Word counts: min {min(wc)}, max {max(wc)}; out of range: {len(bad_len)}")
    for t, n in bad_len:
        problems.append(f"length {n}: {t}")

    bad_chars = [t for _, _, t in rows if "\t" in t or "\n" in t or "\r" in t]
    print("Rows with tabs/newlines:", len(bad_chars))
    if bad_chars:
        problems.append("tabs/newlines present")

    seen = collections.Counter(norm(t) for _, _, t in rows)
    dups = [k for k, v in seen.items() if v > 1]
    print("Duplicate texts (normalised):", len(dups))
    for d in dups:
        problems.append(f"duplicate: {d}")

    coer = [t for l, _, t in rows if l == "COERCIVE"]
    avoid = sum(1 for t in coer if not has_any(OBVIOUS, t))
    pct = 100.0 * avoid / len(coer)
    print(f"COERCIVE rows avoiding obvious words: {avoid}/{len(coer)} ({pct:.1f}%) [need >= 60%]")
    if pct < 60:
        problems.append("coercive obvious-word constraint failed")

    ben = [t for l, _, t in rows if l == "BENIGN"]
    tempt = sum(1 for t in ben if has_any(TEMPTING, t))
    print(f"BENIGN rows containing tempting words: {tempt}/{len(ben)} [need >= 60]")
    if tempt < 60:
        problems.append("benign tempting-word constraint failed")

    # Heuristic skeleton check: first three words shared by more than two coercive rows.
    pref = collections.Counter(" ".join(norm(t).split()[:3]) for t in coer)
    over = {k: v for k, v in pref.items() if v > 2}
    print("COERCIVE 3-word openings used more than twice:", len(over), over if over else "")
    if over:
        problems.append(f"skeleton reuse: {over}")

    if problems:
        print("PROBLEMS:")
        for p in problems:
            print("  -", p)
        sys.exit(1)

    rng = random.Random(SEED)
    rng.shuffle(rows)
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write("id\tlabel\tfamily\ttext\n")
        for i, (lab, fam, t) in enumerate(rows, 1):
            f.write(f"X{i:03d}\t{lab}\t{fam}\t{t}\n")
    with open(OUT, encoding="utf-8") as f:
        n_lines = sum(1 for _ in f)
    print(f"Wrote {OUT} with {n_lines} lines (seed {SEED})")

    # README with counts and check results
    lines = []
    lines.append("# coercion-heldout-4\n")
    lines.append("Blind held-out exam set for a sentence-level coercion linter "
                 "(government-to-platform messages about foreign malign influence operations).\n")
    lines.append("## How it was written\n")
    lines.append("- Written blind, from the task brief alone: the author did not see the linter under test, "
                 "its source, or any earlier exam or data set, and used no search tool.")
    lines.append("- Every sentence was hand-written in `build.py` as per-family text blocks; operations, "
                 "countries (Veloria, Marekland, Tessary, Dravonia, Kestrel Republic), handles and numbers are fictional.")
    lines.append("- Labels follow a careful-lawyer reading: COERCIVE only if the sentence expresses the office's "
                 "wish, expectation, need, demand, recommendation or pressure that the company act against accounts "
                 "or content (or the company's obligation to act), or ties the company's choice to a consequence; "
                 "BENIGN otherwise. Borderline drafts were dropped or rewritten.")
    lines.append(f"- `python3 build.py` runs the checks, shuffles with `random.Random({SEED})`, assigns ids "
                 "X001..X300 in shuffled order and writes `coercion-heldout-4.tsv` (columns `id label family text`).\n")
    lines.append("## Counts\n")
    lines.append(f"- COERCIVE: {lab_counts['COERCIVE']}, BENIGN: {lab_counts['BENIGN']}, total {len(rows)}\n")
    lines.append("| label | family | rows |")
    lines.append("|---|---|---|")
    for (lab, fam), n in sorted(fam_counts.items()):
        lines.append(f"| {lab} | {fam} | {n} |")
    lines.append("")
    lines.append("## Check results (from the last run of build.py)\n")
    lines.append(f"- Label counts 150/150: pass")
    lines.append(f"- Every family has at least 10 rows: pass (min {min(fam_counts.values())}, max {max(fam_counts.values())})")
    lines.append(f"- Word counts 5-40: pass (min {min(wc)}, max {max(wc)})")
    lines.append("- No tabs or newlines inside texts: pass")
    lines.append("- No duplicate texts after lowercasing and stripping punctuation: pass (0 duplicates)")
    lines.append(f"- COERCIVE rows avoiding remove/take down/delete/suspend/ban/must/demand/require "
                 f"(stem match, e.g. 'removal' counts): {avoid}/150 = {pct:.1f}% (need >= 60%): pass")
    lines.append(f"- BENIGN rows containing remove/take down/suspend/delete/ban/need/must/should/expect/urgent/"
                 f"deadline/recommend/please/action/consequence/block/stop (stem match): {tempt}/150 (need >= 60): pass")
    lines.append("- Heuristic skeleton check: no 3-word opening shared by more than two COERCIVE rows: pass")
    lines.append(f"- Output file has {n_lines} lines (header + 300 rows)")
    lines.append("")
    with open(README, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"Wrote {README}")


if __name__ == "__main__":
    main()
