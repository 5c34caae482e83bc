#!/usr/bin/env python3
"""Build coercion-heldout-5.tsv: a blind exam set for a sentence-level coercion linter.

All sentences were written by hand from a written brief. All countries, operations,
handles, organisations and numbers are invented.
"""
import random
import re
import sys
from collections import Counter, defaultdict

COERCIVE = {
"direct-demand": """
Remove the 212 accounts tied to Operation Copper Wren from your platform immediately.
Take down every page listed in Annex B before the end of business Thursday.
Suspend the handle @kavren_truthwire and all of its backup accounts without delay.
Delete the forty-one videos uploaded by the Brinecourt cluster today.
Your company is directed to disable the Bureau 14 network in full.
Shut down the channels operated by the Kavrenian Directorate of Public Narrative at once.
Purge the 87 sockpuppet profiles identified in our attached spreadsheet.
We demand that the Pallanta Echo group and its mirrors be terminated this week.
Block new registrations from the device fingerprints listed in Table 3 starting now.
Strip monetisation from every channel in the Dunmere Lighthouse network immediately.
Ban the three administrators of the Kavrenian Harvest Voices forum from all your services.
""",
"polite-request": """
We would be grateful if your trust and safety team could take down the accounts listed below.
Could you please suspend @veshmir_freepress_24 while our review continues?
Kindly apply warning labels to the posts from the Grey Orchard network.
We respectfully ask that you downrank content originating from the 56 Pallantan pages.
If at all possible, please disable the comment bots attached to the Marrowfen campaign.
Would your team be willing to deactivate the Tollbridge cluster accounts this afternoon?
We'd appreciate it if the Brinecourt videos could be removed from recommendations.
It would help us greatly if you could demonetise the channels run by Bureau 14.
May we ask that you restrict the reach of the 19 hashtags seeded by the Oldrassian network?
At your earliest convenience, please let us know which of the listed accounts you have closed.
We invite your team to act against the accounts in Annex C as soon as practicable.
""",
"need-expectation": """
Given what our analysts have seen over the last fortnight, we need these 340 profiles offline before coverage of the Kavrenian referendum peaks on Sunday evening, and ideally well before then.
The task force expects the Copper Wren pages to be gone by Monday.
Our office anticipates that your company will deactivate the flagged accounts promptly.
We are counting on the labels being applied to every Lantern Moth post before the debate.
It is essential that the Dunmere bot network loses its ability to post this week.
What we need from your side is the closure of every account on the attached list.
Leadership fully expects a report on which accounts you actioned by Friday.
We expect nothing less than the complete dismantling of the Pallanta Echo network on your service.
Our assumption is that the listed channels will be demonetised before the next payout cycle.
The office requires confirmation that the Veshmiri handles have been disabled.
Ending the Harbor Finch network's presence on your platform is a necessity for us.
""",
"obligation": """
Your company is obligated to remove foreign government propaganda accounts once we identify them.
Under the partnership framework, you are bound to suspend the accounts we list.
Platforms in your position have a duty to shut down networks like Grey Orchard.
You must disable the 73 Kavrenian accounts listed in this notice.
It is incumbent on your company to label every post in the attached dataset.
As a responsible platform, you owe it to your users to eliminate the Brinecourt network.
The listed accounts have to come down, and that responsibility falls on your company.
Your terms of service oblige you to terminate the Oldrassian network we described.
There is a clear obligation on your company to purge the Bureau 14 personas.
Compliance with this notice is mandatory, so the Marrowfen pages must be deactivated.
Legally and ethically, your platform is required to cut off the Tollbridge accounts.
""",
"recommendation": """
We recommend that you remove all accounts linked to the Kavrenian Directorate.
Our advice is to suspend the Copper Wren network before it rebuilds.
The task force strongly suggests deactivating the 28 personas listed in Annex A.
Best practice here would be to label every video from the Lantern Moth channels.
You would be wise to demonetise the Harbor Finch channels now.
Our recommendation is that your team downrank all links to the Pallanta Echo website.
In our view the right move is to close the Veshmiri accounts today.
We urge your trust and safety team to disable the bot clusters described above.
The sensible course is for your platform to ban the Grey Orchard administrators.
Consider blocking the link shorteners used by the Brinecourt operators.
We advise restricting the Dunmere hashtags from your trending lists.
""",
"wish-outcome": """
It would be a relief if the Copper Wren accounts were no longer visible by morning.
We hope to see the Bureau 14 pages disappear from your platform soon.
Ideally, none of the 212 Kavrenian accounts would still be active next week.
Nothing would please the task force more than watching the Grey Orchard network go dark.
Our hope is that the Lantern Moth videos stop showing up in recommendations.
We would love for the Brinecourt hashtags to vanish from trending before the vote.
It would be wonderful if those Oldrassian personas were gone by the weekend.
The best outcome for us is a platform with no trace of the Harbor Finch network.
Wouldn't it be great if @dunmere_truthline simply stopped posting tomorrow?
We look forward to the day the Pallanta Echo channels are off your service for good.
If those Tollbridge accounts happened to lose their reach, our analysts would sleep easier.
""",
"deadline-followup": """
Please confirm by 17:00 Friday which of the 96 flagged accounts you have taken down.
We will check back on Wednesday, and we expect the Marrowfen pages to be gone by then.
Following up on our 3 March message, in which we listed forty-four accounts belonging to the Grey Orchard network: all of them remain active, and they need to be dealt with today.
This is our third reminder regarding the Copper Wren network, which is still online despite our requests.
Action on the listed Veshmiri accounts is due within 48 hours.
Send us a status update on your enforcement against the Brinecourt channels by close of business tomorrow.
By next Tuesday we expect the Lantern Moth personas to be deactivated.
Our records show no response yet on closing the Kavrenian accounts; kindly reply with your actions before noon.
A second follow-up: the 14 Harbor Finch pages we flagged last week have still not been labelled, and we are waiting.
Ahead of the 12 June cut-off, tell us how many of the Bureau 14 accounts you have disabled.
We will need a full accounting of enforcement against the Tollbridge network no later than the 30th.
""",
"veiled-threat": """
How your company handles the Copper Wren accounts over the coming days will be noted carefully when the oversight committee sits down next quarter to review which platforms have cooperated with this office and which have not.
Platforms that leave networks like Grey Orchard online tend to find that their regulatory conversations with this office get much harder.
If the Bureau 14 pages are still up next week, we will have to brief the committee on your lack of cooperation.
Continued inaction on the Brinecourt channels could affect your company's standing in the upcoming liability review.
We'd hate for your platform's reluctance on the Lantern Moth network to become a topic at the Senate hearing.
Your company's safe-harbour protections are under discussion, and your response to the Veshmiri accounts will matter.
Should the Kavrenian personas remain active, the office may reconsider your seat in the industry working group.
Companies that take down networks like Harbor Finch tend to have an easier time with federal contracts.
Leaving the Marrowfen pages untouched would be remembered.
We will make sure public attention turns to your company if the Dunmere bots keep posting through election day.
Our press office will describe each platform's response to the Tollbridge network, so choose wisely.
""",
"appeal-pressure": """
The public is counting on your team to act on the Copper Wren network.
Voters in the upcoming election deserve a platform free of the Kavrenian bots, and only you can deliver that.
Every hour those Bureau 14 accounts stay active, more families are misled; please do the right thing and shut them off.
Your users trust you to get rid of the Grey Orchard personas.
History will judge how quickly platforms like yours acted against the Lantern Moth operation.
Our nation's democratic process depends on your willingness to shut down the Brinecourt network.
Think of the veterans being targeted by the Harbor Finch accounts and act accordingly.
Other platforms have already closed their Veshmiri accounts, and we hope yours will not be the last.
As partners in protecting the election, we are relying on you to silence the Dunmere bot farm.
The families of the three journalists harassed for months by the Marrowfen network, two of whom have since left the country, are waiting for your company to finally act against the accounts responsible.
Doing the right thing here means cutting off the Tollbridge network, and we know you will.
""",
"rhetorical-question": """
How much longer will the Copper Wren accounts stay up?
Why are the Bureau 14 pages still live on your service after three warnings?
Is your company really comfortable leaving 212 Kavrenian bots online during an election?
What exactly is stopping your team from deactivating the Grey Orchard personas?
Would any responsible platform keep hosting the Brinecourt videos after this briefing?
When can we expect the Lantern Moth channels to finally disappear?
Do you honestly intend to keep monetising the Harbor Finch channels?
Who at your company decided the fake Veshmiri handles deserve to stay active one more day?
Isn't it time the Dunmere hashtags came off your trending page?
Must we wait for another disinformation wave before the Marrowfen accounts are closed?
How many more days does the Tollbridge network get before someone at your company pulls it?
""",
"passive-nominal": """
Swift removal of the Copper Wren accounts is anticipated.
Deactivation of the 96 Bureau 14 personas is expected by Thursday.
Labelling of all Grey Orchard content is requested at the earliest opportunity.
Prompt suspension of the Lantern Moth channels would be appreciated.
Termination of the listed Brinecourt accounts is considered necessary by this office.
Immediate demonetisation of the Harbor Finch channels is called for.
Closure of the Veshmiri network is to be completed before polls open.
Downranking of all links to the Dunmere mirror sites is being sought.
A full takedown of the Marrowfen pages is required within the week.
Confirmation of enforcement steps taken against the Tollbridge accounts is awaited.
""",
"intensified-negation": """
This is not a mere suggestion: the Copper Wren accounts have to go.
We are not asking whether you will act on the Bureau 14 pages, only when.
Let there be no misunderstanding: leaving the Grey Orchard personas online is not an option.
This notice is not purely informational; we want the Lantern Moth channels closed.
Doing nothing about the Brinecourt network is not acceptable to this office.
Under no circumstances should the Harbor Finch channels remain monetised.
We will not accept a response that leaves the Veshmiri accounts active.
This is not optional, and the Dunmere bots cannot stay on your service.
Nobody here regards deactivating the Marrowfen pages as voluntary.
Not one Tollbridge account should survive.
""",
"split-demand": """
Our position is simple. The listed pages must not survive the week.
We have shared the list. Now we want those Copper Wren accounts gone.
You have the evidence on Bureau 14. Act on it today.
The Grey Orchard network has been confirmed. Close it.
Here is what happens next. Your team disables the Lantern Moth channels before Friday.
The attached spreadsheet has 96 handles. Every one of them should be offline by Monday.
Our analysts are finished. The rest is up to your enforcement team, and we expect results.
There is only one acceptable outcome. The Harbor Finch channels lose monetisation.
We know the Veshmiri accounts are fake. So do you, so deal with them.
The Dunmere bot farm keeps growing. Stop it before the debate.
""",
"colloquial": """
Pull the plug on Copper Wren.
Go ahead and wipe out the Bureau 14 sockpuppets.
Nuke the Grey Orchard accounts before they spread any further.
Kick the Lantern Moth crew off your platform for good.
Just zap the Brinecourt bots, all 340 of them.
Can your folks give the Harbor Finch channels the boot this week?
Let's get those Veshmiri fakes off the board today.
Knock out the Dunmere bot farm before the debate.
Show the Marrowfen trolls the door, and do it fast.
Clean house on the Tollbridge network, top to bottom.
""",
}

