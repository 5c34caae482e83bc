package org.fmishare.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fmishare.core.model.Attendee;
import org.fmishare.core.model.AttendeeSide;
import org.fmishare.core.model.Audience;
import org.fmishare.core.model.AudienceKind;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.ConfidenceAssessment;
import org.fmishare.core.model.Fact;
import org.fmishare.core.model.FmiOperation;
import org.fmishare.core.model.ForeignActor;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.SocialMediaCompany;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every user-supplied text field of every channel, filled with each injection payload, rendered in every format:
 * the render succeeds with all clauses, no payload is evaluated as template syntax, HTML gains no markup and the
 * subject stays on one line.
 */
class InjectionTest {
    static final List<String> PAYLOADS = List.of("{{share.id}}", "{{clause.no-adverse-action}}", "}}{{",
            "<script>alert(1)</script>", "Line1\r\nBcc: victim@example.test\r\n\r\nbody", "a\rb\nc\u2028d\u0085e",
            "\u202eevil\u202c", "\"'`=<>&");

    record Field(String name, Channel channel, Function<String, Object> model) {}

    static List<Field> fields() {
        ThreatShare share = SampleData.passingShare();
        Meeting meeting = SampleData.adHocMeeting();
        Briefing briefing = SampleData.briefing();
        SocialMediaCompany c = SampleData.company();
        List<Field> f = new ArrayList<>();
        f.add(new Field("narrative", Channel.SHARE_EMAIL, p -> share.toBuilder().narrative(p).build()));
        f.add(new Field("recipient.name", Channel.SHARE_EMAIL, p -> share.toBuilder().recipient(
                new SocialMediaCompany(c.id(), p, c.platforms(), c.headquarters(), c.threatSharing(), c.meetings(),
                        c.contacts(), c.preferredTransports(), c.certificates())).build()));
        ForeignActor a = share.actor();
        f.add(new Field("actor.name", Channel.SHARE_EMAIL, p -> share.toBuilder().actor(
                new ForeignActor(a.id(), a.kind(), a.country(), p, a.aliases(), a.proxyLink())).build()));
        FmiOperation o = share.operation();
        f.add(new Field("operation.name", Channel.SHARE_EMAIL, p -> share.toBuilder().operation(
                new FmiOperation(o.id(), p, o.objectives(), o.targets(), o.tactics(), o.disarmTechniques())).build()));
        f.add(new Field("assessment.rationale", Channel.SHARE_EMAIL, p -> share.toBuilder().assessment(
                new ConfidenceAssessment(share.assessment().level(), p)).build()));
        PlatformAccount acc = share.accounts().get(0);
        f.add(new Field("account.handle", Channel.SHARE_EMAIL, p -> share.toBuilder().accounts(List.of(
                new PlatformAccount(acc.platform(), acc.accountId(), Optional.of(p), acc.url(), acc.firstObserved(),
                        acc.lastObserved(), acc.usPersonIndicator(), acc.actorLinkBasis()))).facts(List.of())
                .build()));
        Fact fact = share.facts().get(0);
        f.add(new Field("fact.statement", Channel.SHARE_EMAIL, p -> share.toBuilder().facts(List.of(
                new Fact(fact.id(), p, fact.kind(), fact.sourceType(), fact.reliability(), fact.credibility(),
                        fact.collectedOn(), fact.about(), fact.activityDate()))).build()));
        f.add(new Field("amendment.reason", Channel.SHARE_AMENDMENT, p -> ShareAmendment.retraction("amend-1",
                share.createdAt(), share, p)));
        for (Channel ch : List.of(Channel.MEETING_INVITATION, Channel.MEETING_NOTICE)) {
            f.add(new Field("meeting.agenda", ch, p -> withMeeting(meeting, List.of(p), meeting.attendees(),
                    meeting.triggerDetail())));
            f.add(new Field("meeting.company", ch, p -> new Meeting(meeting.id(), List.of(new SocialMediaCompany(
                    c.id(), p, c.platforms(), c.headquarters(), c.threatSharing(), c.meetings(), c.contacts(),
                    c.preferredTransports(), c.certificates())), meeting.scheduledAt(), meeting.kind(),
                    meeting.cadenceJustification(), meeting.trigger(), meeting.triggerDetail(), meeting.attendees(),
                    meeting.fitf(), meeting.leadingOffice(), meeting.agenda(), meeting.talkingPoints(),
                    meeting.minutes(), meeting.companyConsent())));
        }
        f.add(new Field("meeting.trigger", Channel.MEETING_INVITATION, p -> withMeeting(meeting, meeting.agenda(),
                meeting.attendees(), Optional.of(p))));
        f.add(new Field("meeting.attendee", Channel.MEETING_INVITATION, p -> withMeeting(meeting, meeting.agenda(),
                List.of(new Attendee(p, p, p, AttendeeSide.GOVERNMENT)), meeting.triggerDetail())));
        f.add(new Field("briefing.summary", Channel.BRIEFING_SUMMARY, p -> new Briefing(briefing.id(),
                briefing.heldAt(), briefing.hostAgency(), briefing.briefingCompany(), briefing.audiences(),
                briefing.briefers(), briefing.topics(), p)));
        f.add(new Field("briefing.hostAgency", Channel.BRIEFING_SUMMARY, p -> new Briefing(briefing.id(),
                briefing.heldAt(), p, briefing.briefingCompany(), briefing.audiences(), briefing.briefers(),
                briefing.topics(), briefing.summary())));
        f.add(new Field("briefing.audience", Channel.BRIEFING_SUMMARY, p -> new Briefing(briefing.id(),
                briefing.heldAt(), briefing.hostAgency(), briefing.briefingCompany(),
                List.of(new Audience(p, AudienceKind.STATE_ELECTION_OFFICIALS)), briefing.briefers(),
                briefing.topics(), briefing.summary())));
        return f;
    }

