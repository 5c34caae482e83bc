package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.HandlingException;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.fmishare.transport.email.BodyRenderer;
import org.fmishare.transport.email.EmailAddress;
import org.fmishare.transport.email.EmailTransport;
import org.fmishare.transport.email.SmtpSecurity;
import org.fmishare.transport.email.SmtpSettings;
import org.fmishare.transport.https.EnvelopeReceiver;
import org.fmishare.transport.https.HttpsReceiverServer;
import org.fmishare.transport.https.HttpsTransport;
import org.fmishare.transport.https.TlsContexts;
import org.fmishare.transport.taxii.TaxiiTransport;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every TLP marking against every clearance on the three real transports (S/MIME email to GreenMail, mutual-TLS HTTPS
 * to the SDK's receiver, TAXII to the test server): what the clearance allows is delivered, what it does not is
 * refused by the dispatcher and nothing of it reaches any server.
 */
class HandlingMarkingsOnEveryTransportTest {
    private static final char[] PW = "markings-test".toCharArray();
    private static final TestParties PARTIES = TestParties.create("handling markings test CA");

    @TempDir
    Path dir;

    @Test
    void everyMarkingAgainstEveryClearanceOnEmailHttpsAndTaxii() throws Exception {
        Path tlsStore = dir.resolve("smtp-tls.p12");
        Files.write(tlsStore, Credentials.toPkcs12(PARTIES.serverTls(), "greenmail", PW));
        System.setProperty("greenmail.tls.keystore.file", tlsStore.toString());
        System.setProperty("greenmail.tls.keystore.password", new String(PW));
        System.setProperty("greenmail.tls.key.password", new String(PW));
        ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
        smtps.setServerStartupTimeout(60_000);
        GreenMail mail = new GreenMail(smtps);
        mail.start();
        EmailAddress from = EmailAddress.parse("fitf-shares@agency.example");
        EmailAddress inbox = EmailAddress.parse(SampleData.company().contacts().get(0).email());
        mail.setUser(from.address(), "fitf-mailer", "mail-pw");
        List<String> httpsReceived = Collections.synchronizedList(new ArrayList<>());
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(PARTIES.companyVerifier())
                .signer(PARTIES.companySigner())
                .onEnvelope(v -> httpsReceived.add(v.share().orElseThrow().id())).build();
        EnvelopeSigner signer = PARTIES.officeSigner();
        try (HttpsReceiverServer https = HttpsReceiverServer.builder()
                        .sslContext(TlsContexts.of(PARTIES.serverTls(), List.of(PARTIES.ca().certificate())))
                        .requireClientCertificate(true).handler(receiver).port(0).start();
                TaxiiTestServer taxii = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                        .user("agency", PW).start()) {
            URI root = taxii.apiRootUri();
            Map<String, URI> channels = new LinkedHashMap<>();
            channels.put("https", https.uri());
            channels.put("email", inbox.toMailto());
            channels.put("taxii", URI.create("taxii+http://" + root.getRawAuthority() + root.getRawPath()
                    + "collections/shares/"));
            List<String> allowedShareIds = new ArrayList<>();
            int refused = 0;
            for (TlpMarking clearance : TlpMarking.values()) {
                CompanyRecord record = clearance == TlpMarking.RED
                        ? CompanyRecord.red(SampleData.company().id(), Set.copyOf(channels.values()))
                        : CompanyRecord.upTo(SampleData.company().id(), clearance);
                try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox-" + clearance.ordinal()));
                        Dispatcher dispatcher = dispatcher(store, record, from, mail.getSmtps().getPort())) {
                    List<SignedEnvelope> sent = new ArrayList<>();
                    for (TlpMarking marking : TlpMarking.values()) {
                        for (Map.Entry<String, URI> channel : channels.entrySet()) {
                            ThreatShare share = SampleData.passingShare().toBuilder().handling(marking)
                                    .id("share-c" + clearance.ordinal() + "-m" + marking.ordinal() + "-"
                                            + channel.getKey()).build();
                            SignedEnvelope e = signer.sign(new EnvelopeBody.Share(share), TestParties.PASS,
                                    TestParties.SHARE_DISCLOSURES);
                            if (marking.compareTo(clearance) <= 0) {
                                assertThat(dispatcher.submit(e, channel.getValue())).isTrue();
                                sent.add(e);
                                allowedShareIds.add(share.id());
                            } else {
                                assertThatThrownBy(() -> dispatcher.submit(e, channel.getValue()))
                                        .as("%s over %s to a company cleared for %s", marking, channel.getKey(),
                                                clearance)
                                        .isInstanceOf(HandlingException.AboveClearance.class);
                                assertThat(dispatcher.status(e.envelopeId())).isEmpty();
                                refused++;
                            }
                        }
                    }
                    assertThat(dispatcher.awaitIdle(Duration.ofMinutes(3))).isTrue();
                    for (SignedEnvelope e : sent) {
                        var entry = dispatcher.status(e.envelopeId()).orElseThrow();
                        assertThat(entry.state()).as(entry.lastError().orElse("")).isEqualTo(OutboxState.DELIVERED);
                    }
                }
            }
            // Of the 25 (marking, clearance) pairs, 15 are allowed and 10 refused, on each of three channels.
            assertThat(refused).isEqualTo(10 * 3);
            assertThat(allowedShareIds).hasSize(15 * 3);
            // What reached each wire is exactly what was allowed through that channel, nothing more.
            assertThat(httpsReceived).containsExactlyInAnyOrderElementsOf(ids(allowedShareIds, "https"));
            assertThat(mail.getReceivedMessages()).hasSize(15);
            for (var message : mail.getReceivedMessages()) {
                assertThat(ids(allowedShareIds, "email")).anyMatch(id -> {
                    try {
                        return message.getSubject().contains(id);
                    } catch (jakarta.mail.MessagingException ex) {
                        throw new AssertionError(ex);
                    }
                });
            }
            List<String> reports = taxii.storedObjects("shares").stream().filter(o -> o.type().equals("report"))
                    .map(o -> o.json()).toList();
            assertThat(reports).hasSize(15);
            for (String id : ids(allowedShareIds, "taxii")) {
                assertThat(reports).anyMatch(json -> json.contains(id));
            }
        } finally {
            mail.stop();
        }
    }

    private static List<String> ids(List<String> all, String channel) {
        return all.stream().filter(id -> id.endsWith("-" + channel)).toList();
    }

    private static Dispatcher dispatcher(FileJournalStore store, CompanyRecord record, EmailAddress from, int smtpsPort) {
        return Dispatcher.builder().store(store).company(record)
                .transport(HttpsTransport.builder()
                        .sslContext(TlsContexts.of(PARTIES.clientTls(), List.of(PARTIES.ca().certificate()))).build())
                .transport(EmailTransport.builder(SmtpSettings.builder("localhost", smtpsPort, SmtpSecurity.SMTPS)
                                .credentials("fitf-mailer", "mail-pw")
                                .trustAnchors(List.of(PARTIES.ca().certificate())).build(),
                        from, PARTIES.officeSigning(), BodyRenderer.standard()).build())
                .transport(TaxiiTransport.builder().basicAuth("agency", PW).build())
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).maxAttempts(30)
                .build().start();
    }
}
