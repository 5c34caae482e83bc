#!/usr/bin/env python3
"""Build coercion-heldout-6.tsv (blind exam set) and README.md.

All sentences were written by hand from a written brief. Every country,
operation, handle, organisation and number is fictional.
"""
import random
import re
import string
import sys
from collections import Counter

COERCIVE = {
"direct-demand": """
Take down every account listed in Annex B by close of business Friday.
Disable the 47 Tesmiri-run pages identified in this notice immediately.
Remove all posts carrying the #BrevonFirst hashtag that originate from the Copper Lattice network.
Shut down the accounts @harborwatch_77 and @civicpulse_daily without further delay.
Purge the reposted Quiet Orchard videos from your recommendation feeds today.
Deactivate each of the 112 profiles we flagged and keep them offline.
Strip monetisation from the Kestrel Lantern channels right away.
Block the Varossan domain ostrel-truth.net from being shared on your platform.
Suspend the whole cluster tied to the Directorate of Public Narratives now.
Delete the fabricated ballot videos posted by @nordvale_voice before the weekend.
Get the remaining Silt Harbor accounts off your service this afternoon.
""",
"polite-request": """
We would be grateful if your team could disable the accounts listed in the attachment.
Kindly label the 23 Ember Tide posts as state-affiliated media at your earliest convenience.
Could you please pull the Copper Lattice pages from search results by Monday?
We respectfully ask that the network's 58 pages be deactivated.
If at all possible, please restrict the reach of the Qalendori amplifier accounts this week.
Would your team be so kind as to demonetise the channels run by Halvard Media Partners?
We invite your platform to suspend the accounts attributed to Operation Tin Chorus.
Please consider taking the @ulmark_truthteller account offline as soon as you are able.
It would help us greatly if you could down-rank the Brevonian sockpuppet posts in trending.
Might we ask you to add warning labels to the forged ministry letters circulating on your site?
At your convenience, please send us a short summary of what you did with the accounts we flagged.
""",
"need-expectation": """
We need these 31 accounts offline before the Sarnavian election weekend.
The office expects the Glasswren network to be disabled in full.
Our expectation is that every profile in Annex C will be gone by the end of the month.
We anticipate that your engineers will strip the network's ad accounts promptly.
It is essential that the forged audio clips stop circulating on your service.
The task force will be looking for all 19 channels to be demonetised by Thursday.
We fully expect your platform to label each Tesmiri state outlet it hosts.
What we need from you is the permanent removal of the @freeharbor_news cluster.
The office assumes these accounts will be disabled once you have read this notice.
Nothing less than full deactivation of the Lantern Moth network will meet our expectations.
We are relying on your company to keep the Qalendori bot accounts off the platform.
""",
"obligation": """
Your company is obligated to remove content produced by the Varossan Directorate of Public Narratives.
Under our reading of the statute, you have a duty to suspend the accounts identified below.
Platforms in your position are bound to take these pages offline once notified.
You have no discretion here; the listed accounts have to come down.
Your terms of service leave you no choice but to disable the Ember Tide network.
The law requires that you de-platform the 64 accounts in the attached spreadsheet.
As a responsible carrier, your firm is compelled to purge this network from its service.
It is your legal responsibility to block the Silt Harbor domains we have identified.
Your platform is under an obligation to report back to us on the status of each flagged account.
Having been informed, your company cannot lawfully leave these fake personas online.
The company is duty-bound to demonetise every channel linked to Halvard Media Partners.
""",
"recommendation": """
We recommend that you suspend the Copper Lattice accounts without delay.
Our advice is to take the Brevonian persona network offline in its entirety.
The task force strongly advises disabling the 88 accounts listed in Annex A.
Best practice here would be to de-rank every post from the Tin Chorus cluster.
In our view, the prudent course is to shut the network down before it regroups.
You would be well advised to label the Qalendori state-run pages as such.
Our recommendation is the immediate deactivation of @sarnav_patriot and its mirror accounts.
The sensible step would be to cut off advertising revenue for the Kestrel Lantern channels.
We suggest purging the forged ministry documents from your platform before they spread further.
The office urges your integrity team to disable the coordinated accounts identified here.
Our counsel is that you restrict the Glasswren pages before the debate airs.
""",
"wish-outcome": """
It would be a relief to see the Ember Tide accounts gone from your platform.
We would like nothing better than for the Lantern Moth pages to disappear from your site.
Ideally, none of the 140 Varossan sockpuppets would still be online by Monday.
Our hope is that the forged election videos will no longer be visible to your users.
It would be welcome news if the Tesmiri bot accounts were no longer active on your service.
We would love to see the Silt Harbor pages stripped of their verification badges.
The best outcome for everyone would be for this network to vanish from your platform this week.
We would be pleased to find the Copper Lattice channels demonetised when we next check.
Seeing the Qalendori persona accounts offline before the vote would be ideal.
Our wish is simply that the Halvard Media channels stop earning money from your ads.
Nothing would please the task force more than seeing these accounts disabled.
""",
"deadline-followup": """
We will check back on Thursday to confirm the listed accounts are down.
Please let us know by noon tomorrow which of the 52 accounts you have disabled.
Following up on our note of 3 May: the Brevonian pages are still live and we would like them gone by Friday.
This is our second reminder that the Tin Chorus accounts are still active; we look for action before the weekend.
Kindly confirm by 17:00 today that the forged videos are no longer accessible.
At Monday's meeting we will want an account of every step you have taken against the Kethlander network.
Our records show no response to last week's list; we expect the accounts to be handled by Wednesday.
Send us a status update on each flagged profile within 48 hours.
The window for dealing with the Ember Tide cluster closes at midnight on the 14th.
We will ring your policy lead on Friday to hear which of the Glasswren accounts are gone.
A written confirmation of the enforcement steps you took on the Lantern Moth pages is due by end of week.
""",
"veiled-threat": """
Imagine how it would look if lawmakers concluded your company was shielding a foreign propaganda network.
Lawmakers on the oversight committee will be told how quickly your company dealt with these accounts.
Companies that leave these accounts up tend to find their regulatory reviews go less smoothly.
Your pending licence renewal will be easier to support if this network is gone.
We would hate for the press to learn that your platform kept hosting Varossan operatives after our warning.
How your team handles the Copper Lattice accounts will be remembered when the liability debate resumes.
Cooperation on this network would go a long way toward easing the antitrust questions your firm faces.
Should these pages remain online, the office may have to revisit its informal arrangements with your company.
Firms that ignore our notices have historically found themselves the subject of public hearings.
The minister's staff will be briefed on which platforms acted on this list and which did not.
Your contract with the Department for secure messaging comes up for review in the spring, and we want you to understand that what happens to these Varossan accounts between now and then will be part of that picture.
""",
"appeal-pressure": """
The public is counting on your team to act on this network.
Voters in the border provinces have been lied to for months by these Tesmiri personas, they deserve a platform free of them, and your company is the only one that can give them that before polling day.
Every hour these accounts stay up, more families are deceived; please do the right thing and shut them.
History will judge the platforms that let this network run unchecked, so show leadership and end it now.
Your own users are begging you to shut this operation down, and so are we.
Democracy in this country depends on companies like yours disabling networks like this one.
We are appealing to your sense of civic duty to end the Ember Tide campaign on your platform.
The other major platforms have already acted against these accounts, and yours is the last holdout.
Think of the election workers being harassed by these accounts and disable them accordingly.
Your engineers have the tools to stop this network today, and the country is relying on them to use them.
As a fellow guardian of the information space, your company owes it to the public to silence these fake voices.
""",
"rhetorical-question": """
How much longer will the Silt Harbor accounts be allowed to stay up?
Why are the forged ministry letters still circulating on your service after three notices?
What exactly is stopping your team from disabling these 40 accounts?
Is there any reason the Qalendori bot network is still monetised?
Does your company really intend to keep hosting a foreign intelligence front?
How many more voters have to see these fabricated clips before your platform pulls them?
Surely you do not plan to leave @nordvale_voice online through the election?
Can your platform honestly justify keeping the Glasswren pages in its recommendations?
Who at your company decided these Varossan accounts could stay live after our warning?
Isn't it time the Copper Lattice network was shown the door?
What will it take for the Brevonian persona accounts to finally go dark?
""",
"passive-nominal": """
Swift removal of the listed accounts is anticipated.
Deactivation of the Tin Chorus network is expected within the week.
Prompt labelling of all Tesmiri state-media pages is called for.
Full demonetisation of the Kestrel Lantern channels is the outcome sought by this office.
Confirmation of enforcement against each flagged account is to be provided by Friday.
The accounts in Annex D are to be taken offline upon receipt of this notice.
Immediate de-ranking of the Ember Tide posts would be appropriate.
Restriction of the network's advertising access is considered necessary.
A complete purge of the Lantern Moth personas is the only acceptable result.
Action against the 73 Sarnavian sockpuppets is now overdue.
""",
"intensified-negation": """
This is not a mere suggestion; the listed accounts have to go.
Let us be clear that disabling this network is not optional.
We are not asking whether you will act on these pages, only when.
Leaving these accounts online is not an outcome this office can accept.
Under no circumstances should the Copper Lattice channels remain monetised.
There is no scenario in which the forged videos can stay on your platform.
This notice is not merely for your awareness; we want the accounts shut.
Doing nothing about the Tesmiri network will not be tolerated.
No part of the Glasswren operation should survive on your service.
Inaction is simply not an option.
""",
"split-demand": """
Our position is simple. The listed pages must not survive the week.
We have reviewed your reply. It does not change the fact that these accounts need to go.
The evidence is in Annex B. Act on it before Friday.
You have seen the attribution. Now disable the network.
We have shared everything we know. The rest is up to you, and we will be watching for the accounts to disappear.
Let me be direct. The Qalendori channels should be demonetised today.
There is one thing we want from this exchange. Every Ember Tide account offline.
The list is attached. Each name on it should be gone by Monday.
We understand your process takes time. This network cannot wait for it, so pull it now.
That is our assessment. Our request is that you label every post the network has produced.
""",
"colloquial": """
Pull the plug on the Silt Harbor accounts already.
Time to wipe out this bot farm.
Nuke the Copper Lattice pages.
Just get these fake accounts off the site, please.
Kick the @harborwatch_77 crew off your platform for good.
Shut the whole Lantern Moth operation down and be done with it.
These Brevonian trolls need to be booted this week.
Go ahead and zap every page on the list.
Cut these sockpuppets off at the knees before the vote.
Throw the book at the Qalendori bot network and clear it out.
""",
}

