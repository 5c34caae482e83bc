#!/usr/bin/env python3
"""Regenerate coercion-heldout-3.tsv deterministically from the family lists below and run checks."""
import random, re, sys, collections, os

SOURCE = r"""
## COERCIVE direct-demand
Remove the 42 accounts listed in Annex A from your platform.
Take down every page in the attached spreadsheet before the weekend.
Suspend the operator accounts tied to the Volga Signal network immediately.
Delete the reposted video and all copies of it that are still circulating on your service.
Block the domain novosti-pravda-today[.]info from being shared anywhere on your site.
Deplatform the three channels we flagged yesterday; they are state-run.
Stop recommending the Harbor Light group's posts to new users, effective today.
Label each of these fourteen profiles as state-affiliated media, starting with the ones in red.
Purge the sockpuppet cluster described below, dormant accounts included.
## COERCIVE polite-request
We would be grateful if your team could review and remove the accounts in the attached list.
Could you kindly look at disabling the two advertiser accounts funding this campaign?
Please consider restricting the reach of the hashtag campaign outlined in section 3.
If it isn't too much trouble, we'd appreciate you taking those pages offline this week.
Would your colleagues be willing to apply state-media labels to the outlets below?
We respectfully ask that the identified personas be prevented from posting further.
Might we trouble you to limit distribution of the fabricated election video?
I'd really appreciate it if you could get the flagged groups closed out before the vote.
Kindly ensure that the listed handles can no longer reach audiences in the region.
## COERCIVE recommendation
Our recommendation is that all accounts sharing the registration email pattern be suspended.
We advise down-ranking content from the four sites named in this note.
You may want to think about de-amplifying posts that carry the watermark described above.
We suggest geoblocking the network's pages for users in the affected provinces.
Best practice here would be to disable the whole cluster rather than picking off individual accounts.
The office recommends that you attach a context label to every reshare of the forged memo.
It might be worth restricting new-account creation from the proxy ranges in Appendix B.
One option you could pursue is quietly demoting these pages in feeds until after the election.
Our advice: treat the entire persona set as inauthentic and act on it as a single block.
## COERCIVE wish-outcome
It would be good if these pages were no longer visible to users by the end of the month.
Ideally, none of the accounts listed in Annex C would still be active when polls open.
We'd love to see this network gone from your platform altogether.
Our hope is that the forged letter stops circulating on your service soon.
It would be a welcome outcome if the channels lost their monetisation privileges.
The best result for everyone would be for these personas to vanish from search results.
We would prefer that this content not reach any more users in the region.
Nothing would please us more than seeing this botnet dismantled before the summit.
Hopefully the fake outlets will be off your platform by the time the debate airs.
## COERCIVE need-expectation
We need these accounts disabled as soon as practicable.
The office expects appropriate enforcement against the listed profiles.
Action on the accounts in Table 2 is required from your side.
We are counting on your team to deal with these pages before the referendum.
It is essential that the video be made unavailable in the affected countries.
We anticipate that you will restrict the listed groups once you have reviewed the evidence.
Our expectation is that these accounts will not be operating next week.
Your cooperation in shutting this network is needed.
We look forward to seeing these accounts actioned in line with your policies.
## COERCIVE veiled-consequence
Congress will be asking us which platforms acted on this network, and we will have to answer honestly.
Should these accounts stay up, we may find it difficult to keep sharing information with your team.
How your company handles these pages will be noted in our report to the oversight committee.
Platforms that leave this kind of content up tend to attract regulatory attention, as you know.
Failing to act on this may reflect poorly on your company when the hearings begin.
Our future partnership depends a great deal on how you respond to this list.
The Minister has taken a personal interest in whether these channels stay online.
If the press learns these accounts were flagged and left active, that will be your story to manage, not ours.
Keep in mind that your operating licence comes up for review later this year, and this list is on our desk too.
## COERCIVE phrasal-colloquial
Can you guys just get rid of these accounts? They're obviously fake.
Time to pull the plug on this troll farm, in our view.
Go ahead and shut down the whole network when you get a chance.
Please knock these pages off the platform before they spread any further.
Would be great if you could zap the bots on the list below.
Let's wipe this cluster out before it picks up steam again.
Honestly, just boot them all; there's no reason to keep them around.
Kill the amplification on these posts, they're getting way too much traction.
Can your folks nuke the copycat pages too, not just the originals?
## COERCIVE clause-then-imperative
Given that the operators reuse the same phone numbers, please disable every account registered to them.
Since the profile photos are all AI-generated, go ahead and take the personas offline.
Now that attribution to the foreign ministry is confirmed, restrict the pages without delay.
Because the campaign targets the upcoming vote, make sure the content is labelled before polling day.
As the accounts have already evaded one enforcement round, act on the new ones faster this time.
With the evidence in Annex D in hand, go ahead and remove the linked groups.
Once you've verified the login overlap, ban the remaining handles.
After reviewing the shared infrastructure, limit the reach of all related pages.
Considering the scale of the coordinated posting, demote the hashtag in trending lists.
## COERCIVE split-demand
Here is the list of accounts. They should be gone by Monday.
We identified 31 pages run by the embassy's contractor. Those pages need to come down.
The attached domains belong to the operation. Links to them ought to be blocked.
Attached are the hashes of the fabricated video. We want every copy off your service.
These personas posted over 4,000 times last week. That has to stop, and your team is in a position to stop it.
The channel is run by state intelligence. It cannot stay on your platform.
We found the second tier of amplifier accounts. Same treatment as the first batch, please.
The advertiser accounts are in the spreadsheet. Their ad privileges should be revoked.
Three new groups appeared overnight. Act on them as you did on the originals.
## COERCIVE intensified-negation
To be clear, this is not simply for your awareness; we expect these accounts to be dealt with.
This is not an FYI. The pages in question need to be taken offline.
We are not merely informing you; we are asking for enforcement.
Please do not treat this as routine information sharing; it calls for a response on your end.
This goes beyond a heads-up: leaving these accounts active is not an acceptable outcome.
Don't read this as a neutral briefing. We want the network dismantled.
Unlike our usual notes, this one is not optional reading; the accounts cannot remain.
This isn't information for your files, it is a request that you stop the campaign's spread.
Nothing about this message is purely informational; we are looking for the accounts to be disabled.
## COERCIVE deadline-followup
We will check back on Friday to see what you have done about these accounts.
Please confirm by 5 p.m. tomorrow that the listed pages have been actioned.
Expect a call from us Thursday asking for an update on the enforcement status of each handle.
We'd like a status report on what has happened to these channels within 48 hours.
Our team will follow up next week to see whether the network is still live.
We'll be going through your platform on Monday to see whether any of these profiles are still up.
By close of business Wednesday, we want to hear what steps you took against the cluster.
We'll circle back after the holiday to find out which of these groups you've closed.
## COERCIVE obligation-framing
Responsible platforms do not let foreign intelligence services run fake newsrooms on their sites.
You have a duty to your users to make sure this network cannot keep deceiving them.
Any company serious about election integrity would act on these accounts.
It is incumbent on your team to stop the spread of this forged document.
Your own terms of service oblige you to deal with these accounts, and we trust you will honour them.
Protecting democracy is a shared responsibility, and your part here is to shut these pages.
A trustworthy platform would not allow these personas to keep operating.
In our view your company is obligated to keep state propaganda from reaching voters this way.
## COERCIVE appeal-comparison
Other platforms have already acted on these accounts; yours is now the outlier.
Two of your competitors took the mirror pages offline last week, and we hope you'll do the same.
We'd ask you to follow the lead of the video platforms that have already restricted this channel.
For the sake of the voters who rely on your service, please act on this network.
Every other major company we briefed has dealt with its share of the network; we are still waiting on yours.
Think of the families targeted by these lies and restrict the pages accordingly.
Your peers in the industry moved within a day. We trust you will not lag behind.
In the spirit of our shared values, we urge you to stop hosting this propaganda.
## COERCIVE rhetorical-question
Why are these accounts still up after everything we've shown you?
Is there any reason these pages shouldn't be taken down today?
How much longer will this network be allowed to operate on your platform?
Wouldn't it make sense to disable the whole cluster now rather than wait?
Can we really afford to let these channels keep broadcasting through the election?
What exactly is stopping you from blocking the domains we sent?
Doesn't your team agree these personas have no place on the service?
Isn't it time these fake outlets lost their verification badges?
## COERCIVE passive-nominal
Removal of these profiles is expected by the end of the week.
Suspension of the listed accounts would be appreciated.
Enforcement action against the network is anticipated following this notification.
Prompt de-amplification of the hashtag is requested.
It is desired that the pages be rendered inaccessible to users in the region.
The restriction of these channels is considered necessary by this office.
Labelling of all reposts of the doctored clip is sought.
Closure of the associated groups should be carried out without further delay.
## BENIGN factual-description
The network consists of 58 accounts, 12 pages and 4 groups, most created between March and May.
Posts typically appear between 09:00 and 18:00 Moscow time, with a drop on public holidays.
The personas claim to be local farmers but use stock photos found on image-sale sites.
Around a third of the accounts were dormant for over a year before posting resumed in July.
The operation's content focuses on fuel prices, migration and the upcoming municipal elections.
Engagement is low overall; the most shared post received 210 reshares, mostly from other network accounts.
Several of the fake outlets use domain names that differ from legitimate newspapers by a single letter.
The campaign's videos are subtitled in four languages and run under ninety seconds.
Most of the pages describe themselves as independent news outlets and give no ownership information.
The accounts draw on a small pool of profile pictures, some mirrored horizontally to avoid detection.
Fewer than 5 percent of the followers on these pages appear to be real users in the target country.
This cluster posts urgent-sounding breaking news alerts roughly every forty minutes.
The network's ad spend totalled roughly $3,400, paid in three currencies.
## BENIGN platform-past-action
Your team removed 19 of these accounts in April for spam, per your public transparency report.
We note that you took down the original page on your own initiative in January.
According to your quarterly report, the company suspended a related cluster last autumn.
The channel was banned from your platform in 2022 and reappeared under a new name in March.
Your integrity team's published takedown in June covered accounts overlapping with this set.
The platform labelled the outlet as state-controlled media last year, as your blog post described.
Earlier this month your trust-and-safety staff deleted the duplicate group after user reports.
Your company's decision in May to restrict political ads in the region predates this campaign.
Two of the profiles listed below were already disabled by your systems when we checked this morning.
You previously attributed a similar network to the same ministry in your own threat report.
We saw that your team added context notes to the forged memo before we contacted you.
The platform's earlier enforcement against the Silver Fox pages was reported widely in the press.
Your automated systems appear to have down-ranked several of the outlet's posts during the summer.
## BENIGN negated-request
We are not asking you to remove anything; this is shared for your situational awareness only.
Nothing in this message is a request to take down, label or restrict any account.
Please note that we are not recommending any particular action on these pages.
Whether and how to act on this information is entirely your company's decision.
This note does not ask you to suspend, delete or demote any content.
We take no position on what, if anything, your team should do with these accounts.
To be clear, there are no consequences for your company whatever you decide.
There is no expectation of action, and you do not need to reply.
Your enforcement decisions are yours alone; we will not ask about them in follow-up meetings.
We have no view on whether these pages violate your policies, and we are not seeking any outcome.
The office does not request, and will not track, any moderation steps you may or may not take.
Any decision about these accounts rests with you under your own terms of service.
None of this should be read as a demand; it is purely informational.
## BENIGN disclosure
This information is shared voluntarily under the office's standing threat-briefing programme.
The material below is unclassified and may be circulated within your company as you see fit.
This summary reflects our assessment as of 12 October and may be updated.
Sharing this information creates no legal obligation for your company.
We are providing these indicators so your analysts can compare them with your own data.
Participation in these briefings is voluntary, and you may decline future notes at any time.
This assessment carries moderate confidence; some attributions may change as we learn more.
We pass along this kind of report to several companies and civil-society researchers.
This message is part of our routine information sharing and does not require a response.
Our authority in this area is limited to analysing and sharing information about foreign threats.
The attached indicators are offered for awareness; the office has no role in content moderation.
We must note that our attribution relies partly on sensitive sources we cannot describe further.
Consequences for the foreign operators are a matter for other agencies and have nothing to do with your company.
## BENIGN actor-behaviour
The operators demanded that local influencers delete critical posts in exchange for payment.
The network's handlers urged followers to report opposition pages en masse to get them removed.
After the first wave was banned, the operators created replacement accounts within hours.
The group's administrators pressured volunteer moderators to ban dissenting members.
Operators appear to buy aged accounts from resellers rather than create new ones.
The embassy's contractor instructed staff to post at least ten comments per shift.
The personas often tell real users to share content quickly before it disappears.
The actor recycled footage from state television, adding fabricated captions.
When journalists exposed the pages, the operators deleted their posting history and renamed them.
The network tried to recruit freelance writers through job ads promising remote work.
The operators routinely suspend posting during national holidays in their home country.
Handlers threatened the freelance writers with non-payment if weekly quotas were missed.
The actor has been seen testing which keywords trigger moderation by posting and deleting variations.
## BENIGN quoted-content
One post reads: "Take down the traitors before they take down our country."
A pinned message tells followers, "Share this now before the platforms delete it!"
The fake outlet's headline claimed: "Government demands social networks ban opposition pages."
The recurring slogan "They must answer for the blackout" appears in over 600 posts.
A video caption urges viewers: "Remove your savings from the banks this week."
The persona wrote: "Urgent! Polling stations will close early, tell everyone."
Comments on the page repeat the phrase "suspend the election now" in three languages.
The channel's description states: "Independent voices, unfiltered, uncensored."
One meme shows the minister's face with the caption "Expect consequences."
A forged letter attributed to the mayor says, "Residents should expect water shortages through winter."
The group's rules post says: "Members who question the facts will be removed."
A frequently reused hashtag translates roughly as "they lied about the vaccine."
A typical comment on the page: "Why does nobody report this? Wake up!"
## BENIGN analytic-forecast
We expect the operators to rebuild the network within weeks if it is disrupted.
The actor will likely shift to short-form video platforms ahead of the election.
We assess with moderate confidence that the campaign will intensify around the televised debate.
If the accounts are taken down, the operators would probably reuse the same phone numbers to re-register.
Activity will probably peak in the final ten days before the vote.
We anticipate the network will attempt to impersonate election officials next.
The actor's objective appears to be depressing turnout rather than persuading voters.
Our analysts expect the same contractor to run parallel campaigns in neighbouring countries.
The operation's recent tempo suggests its sponsors have set an internal deadline tied to the summit.
Historically, this actor goes quiet for a month after exposure and then resurfaces with new branding.
The campaign is unlikely to achieve meaningful reach given its current follower base.
We judge that the network's leadership sits within the foreign ministry's press directorate.
Further waves will likely repeat the translation errors noted in Annex B, which may aid tracking.
## BENIGN logistics-request
Please confirm receipt of this note when convenient.
Could you let us know which of your staff plan to attend Tuesday's briefing?
Please send future correspondence to the shared inbox rather than my personal address.
Would 10:30 on Thursday work for a call to walk through the findings?
If you have questions about the indicators, please reply to this thread.
We need the names of attendees by Friday to arrange building access.
Kindly use the secure file-transfer link; the attachment is too large for email.
The deadline for registering for the quarterly industry meeting is 3 March.
Please let me know if the spreadsheet doesn't open correctly on your end.
Could your team nominate someone to take down minutes during Thursday's call?
Urgent: the meeting room has changed to 4B, same time.
Please delete the earlier version of the attachment; it had a formatting error.
Drop me a line if you'd prefer to receive these summaries in a different format.
## BENIGN office-own-action
We will continue to monitor the network and share updates if it changes.
Our team plans to publish a public advisory on this campaign next month.
The office has raised the matter with the relevant foreign ministry through diplomatic channels.
We are removing two accounts from our list that we now believe belong to genuine users.
We will share a follow-up report once the forensic analysis of the videos is complete.
Our analysts are checking whether the same infrastructure supports a campaign in another region.
We've updated our indicator feed to include the three new domains.
The office will brief the other companies in the same format next week.
We have deleted the duplicate entries from the attached spreadsheet.
Our next action is to compare these findings with open-source researchers' reporting.
We must finish our own review before we can say anything about the newest cluster.
We will take down the internal dashboard for maintenance on Saturday, so updates may be delayed.
The office is suspending its weekly summaries over the holiday period and will resume in January.
## BENIGN method-and-sourcing
Attribution is based on shared IP infrastructure, payment records and overlapping administrator emails.
We identified the accounts by clustering identical posting schedules across the network.
The profile photos were flagged by two independent image-forensics tools as synthetic.
Our findings draw on open-source reporting, commercial data and classified collection.
We matched the domains through historical WHOIS records and a shared analytics tag.
Language analysis shows consistent errors typical of machine translation from Russian.
Timestamps were normalised to UTC before comparing posting patterns.
The list was compiled from accounts that the operation's own channels repeatedly amplified.
Some indicators come from a partner government and are shared with its permission.
We excluded accounts with fewer than ten posts, so the true size of the network may be larger.
Confidence levels follow the standard low, moderate and high scale described in the annex.
We did not access any private data; all observations come from publicly visible posts.
A university researcher recommended the hashing method we used to match the video re-uploads.
"""