    private static Meeting withMeeting(Meeting m, List<String> agenda, List<Attendee> attendees,
            Optional<String> triggerDetail) {
        return new Meeting(m.id(), m.companies(), m.scheduledAt(), m.kind(), m.cadenceJustification(), m.trigger(),
                triggerDetail, attendees, m.fitf(), m.leadingOffice(), agenda, m.talkingPoints(), m.minutes(),
                m.companyConsent());
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Field field : fields()) {
            for (String payload : PAYLOADS) {
                for (Format format : List.of(Format.TEXT, Format.HTML)) {
                    all.add(Arguments.of(field.name() + " " + field.channel(), (Supplier<Object>) () ->
                            field.model().apply(payload), field.channel(), format, payload));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {3} <- {4}")
    @MethodSource("cases")
    void payloadInUserFieldIsInert(String label, Supplier<Object> model, Channel channel, Format format,
            String payload) {
        Object value = model.get();
        RenderedMessage m = switch (channel) {
            case SHARE_EMAIL -> DisclosureRenderer.standard().renderShare((ThreatShare) value, format);
            case MEETING_INVITATION -> DisclosureRenderer.standard().renderMeetingInvitation((Meeting) value, format);
            case MEETING_NOTICE -> DisclosureRenderer.standard().renderMeetingNotice((Meeting) value, format);
            case BRIEFING_SUMMARY -> DisclosureRenderer.standard().renderBriefingSummary((Briefing) value, format);
            case SHARE_AMENDMENT -> DisclosureRenderer.standard().renderAmendment((ShareAmendment) value, format);
        };
        assertThat(m.subject()).doesNotContain("\r", "\n");
        assertThat(m.body()).doesNotContain("\r", "\u2028", "\u0085", "\u202e");
        assertThat(DisclosureVerifier.standard().verifyRendered(m.body(), channel.kind()).allPresent()).isTrue();
        if (format == Format.HTML) {
            assertThat(m.body()).doesNotContain("<script>", "{{", "}}", "alert(1)</");
        }
        if (format == Format.TEXT && payload.startsWith("{{")) {
            // Shown literally, never evaluated: "{{share.id}}" does not become the share id.
            assertThat(m.body()).contains(payload);
        }
        if (format == Format.TEXT && payload.contains("\r\n")) {
            assertThat(m.body()).contains("Line1\nBcc: victim@example.test\n\nbody");
        }
    }
}