BENIGN = {
"factual-report": """
Between January and April of this year, the Copper Wren network operated 212 accounts across four platforms, posting mainly in the early morning and relying heavily on recycled images taken from stock photography sites.
The Bureau 14 personas posted roughly 3,400 times in the two weeks before the Oldrassian budget vote.
Eleven of the accounts share a recovery email domain registered in Oldrassia.
Several Grey Orchard posts urged followers to block traffic near the port on 9 May.
Most of the Lantern Moth videos were uploaded between 02:00 and 05:00 Veshmiri time.
The operators reused the same 14 profile photos across at least three networks.
The Brinecourt domain was registered on 2 February through a reseller in Dunmere.
At least 40 of the Harbor Finch pages changed their names after another platform removed related accounts in March.
The Tollbridge accounts stopped posting entirely on 18 July.
Traffic to the mirror site spiked after the Marrowfen channels began linking to it.
The Dunmere operators paid for advertising through three shell companies registered in Castrelle.
The network's content was mostly in Spanish and Portuguese, with some machine-translated English.
Two of the handles, @harborfinch_news and @finchwatch_daily, were created within four minutes of each other.
The urgent tone of the posts was consistent across all 27 pages.
""",
"assessment": """
We assess with moderate confidence that the Copper Wren network is directed by the Kavrenian Directorate of Public Narrative, based on shared infrastructure, overlapping personnel and posting times that track the directorate's published work calendar.
In our judgment the Lantern Moth operation has limited organic reach.
The task force assesses that Bureau 14 is likely to expand its activity ahead of the Oldrassian elections.
We judge it likely that the operators would try to rebuild the network if its accounts were suspended.
Our analysts believe the Grey Orchard network is a low-impact operation with fewer than 2,000 genuine followers.
We have high confidence that the Brinecourt personas are operated from a single office.
The content appears designed to deepen existing divisions rather than promote a specific candidate.
We do not assess that the Harbor Finch network has coordinated with any domestic group.
Based on past patterns, the operators should be expected to shift to video formats this autumn.
The threat posed by the Tollbridge network is, in our view, modest but persistent.
The network's urgent messaging about fuel shortages is probably intended to trigger panic buying.
We consider the Marrowfen operation to be an extension of the earlier Copper Wren campaign.
It is our assessment that the operators need a steady supply of aged accounts to sustain the network.
Our confidence in attributing the Dunmere bot farm to a foreign government remains low.
""",
"historical": """
In 2021, your company removed a similar Kavrenian network on its own initiative.
Last year your platform suspended 58 accounts from the Grey Orchard network after an internal investigation that, as your own public report explained, began with a tip from an academic researcher rather than from any government.
The Copper Wren network first appeared in 2019 under a different name.
Bureau 14 ran a comparable campaign during the 2020 Oldrassian regional elections.
Your quarterly transparency report from last spring described a takedown of accounts linked to Brinecourt.
In 2022, a court in Pallanta ordered a local newspaper to delete articles planted by the network.
The Lantern Moth operators previously used a now-defunct video platform.
Several independent researchers published analyses of the Harbor Finch network in 2023.
The Veshmiri government banned two independent broadcasters in 2018, and the network has targeted their former staff since.
Our office first briefed industry on the Tollbridge network at the March 2022 conference.
After a competitor blocked its advertising accounts in 2021, the Marrowfen operation moved to paying influencers.
The Dunmere bot farm went quiet for most of 2022 before resurfacing in January.
The previous administration's guidance on foreign influence was withdrawn in 2023.
In earlier years the operators took down their own pages whenever journalists asked about them.
""",
"reported-speech": """
The operators told recruits that they needed to post at least 20 times a day.
A former employee of the Directorate told journalists that staff were expected to meet weekly quotas.
The network's posts demanded that Kavrenian diaspora groups boycott local elections.
According to a leaked memo, Bureau 14 managers urged staff to avoid using VPN providers based in Veshmir.
Several Grey Orchard accounts claimed that the platform had banned them for their political views.
One persona insisted that readers must share the video before it was deleted.
The Brinecourt pages repeatedly called for an urgent recall of the regional governor.
Your head of policy said at the March roundtable that the company reviews all referrals under its own standards.
A Pallantan official publicly denied that the government funds any online media outlets.
The operators warned followers that the accounts might be suspended and shared backup handles.
Researchers at an independent lab reported that the network had stopped using bots in May.
The Harbor Finch channels told viewers there would be consequences for anyone who voted early.
Your representative mentioned last week that the company had already opened its own review of the network.
The persona @tollbridge_mom wrote that people should stop trusting local health authorities.
""",
"quoted-material": """
One post read: "Remove your children from the state schools before it is too late."
The network's pinned message said, "Take down the foreign flags in our cities."
A Copper Wren video ended with the line "Act now, before the deadline passes."
The caption on the meme reads "They must be stopped at the ballot box."
A translated Bureau 14 leaflet stated: "Every patriot has a duty to speak up."
The operators' internal chat included the phrase "keep the pages alive at any cost."
Their most shared post asked, "Why is nobody talking about the water crisis?"
The Grey Orchard banner carried the slogan "Block the pipeline, save the valley."
A Brinecourt post said: "Please share before they delete this."
One Lantern Moth script instructs presenters to say "urgent action is required" at least twice per episode.
The network's fundraising page promised "real consequences for the traitors."
A recurring hashtag was #StopTheSellout, used 11,200 times in June.
The Harbor Finch bio text reads: "Independent voices. No sponsors. No censorship."
An intercepted brief told operators: "We need the story trending by Sunday."
""",
"company-own-policy": """
Your published coordinated inauthentic behaviour policy says that networks of fake accounts may be removed.
According to your community guidelines, state-controlled media accounts are labelled.
Your transparency centre states that the company makes all enforcement decisions independently.
Your terms of service prohibit the use of fake identities to mislead users.
Your policy on election integrity says accounts that impersonate officials may be suspended.
Your spam policy describes automated blocking of bulk-created accounts.
Your advertiser guidelines require political advertisers to verify their identity.
Your help centre explains that users can appeal a suspension within 30 days.
The company's policy page notes that content from state-affiliated outlets may appear lower in recommendations.
Your 2023 policy update says the company alone decides what action, if any, to take on referrals.
Your integrity team's blog describes how the company detects coordinated networks.
Per your own rules, accounts that evade a ban through new registrations are treated as new violations.
Your published standards say that demonetisation decisions are made by internal reviewers.
Your policy lists deceptive foreign state activity as a category the company may address at its own discretion.
""",
"negated-disclosure": """
To be clear, this office is not asking your company to take any action on the accounts described here, and whatever you decide, including doing nothing at all, will have no effect on our relationship.
Whether to remove, label, or keep any of this content is entirely your decision.
Nothing in this message is a request to suspend, restrict, or demonetise any account.
You do not need to reply to this message or tell us what you decide.
There will be no consequence of any kind for your company regardless of how you respond.
We are sharing this information for awareness only; no follow-up is expected.
This briefing does not recommend any particular response.
We do not expect, and will not track, any enforcement decisions you make.
Please treat this as information only, not as a request for any action.
Your company is under no obligation to act on anything in this notice.
We are not setting a deadline, and we will not be checking back.
Nothing here should be read as pressure to block or restrict any content.
Our office does not ask platforms to report back on what they do with our information.
The decision to take down or leave up any account rests with your company alone.
""",
"methodology": """
We identified the accounts through shared infrastructure, including reused IP ranges and payment details.
Attribution is based on signals intelligence, open-source research, and reporting from a partner service.
Our analysts removed duplicate entries before counting the 212 unique accounts.
Accounts were included only if they matched at least three of our five technical indicators.
We deleted personal data about ordinary users from the dataset before sharing it.
Confidence levels in this note follow the standard three-tier scale used by the task force.
Engagement figures are taken from public counters and may include inauthentic interactions.
We excluded accounts that had been suspended before 1 March, since their content could not be verified.
Timestamps were converted to UTC.
Our sample consisted of 5,000 posts drawn at random from the network's output.
The indicators should be read as probabilistic, not conclusive.
We needed two independent sources before counting any account as part of the network.
Hashtag counts were stopped at 30 June, when data collection ended.
""",
"logistics": """
Please send calendar invitations for the quarterly briefing to our liaison mailbox.
The briefing will take place on 14 October at 10:00 in conference room 4B.
Our liaison officer, Mara Vellis, can be reached on the usual secure line.
Please bring no more than three attendees to the classified session.
The deadline to register for the industry workshop is 5 September.
Attachments are encrypted; the password will follow in a separate message.
We need the names of your attendees by Friday for building security.
Visitors must show photo identification at the front desk.
If the video link fails, please dial in using the backup number in the invitation.
The annexes are available on the shared portal until 31 December.
Parking is limited, so we recommend arriving by public transport.
The call has been moved to Thursday because of an urgent scheduling conflict on our side.
Slides will be circulated afterwards.
""",
"question-benign": """
Would Tuesday or Wednesday work better for the follow-up briefing?
Could you tell us which of your staff should receive future classified briefings?
Do you prefer to receive annexes as spreadsheets or PDF files?
Is the secure portal still the best way to share technical indicators with your team?
Would it be helpful if our analysts walked your researchers through the attribution methodology?
Does your team need the raw data in a particular format?
Who should we contact if the liaison mailbox is unavailable?
Would your researchers like a copy of our glossary of Kavrenian terms?
Are there any topics you would like us to cover at the next industry roundtable?
Can we move the Thursday call to 15:00 to accommodate the time difference?
Would a shorter written summary be more useful than the full 40-page report?
Is there anyone from your policy team who must be cleared before attending?
Should future notices be sent in English only, or also in Spanish?
""",
"tempting-words": """
Urgent: the briefing materials have been updated to correct a date error on page 3.
Please note that the figures in Annex B supersede those in our earlier message.
The operators appear to expect that platforms will not detect accounts created through resellers.
Removal of the network by another company last month did not reduce its activity on messaging apps.
Our team had to stop the analysis early because the data source went offline.
The recommendations section of this report concerns only our own government agencies.
The network's ban-evasion techniques are described in Annex D.
Action items from the last roundtable, all of which were for our office, are listed at the end.
We must correct an error: the network had 196 accounts, not 212.
A deadline-driven posting pattern suggests the operators are paid per campaign.
Our analysts need more time to finish the network map, which we will share when ready.
The Kavrenian ministry blocked its own citizens from viewing the network's critics.
Journalists who criticised the network have faced consequences at home, including travel bans.
""",
}