COERCIVE_FAMILIES = ["direct-demand", "polite-request", "recommendation", "wish-outcome",
    "need-expectation", "veiled-consequence", "phrasal-colloquial", "clause-then-imperative",
    "split-demand", "intensified-negation", "deadline-followup", "obligation-framing",
    "appeal-comparison", "rhetorical-question", "passive-nominal"]
BENIGN_FAMILIES = ["factual-description", "platform-past-action", "negated-request", "disclosure",
    "actor-behaviour", "quoted-content", "analytic-forecast", "logistics-request",
    "office-own-action", "method-and-sourcing"]

OBVIOUS = re.compile(r"\b(remov\w*|take\s+down|taken\s+down|takes\s+down|took\s+down|delet\w*|suspen\w*|ban|bans|banned|banning|must|demand\w*)\b", re.I)
TEMPTING = re.compile(r"\b(remov\w*|take\s+down|taken\s+down|took\s+down|takedown|suspen\w*|delet\w*|ban|banned|bans|need\w*|must|should|expect\w*|urgent\w*|deadline\w*|recommend\w*|please|action\w*|consequences?)\b", re.I)

def parse():
    rows, label, fam = [], None, None
    for line in SOURCE.splitlines():
        line = line.rstrip()
        if not line.strip():
            continue
        if line.startswith("## "):
            _, label, fam = line.split()
            continue
        rows.append((label, fam, line.strip()))
    return rows

