package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS with mandatory client certificates against the in-process server. */
class MutualTlsTest {
    private static TestPki.Identity serverId;
    private static TestPki.Identity clientId;
    private static TestPki.Identity strangerId;
    private static TaxiiTestServer server;

    @BeforeAll
    static void start() throws Exception {
        serverId = TestPki.create("taxii-test-server", true);
        clientId = TestPki.create("agency-client", false);
        strangerId = TestPki.create("stranger", false);
        server = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .tls(TestPki.context(serverId, clientId), true).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void clientWithTrustedCertificateIsServed() throws Exception {
        TaxiiClient c = TaxiiClient.builder(server.discoveryUri())
                .sslContext(TestPki.context(clientId, serverId)).build();
        assertThat(server.discoveryUri().getScheme()).isEqualTo("https");
        assertThat(c.discover().apiRoots()).containsExactly(server.apiRootUri());
        assertThat(TaxiiShares.publish(c, c.collection(server.apiRootUri(), "shares"), TestShares.sample())
                .delivered()).isTrue();
    }

    @Test
    void clientWithoutCertificateIsRefusedInTheHandshake() throws Exception {
        TaxiiClient c = TaxiiClient.builder(server.discoveryUri()).sslContext(TestPki.context(null, serverId))
                .build();
        assertThatThrownBy(c::discover).isInstanceOfSatisfying(TaxiiException.ConnectionFailed.class,
                e -> assertThat(e.isInputRejection()).isFalse());
    }

    @Test
    void clientWithUntrustedCertificateIsRefused() throws Exception {
        TaxiiClient c = TaxiiClient.builder(server.discoveryUri())
                .sslContext(TestPki.context(strangerId, serverId)).build();
        assertThatThrownBy(c::discover).isInstanceOf(TaxiiException.ConnectionFailed.class);
    }

    @Test
    void serverNotTrustedByTheClientIsRefused() throws Exception {
        TaxiiClient c = TaxiiClient.builder(server.discoveryUri())
                .sslContext(TestPki.context(clientId, strangerId)).build();
        assertThatThrownBy(c::discover).isInstanceOf(TaxiiException.ConnectionFailed.class);
    }
}
