package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fmishare.transport.email.MailFixture.*;

import com.icegreen.greenmail.util.GreenMail;
import java.util.List;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.ShareState;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Corrections and retractions over SMTPS to a real GreenMail server, fetched over IMAP. */
class EmailAmendmentTest {
    GreenMail mail;

    @BeforeEach
    void start() {
        mail = smtpsAndImap();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private static SignedEnvelope amendment(ShareAmendment amendment, SignedEnvelope original) {
        return SIGNER.sign(EnvelopeBody.Amendment.of(amendment, original), new ComplianceSummary(Verdict.PASS,
                SampleData.RULE_SET_ID, "1.0.0", Disclosure.digestOf("report")), original.content().disclosures());
    }

    @Test
    void retractionFollowsTheShareByEmailAndTheReceiverReportsTheShareRetracted() throws Exception {
        SignedEnvelope share = share();
        SignedEnvelope retraction = amendment(SampleData.retraction(), share);
        EmailTransport t = transport(smtps(mail)).build();
        t.send(share, SMC_INBOX);
        t.send(retraction, SMC_INBOX);
        List<byte[]> inbox = fetchOverImap(mail, SMC_INBOX.address(), "inbox-pw");
        assertThat(inbox).hasSize(2);

        ShareStates states = ShareStates.inMemory();
        EmailReceiver receiver = receiver().shareStates(states).build();
        receiver.receive(inbox.get(0));
        assertThat(states.find("fitf", "share-2026-0001").orElseThrow().state()).isEqualTo(ShareState.ACTIVE);
        ReceivedEmail email = receiver.receive(inbox.get(1));
        assertThat(email.envelope().kind()).isEqualTo(EnvelopeKind.SHARE_AMENDMENT);
        assertThat(email.text()).contains("What changed and why: " + SampleData.retraction().reason());
        assertThat(email.disclosures().orElseThrow().allPresent()).isTrue();
        assertThat(states.find("fitf", "share-2026-0001").orElseThrow().state()).isEqualTo(ShareState.RETRACTED);
    }

    @Test
    void correctionOfAShareTheReceiverNeverGotIsRefusedWithTheTypedCheck() throws Exception {
        SignedEnvelope correction = amendment(SampleData.correction(), share());
        transport(smtps(mail)).build().send(correction, SMC_INBOX);
        byte[] raw = fetchOverImap(mail, SMC_INBOX.address(), "inbox-pw").get(0);

        EmailReceiver receiver = receiver().shareStates(ShareStates.inMemory()).build();
        assertThatThrownBy(() -> receiver.receive(raw))
                .isInstanceOf(EmailTransportException.EnvelopeRejected.class)
                .hasRootCauseInstanceOf(EnvelopeException.Rejected.class)
                .hasMessageContaining("amendment-reference");
        // Without a share-state store the correction is verified on its own.
        assertThat(receiver().build().receive(raw).envelope().amendment()).contains(SampleData.correction());
    }
}