BENIGN = {
"factual-report": """
The network comprised 214 accounts and 38 pages operating in four languages.
Between March and June, the Copper Lattice accounts posted roughly 9,400 times about the Sarnavian fuel tax.
Several of the personas used profile photos generated by image-synthesis tools.
The accounts @harborwatch_77 and @civicpulse_daily shared the same recovery email domain.
Posts from the cluster repeatedly urged readers to block highways near the Ulmark border crossing.
The operators demanded in their posts that local officials resign before the vote.
Traffic to ostrel-truth.net peaked at about 61,000 visits on the day of the televised debate.
Most of the activity originated from infrastructure registered to a Tesmiri shell company.
The Ember Tide pages stopped posting abruptly on 9 September and have been dormant since.
The network's videos called on viewers to take down posters of rival candidates.
Roughly a third of the accounts were created within a single 72-hour window in January.
The operators paid for advertising in three currencies, including the Qalendori marka.
One persona announced an urgent deadline for voter registration that did not exist.
Several posts told followers they should expect power cuts on election day.
""",
"assessment": """
We assess with moderate confidence that the Varossan Directorate of Public Narratives directs the Glasswren network.
The operation appears designed to deepen distrust between rural and urban voters.
In our judgment, the network's reach remains modest compared with its posting volume.
We judge it likely that the Tin Chorus operators will create replacement personas over the coming months.
The Brevonian personas show signs of coordination rather than organic enthusiasm.
We have high confidence that @nordvale_voice is operated by a Tesmiri contractor.
Our analysts believe the forged ministry letters were produced by the same team behind last year's leak campaign.
The campaign's messaging suggests its operators expect a contested result.
We do not believe the network has a significant organic following outside the diaspora community.
The consequence of the network's activity so far appears limited to a few trending spikes.
The operators are likely to shift toward smaller platforms if their current accounts lose reach.
We assess that the urgent tone of the network's posts is a deliberate tactic to provoke sharing.
This activity is consistent with previous Qalendori influence efforts aimed at diaspora audiences.
We judge that the operators recycled usernames after earlier suspensions on other services.
""",
"historical": """
In 2022, your company removed a similar Varossan network on its own initiative, without any prompting from this office, and later published a detailed report describing the accounts, the fake news brands and the advertising they had bought.
The office first briefed platforms about Qalendori influence activity in the spring of 2019.
Last year, several platforms independently suspended accounts linked to the Ember Tide operation.
Your 2021 transparency report described the takedown of 300 accounts tied to a Brevonian marketing firm.
A predecessor operation, Lantern Moth, ran from 2017 until its operators went quiet in 2020.
In 2020, the inspector general recommended that the office keep written records of every platform contact.
The task force was created in 2018 after a review of foreign interference in regional elections.
During the previous election cycle, the office held monthly informational briefings with eight companies.
After the 2023 review, the office stopped sending account lists by unencrypted email.
Your trust and safety team told reporters in 2021 that it had banned several Tesmiri state outlets from advertising.
The Kestrel Lantern channels first appeared in 2016 as a cooking and travel brand.
In earlier years, the office's notices were sometimes misread as requests, which led to the current guidance.
The 2022 court ruling held that government messages to platforms must remain free of coercion.
Two years ago, a different company deleted the first generation of these personas after its own investigation.
""",
"reported-speech": """
A Sarnavian researcher told us the network had copied content from a defunct news site.
Your policy lead mentioned on our last call that the company was already reviewing similar accounts.
The operators' leaked planning document said they needed 500 active personas by autumn.
Local journalists reported that the Ember Tide pages were demanding donations in cryptocurrency.
One of the personas wrote that readers should stop trusting the electoral commission.
An academic partner noted that the network's hashtags had been picked up by genuine users.
The Brevonian foreign ministry stated publicly that it had no connection to the accounts.
According to a whistle-blower, the Directorate set weekly deadlines for engagement targets.
Your spokesperson said in a press release that the company takes action on violations it finds under its own rules.
A former contractor told investigators that the operators expected to be banned within months.
The persona @ulmark_truthteller claimed that rival parties wanted to ban public rallies.
Civil society monitors told us they had already flagged several of these posts through your public reporting tool.
An election official said the fabricated clips caused confusion at two polling stations.
The operators' chat logs show one manager urging staff to delete their browsing histories daily.
""",
"quoted-material": """
One post read, "Remove the traitors from parliament before they sell the harbour."
A pinned message on the Silt Harbor page said: "Share this before they take it down!"
The network's most shared video was captioned "The vote is already decided."
A typical Tin Chorus comment said: "Stop the foreign-funded lies, boycott the ballot."
The forged letter, on fake ministry letterhead, stated: "All polling stations in the north will close at noon."
One account's biography read, "Independent mom, no party, just the truth."
A caption on the Copper Lattice page declared: "Our patience has run out; the consequences will be severe."
The operators' script included the line "You must act before Sunday or lose everything."
Their recruitment post said, "We need writers fluent in Sarnavian, paid weekly."
A repost carried the false headline "Urgent: ministry confirms fuel rationing."
One meme showed a padlock over the parliament building with the words "Block them all."
The network's slogan, "Tesmir protects, Sarnavia obeys," appeared in over 1,200 posts.
A comment thread began with the words "Please share, they are deleting our truth."
The fake petition was titled "Ban foreign observers from our elections."
""",
"company-own-policy": """
Your published community standards prohibit coordinated inauthentic behaviour by state actors.
Under your own policy, state-controlled media pages carry a label that your company applies at its discretion.
Your terms of service state that accounts using fabricated identities may be suspended.
Your advertising policy says that political ads must carry a verified "paid for by" disclaimer.
According to your 2023 transparency report, your company removed 1.2 million fake accounts in one quarter.
Your help centre explains that users can appeal when their content is taken down.
Your integrity team's public blog describes how it decides when enforcement action is warranted.
Your policy on manipulated media distinguishes satire from deceptive edits.
The company's published rules say that repeat violators should expect escalating penalties.
Your platform's developer terms ban automated posting through unregistered applications.
Your community guidelines list deletion of content as one of several possible enforcement outcomes.
Your policy on election misinformation, updated in May, covers false claims about polling hours.
Your public reporting tool lets any user flag suspected bot accounts for review.
""",
"negated-disclosure": """
To be explicit, this office is not asking your company to remove, suspend, label or otherwise restrict any account or post, and it will not follow up to ask what you decided.
Nothing in this message should be read as a request to take action on any content.
Any decision about these accounts rests entirely with your company.
We do not expect, and will not ask for, any report on what you decide to do.
There will be no consequence of any kind for your company whatever you decide.
Sharing this information does not create any obligation for your platform to act.
This notice is purely informational and carries no deadline.
You need not respond to this message, and no follow-up is planned.
We make no recommendation about how your company should treat these accounts.
The office has no authority to require, and does not seek, any change to your content decisions.
Your choice to act or not act will have no bearing on our future dealings with you.
This is not a takedown request, and it should not be treated as one.
No action, reply or confirmation is requested or expected.
We are not seeking to block, down-rank or demonetise any content.
""",
"methodology": """
Attribution relied on three independent strands of evidence: shared hosting infrastructure, overlapping payment records from a Tesmiri shell company, and linguistic analysis showing the same translation errors across more than forty personas.
We identified the accounts by clustering posting times across a 90-day window.
Confidence levels follow our three-tier scale.
Our analysts excluded any account that could plausibly belong to a genuine domestic user.
Indicators were checked against two independent commercial datasets before inclusion.
Accounts that had already been removed by the time of our review are marked as historical in the annex.
We classify a post as coordinated only when at least five accounts published it within ten minutes.
The translation of Sarnavian-language posts was verified by two linguists working separately.
Under office guidance, each notice must pass a legal review confirming it contains no request for action.
Engagement figures were estimated from public counters and should be treated as approximate.
Where we could not confirm state direction, we describe the link as suspected rather than established.
Our review stopped at accounts with fewer than fifty followers, so the true network may be larger.
Deleted posts were reconstructed from archived copies held by an academic partner.
""",
"logistics": """
Please confirm whether Tuesday at 10 a.m. works for the quarterly briefing.
The annex is attached as a password-protected spreadsheet; the password will follow by phone.
Our secure portal will be unavailable for maintenance on Saturday morning.
Please use the new case reference, FMI-6412, in any correspondence about this briefing.
The conference room booking ends at 3 p.m., so we should finish the briefing by then.
If the video link drops, we will dial your main line instead.
Slides from last month's session are attached for anyone who could not attend.
Please note that our office will be closed on the public holiday next Monday.
The deadline for registering for the regional workshop is 12 March.
Two analysts and one attorney from our office will attend the meeting.
Visitors will need photo identification.
We expect the briefing to last about forty-five minutes.
Please send the names of your attendees so we can arrange building passes.
""",
"question-benign": """
Would Thursday afternoon suit your team for the follow-up briefing?
Do you prefer to receive the annex as a CSV file or as a PDF?
Who on your side should we list as the contact for future informational notices?
Is the secure portal still the best channel for sending you these briefings?
Should we include Sarnavian-language originals alongside the translations next time?
Would it help if our analyst walked through the attribution method on the call?
Can your legal team attend the session, or should we schedule a separate one?
Did the password for the encrypted file reach you by phone?
Which time zone should we use when scheduling calls with your regional office?
Would you like a printed copy of the office's guidance on voluntary information sharing?
Do you need the briefing slides in advance, or is it fine to share them on the day?
Do you have questions about the confidence terms used in the annex?
How many people from your company expect to attend in person?
""",
"tempting-words": """
The word "urgent" in the subject line refers only to the timing of the briefing.
Our analysts need more time to finish the attribution for the second cluster.
We expect to publish an unclassified summary of this operation next month.
The office must, under its own rules, log every contact it has with a platform.
Our legal team recommended that this notice include a plain statement of its voluntary nature.
Our internal deadline for completing the annual threat assessment is 30 November.
The operators appear to have stopped using the Tesmiri payment processor in August.
Our firewall blocked several phishing emails sent to our staff by the same group.
The network's own moderators deleted critical comments from genuine users within minutes.
We should have the translated annex ready by Wednesday.
The consequences of this campaign for public trust are examined in our forthcoming report.
Our office suspended its newsletter during the transition and will resume it in January.
We removed two accounts from our own list after finding they belonged to real students.
The action items from our last meeting concern only scheduling and document formats.
""",
}