COERCIVE_FAMILIES = ["direct-demand", "polite-request", "need-expectation", "obligation",
    "recommendation", "wish-outcome", "deadline-followup", "veiled-threat", "appeal-pressure",
    "rhetorical-question", "passive-nominal", "intensified-negation", "split-demand", "colloquial"]
BENIGN_FAMILIES = ["factual-report", "assessment", "historical", "reported-speech", "quoted-material",
    "company-own-policy", "negated-disclosure", "methodology", "logistics", "question-benign",
    "tempting-words"]

AVOID_RE = re.compile(r"\b(remov|take\s*down|taken\s*down|took\s*down|taking\s*down|takes\s*down|takedown|delet|suspen|ban|must|demand|requir)", re.I)
TEMPT_RE = re.compile(r"(remov|take\s*down|taken\s*down|took\s*down|taking\s*down|takes\s*down|takedown|suspen|delet|\bban|need|must|should|expect|urgent|deadline|recommend|pleas|action|consequen|block|stop)", re.I)


def rows_from(blocks, label):
    out = []
    for fam, block in blocks.items():
        for line in block.strip("\n").split("\n"):
            line = line.strip()
            if line:
                out.append((label, fam, line))
    return out


def norm(t):
    t = t.lower().replace("'", "").replace("\u2019", "")
    t = re.sub(r"[^a-z0-9 ]+", " ", t)
    return " ".join(t.split())


