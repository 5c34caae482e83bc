package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/**
 * Another holder of a certificate under the receiver's CA (the company's receipt key, the TLS server key, the TLS
 * client key) signs a share as the office and posts it over mutual TLS: the sender gets a category-only 400 and the
 * application callback never runs.
 */
class ForgedEnvelopeReceiverTest {
    private static final Map<String, SigningCredential> WRONG_KEYS = Map.of(
            "receipt key", Pki.SMC_SIGNING, "TLS server key", Pki.SERVER_TLS, "TLS client key", Pki.CLIENT_TLS);

    private static SignedEnvelope forgedShare(SigningCredential key) {
        return EnvelopeSigner.builder(key, Pki.OFFICE).build().sign(
                new EnvelopeBody.Share(SampleData.passingShare()), Pki.PASS, Pki.DISCLOSURES);
    }

    @Test
    void aForgedEnvelopeNeverReachesTheCallback() {
        AtomicInteger calls = new AtomicInteger();
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> calls.incrementAndGet()).build();
        WRONG_KEYS.forEach((name, key) -> {
            ReceiverResponse r = receiver.handle("POST", EnvelopeReceiverTest.JOSE, forgedShare(key).serialized());
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(EnvelopeReceiverTest.body(r)).as(name).isEqualTo("{\"status\":400,\"title\":\"rejected\"}");
            assertThat(((EnvelopeException) r.failure().orElseThrow()).check()).as(name)
                    .isEqualTo(EnvelopeException.Check.SIGNER_BINDING);
        });
        assertThat(calls).hasValue(0);
        assertThat(receiver.handle("POST", EnvelopeReceiverTest.JOSE, Pki.share().serialized()).status())
                .isEqualTo(200);
        assertThat(calls).hasValue(1);
    }

    @Test
    void overMutualTlsTheSenderGetsACategoryOnlyAnswer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> calls.incrementAndGet()).build();
        try (HttpsReceiverServer server = HttpsReceiverServer.builder().sslContext(Pki.serverTls())
                .requireClientCertificate(true).handler(receiver).port(0).start()) {
            HttpClient client = HttpClient.newBuilder().sslContext(Pki.clientTls())
                    .connectTimeout(Duration.ofSeconds(60)).build();
            URI uri = server.uri();
            for (Map.Entry<String, SigningCredential> e : WRONG_KEYS.entrySet()) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/jose+json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(forgedShare(e.getValue()).serialized())).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
                assertThat(r.body()).as(e.getKey()).isEqualTo("{\"status\":400,\"title\":\"rejected\"}")
                        .doesNotContain("binding", "CN=", Pki.OFFICE);
            }
        }
        assertThat(calls).hasValue(0);
    }
}