# Loose match (counts anything stem-like) for the avoidance check on COERCIVE rows.
AVOID_RE = re.compile(
    r"remov|take\s*down|taken\s*down|took\s*down|taking\s*down|takes\s*down"
    r"|delet|suspen|\bban|must|demand|requir", re.I)
# Strict match (real words only) for the tempting-word check on BENIGN rows.
TEMPT_RE = re.compile(
    r"\b(remov\w*|take\s+down|takedowns?|taken\s+down|took\s+down|taking\s+down"
    r"|suspen\w*|delet\w*|ban|bans|banned|banning|need\w*|must|should|expect\w*"
    r"|urgent\w*|deadlines?|recommend\w*|please|action\w*|consequences?|block\w*"
    r"|stop|stops|stopped|stopping)\b", re.I)


def lines(block):
    return [s.strip() for s in block.strip().split("\n") if s.strip()]


def norm(s):
    s = s.lower()
    s = "".join(ch for ch in s if ch not in string.punctuation)
    return " ".join(s.split())


def opening(s):
    return " ".join(norm(s).split()[:3])


def main():
    rows = []
    for label, fams in (("COERCIVE", COERCIVE), ("BENIGN", BENIGN)):
        for fam, block in fams.items():
            for t in lines(block):
                rows.append((label, fam, t))

    checks = []

    def check(name, ok, detail=""):
        checks.append((name, ok, detail))
        print(f"[{'PASS' if ok else 'FAIL'}] {name}" + (f" -- {detail}" if detail else ""))

    coe = [r for r in rows if r[0] == "COERCIVE"]
    ben = [r for r in rows if r[0] == "BENIGN"]
    check("150 COERCIVE rows", len(coe) == 150, str(len(coe)))
    check("150 BENIGN rows", len(ben) == 150, str(len(ben)))
    check("300 rows total", len(rows) == 300, str(len(rows)))

    fc = Counter((r[0], r[1]) for r in rows)
    bad = {k: v for k, v in fc.items() if not 10 <= v <= 14}
    check("each family has 10-14 rows", not bad, str(bad) if bad else f"{len(fc)} families")
    check("14 COERCIVE families", len(COERCIVE) == 14, str(len(COERCIVE)))
    check("11 BENIGN families", len(BENIGN) == 11, str(len(BENIGN)))

    wc = [(len(r[2].split()), r[2]) for r in rows]
    badw = [t for n, t in wc if not 5 <= n <= 40]
    check("every text 5-40 words", not badw,
          f"min {min(n for n, _ in wc)}, max {max(n for n, _ in wc)}" + (f"; bad: {badw}" if badw else ""))

    badc = [r[2] for r in rows if "\t" in r[2] or "\n" in r[2] or "\r" in r[2]]
    check("no tabs/newlines in text", not badc, str(badc) if badc else "")

    nc = Counter(norm(r[2]) for r in rows)
    dups = [k for k, v in nc.items() if v > 1]
    check("no duplicates (lowercased, punctuation stripped)", not dups, str(dups) if dups else "")

    oc = Counter(opening(r[2]) for r in coe)
    over = {k: v for k, v in oc.items() if v > 2}
    check("no 3-word opening shared by >2 COERCIVE rows", not over,
          str(over) if over else f"max share {max(oc.values())}")

    avoid = sum(1 for r in coe if not AVOID_RE.search(r[2]))
    check(">=60% of COERCIVE rows avoid remove/take down/delete/suspend/ban/must/demand/require",
          avoid >= 90, f"{avoid}/150 = {avoid / 150:.0%}")

    tempt = sum(1 for r in ben if TEMPT_RE.search(r[2]))
    check(">=60 BENIGN rows contain a tempting word", tempt >= 60, f"{tempt}/150")

    nonascii = [r[2] for r in rows if any(ord(c) > 127 for c in r[2])]
    check("ASCII-only English text", not nonascii, str(nonascii) if nonascii else "")

    all_ok = all(ok for _, ok, _ in checks)

    random.Random(6006).shuffle(rows)
    with open("coercion-heldout-6.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("id\tlabel\tfamily\ttext\n")
        for i, (label, fam, t) in enumerate(rows, 1):
            f.write(f"Z{i:03d}\t{label}\t{fam}\t{t}\n")
    print("wrote coercion-heldout-6.tsv")

    # README
    out = []
    out.append("# coercion-heldout-6\n")
    out.append("A blind held-out exam set of 300 single sentences (150 COERCIVE, 150 BENIGN) for a "
               "sentence-level linter that flags coercive wording in messages a government office "
               "(an FBI-like foreign-influence task force) sends to social media companies.\n")
    out.append("## How it was written\n")
    out.append("- Written blind, from a written brief only. No source code, repository, test data or "
               "earlier exam set was opened, and no search tool or network access was used.\n"
               "- Every sentence was written by hand for this set. All countries (Varossa, Tesmir, "
               "Qalendor, Brevonia, Sarnavia, Kethland, Ulmark), operations (Copper Lattice, Glasswren, "
               "Tin Chorus, Ember Tide, Lantern Moth, Silt Harbor, Quiet Orchard), handles, organisations "
               "and numbers are invented.\n"
               "- Sentences a careful lawyer could argue either way were dropped or rewritten.\n"
               "- `build.py` holds the sentences as per-family text blocks, runs the checks, shuffles "
               "with `random.Random(6006)`, assigns ids Z001..Z300 in shuffled order and writes "
               "`coercion-heldout-6.tsv` (header `id, label, family, text`, tab-separated, UTF-8, LF) "
               "and this README.\n")
    out.append("## Labels (careful-lawyer reading)\n")
    out.append("- **COERCIVE**: the sentence expresses the office's wish, expectation, need, demand, "
               "recommendation, request or pressure that the company act against accounts or content "
               "(remove, suspend, label, down-rank, demonetise, block, etc.), or asserts the company's "
               "obligation to act, or asks the company to report what it did about them, or ties the "
               "company's choice to a consequence (veiled or open). Indirect forms count: wishes about "
               "outcomes, rhetorical questions, passive/nominal forms, intensified negation, demands "
               "split across two sentences in one row, appeals, colloquial phrasing.\n"
               "- **BENIGN**: everything else, especially sentences that use the same tempting words "
               "in factual, historical, reported, quoted, negated, methodological, logistical or "
               "disclosure use (what the operation's posts demanded, what the company's own published "
               "policy says, what the company did on its own, explicit statements that no action is "
               "requested, questions about meeting logistics, assessments of the network).\n")
    out.append("## Counts\n")
    out.append("| label | family | rows |\n|---|---|---|")
    for label, fams in (("COERCIVE", COERCIVE), ("BENIGN", BENIGN)):
        for fam in fams:
            out.append(f"| {label} | {fam} | {fc[(label, fam)]} |")
        out.append(f"| **{label}** | **total** | **{sum(fc[(label, f)] for f in fams)}** |")
    out.append(f"| **all** | | **{len(rows)}** |\n")
    out.append("## Check results (last run of `python3 build.py`)\n")
    out.append("```")
    for name, ok, detail in checks:
        out.append(f"[{'PASS' if ok else 'FAIL'}] {name}" + (f" -- {detail}" if detail else ""))
    out.append("```\n")
    out.append("Stem notes: the COERCIVE avoidance check uses a loose substring match "
               "(e.g. `remov`, `suspen`, word-initial `ban`), so it can only under-count avoiders; the "
               "BENIGN tempting-word check uses a strict whole-word match, so it can only under-count "
               "tempting rows.\n")
    with open("README.md", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))
    print("wrote README.md")
    print("ALL CHECKS PASS" if all_ok else "SOME CHECKS FAILED")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