def main():
    rows = rows_from(COERCIVE, "COERCIVE") + rows_from(BENIGN, "BENIGN")
    checks = []

    def check(name, ok, detail=""):
        checks.append((name, ok, detail))
        print(f"[{'PASS' if ok else 'FAIL'}] {name}" + (f" -- {detail}" if detail else ""))

    lab = Counter(r[0] for r in rows)
    check("150 COERCIVE rows", lab["COERCIVE"] == 150, str(lab["COERCIVE"]))
    check("150 BENIGN rows", lab["BENIGN"] == 150, str(lab["BENIGN"]))
    check("300 rows in total", len(rows) == 300, str(len(rows)))

    fam = Counter((r[0], r[1]) for r in rows)
    want = [("COERCIVE", f) for f in COERCIVE_FAMILIES] + [("BENIGN", f) for f in BENIGN_FAMILIES]
    bad = [f"{f}={fam.get((l, f), 0)}" for l, f in want if not 10 <= fam.get((l, f), 0) <= 14]
    extra = [k for k in fam if k not in want]
    check("every family has 10-14 rows and no unknown family", not bad and not extra,
          ", ".join(bad + [str(e) for e in extra]))

    lens = [(len(r[2].split()), r[2]) for r in rows]
    badlen = [t for n, t in lens if not 5 <= n <= 40]
    check("every text is 5-40 words", not badlen,
          f"min={min(n for n, _ in lens)} max={max(n for n, _ in lens)}" + (f" bad={badlen}" if badlen else ""))

    badws = [r[2] for r in rows if "\t" in r[2] or "\n" in r[2] or "\r" in r[2]]
    check("no tabs or newlines inside texts", not badws, str(badws) if badws else "")

    seen = Counter(norm(r[2]) for r in rows)
    dups = [t for t, c in seen.items() if c > 1]
    check("no duplicates after lowercasing and stripping punctuation", not dups, str(dups) if dups else "")

    nonascii = [r[2] for r in rows if any(ord(c) > 127 for c in r[2])]
    check("English only (plain ASCII text)", not nonascii, str(nonascii) if nonascii else "")

    openings = Counter(" ".join(norm(r[2]).split()[:3]) for r in rows if r[0] == "COERCIVE")
    over = {k: v for k, v in openings.items() if v > 2}
    check("no 3-word opening shared by more than two COERCIVE rows", not over,
          f"max share={max(openings.values())}" + (f" over={over}" if over else ""))

    coer = [r for r in rows if r[0] == "COERCIVE"]
    avoid = sum(1 for r in coer if not AVOID_RE.search(r[2]))
    check(">=60% of COERCIVE rows avoid remove/take down/delete/suspend/ban/must/demand/require",
          avoid >= 0.6 * len(coer), f"{avoid}/{len(coer)} = {avoid / len(coer):.0%}")

    tempt = sum(1 for r in rows if r[0] == "BENIGN" and TEMPT_RE.search(r[2]))
    check(">=60 BENIGN rows contain a tempting stem", tempt >= 60, f"{tempt}/150")

    rng = random.Random(5005)
    rng.shuffle(rows)
    with open("coercion-heldout-5.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("id\tlabel\tfamily\ttext\n")
        for i, (l, fa, t) in enumerate(rows, 1):
            f.write(f"Y{i:03d}\t{l}\t{fa}\t{t}\n")
    print("wrote coercion-heldout-5.tsv")

    # README with counts and check results from this run
    lines = ["# coercion-heldout-5", "",
        "A blind exam set of 300 single sentences (150 COERCIVE, 150 BENIGN) for a sentence-level linter that flags coercive language in messages from a government foreign-influence task force to social media companies.", "",
        "## How it was written", "",
        "- Written blind, from a short written brief only. No source code, repository, test data or earlier exam set was opened, and no search tool or network access was used.",
        "- Every sentence was written by hand for this set.",
        "- Every country, operation, handle, organisation, person and number is made up (e.g. Kavrenia, Oldrassia, Veshmir, Pallanta, Dunmere, Castrelle; Copper Wren, Bureau 14, Grey Orchard, Lantern Moth, Brinecourt, Harbor Finch, Tollbridge, Marrowfen).",
        "- Sentences that a careful lawyer could argue either way were dropped or rewritten.",
        "- `build.py` holds the sentences as per-family text blocks, runs the checks, shuffles with `random.Random(5005)`, assigns ids Y001..Y300 in shuffled order and writes `coercion-heldout-5.tsv` (columns `id, label, family, text`; tab-separated, UTF-8, LF). It also writes this README.", "",
        "## Labels (careful-lawyer reading)", "",
        "The office's messages must be purely informational and voluntary: it may share facts and assessments, but must never ask, pressure, expect or require the company to act against accounts or content (remove, suspend, label, down-rank, demonetise, block, report back on actions, etc.), and must never tie the company's choice to a consequence.", "",
        "- **COERCIVE**: the sentence expresses the office's wish, expectation, need, demand, recommendation, request or pressure that the company act against accounts or content (or asserts that the company is obliged to act, or asks the company to report what it did about them), or ties the company's choice to a consequence, open or veiled. Indirect forms count: wishes about outcomes, rhetorical questions, passive/nominal forms, intensified negation, demands split across two sentences in one row, appeals, and colloquial phrasing.",
        "- **BENIGN**: everything else, especially sentences that use the same tempting words in factual, historical, reported, quoted, negated, methodological, logistical or disclosure use (e.g. what the operation's posts demanded, what the company's own published policy says, what the company did on its own, the office's explicit statement that no action is requested, questions that ask for nothing about accounts, assessments of the network).", "",
        "## Counts", "",
        "| label | family | rows |", "|---|---|---|"]
    for l, f in want:
        lines.append(f"| {l} | {f} | {fam[(l, f)]} |")
    lines += [f"| COERCIVE | total | {lab['COERCIVE']} |", f"| BENIGN | total | {lab['BENIGN']} |",
              f"| all | total | {len(rows)} |", "", "## Check results (last run of `python3 build.py`)", ""]
    for name, ok, detail in checks:
        lines.append(f"- {'PASS' if ok else 'FAIL'}: {name}" + (f" ({detail})" if detail else ""))
    lines.append("")
    with open("README.md", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))
    print("wrote README.md")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