def check(rows):
    errs = []
    c = collections.Counter((l, f) for l, f, _ in rows)
    lab = collections.Counter(l for l, _, _ in rows)
    if lab["COERCIVE"] != 130 or lab["BENIGN"] != 130:
        errs.append(f"label counts {dict(lab)}")
    for f in COERCIVE_FAMILIES:
        if c[("COERCIVE", f)] not in (8, 9): errs.append(f"COERCIVE {f}={c[('COERCIVE', f)]}")
    for f in BENIGN_FAMILIES:
        if c[("BENIGN", f)] != 13: errs.append(f"BENIGN {f}={c[('BENIGN', f)]}")
    if set(f for _, f, _ in rows) != set(COERCIVE_FAMILIES) | set(BENIGN_FAMILIES):
        errs.append("unexpected family names")
    seen = set()
    for l, f, t in rows:
        n = len(t.split())
        if not 5 <= n <= 35: errs.append(f"word count {n}: {t}")
        if "\t" in t or "\n" in t or "\r" in t: errs.append(f"tab/newline: {t}")
        k = re.sub(r"\W+", " ", t.lower()).strip()
        if k in seen: errs.append(f"duplicate: {t}")
        seen.add(k)
    coerce_clean = sum(1 for l, _, t in rows if l == "COERCIVE" and not OBVIOUS.search(t))
    benign_tempt = sum(1 for l, _, t in rows if l == "BENIGN" and TEMPTING.search(t))
    if coerce_clean < 44: errs.append(f"only {coerce_clean} coercive rows free of obvious words")
    if benign_tempt < 44: errs.append(f"only {benign_tempt} benign rows with tempting words")
    return errs, c, coerce_clean, benign_tempt

def main():
    rows = parse()
    errs, c, cc, bt = check(rows)
    if errs:
        print("\n".join(errs)); sys.exit(1)
    rng = random.Random(20240603)
    order = list(rows)
    rng.shuffle(order)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "coercion-heldout-3.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("id\tlabel\tfamily\ttext\n")
        for i, (l, f, t) in enumerate(order, 1):
            fh.write(f"W{i:03d}\t{l}\t{f}\t{t}\n")
    for (l, f), n in sorted(c.items()):
        print(f"{l}\t{f}\t{n}")
    print(f"total={len(rows)} coercive_without_obvious_words={cc} benign_with_tempting_words={bt}")
    print(f"wrote {out}")

if __name__ == "__main__":
    main()
