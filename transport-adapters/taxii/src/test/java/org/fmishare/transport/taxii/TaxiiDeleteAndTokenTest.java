package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fmishare.transport.taxii.medallion.MedallionServer;
import org.fmishare.transport.taxii.stix.StixObject;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.junit.jupiter.api.Test;

/** DELETE of objects (TAXII 2.1 section 5.8) and bearer-token authentication. */
class TaxiiDeleteAndTokenTest {
    private static final String TOKEN = "fmi-test-token_0123456789";

    private static StixObject identity(String modified) {
        return StixObject.parse("{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"identity--"
                + "6c1c0e0c-4c1e-4b7d-9d55-1b1f4e1c2a3b\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\""
                + modified + "\",\"name\":\"to delete\"}");
    }

    private static void deletesOneVersionThenTheRest(TaxiiClient client, TaxiiCollection col) {
        StixObject v1 = identity("2026-01-01T00:00:00.000Z");
        StixObject v2 = identity("2026-02-01T00:00:00.000Z");
        assertThat(client.publish(col, List.of(v1, v2)).delivered()).isTrue();
        client.deleteObject(col, v1.id(), ObjectQuery.builder().matchVersion(v2.version().orElseThrow()).build());
        assertThat(client.versions(col, v1.id(), ObjectQuery.all()).versions()).hasSize(1);
        assertThat(client.getObject(col, v1.id(), ObjectQuery.all())).extracting(StixObject::tree)
                .containsExactly(v1.tree());
        client.deleteObject(col, v1.id(), ObjectQuery.builder().matchVersion("all").build());
        assertThatThrownBy(() -> client.getObject(col, v1.id(), ObjectQuery.all()))
                .isInstanceOfSatisfying(TaxiiException.HttpError.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.deleteObject(col, v1.id(), ObjectQuery.all()))
                .isInstanceOfSatisfying(TaxiiException.HttpError.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void deletesOnTheTestServer() {
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("c", "C", true, true)
                .collection("ro", "read only", true, false).user("agency", "pw".toCharArray()).start()) {
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).basicAuth("agency", "pw".toCharArray())
                    .build();
            deletesOneVersionThenTheRest(client, client.collection(server.apiRootUri(), "c"));
            TaxiiCollection readOnly = client.collection(server.apiRootUri(), "ro");
            assertThatThrownBy(() -> client.deleteObject(readOnly, identity("2026-01-01T00:00:00.000Z").id(),
                    ObjectQuery.all())).isInstanceOf(TaxiiException.NotPermitted.class);
        }
    }

    @Test
    void deletesOnMedallion() throws Exception {
        try (MedallionServer medallion = MedallionServer.start("agency", "pw", 100, List.of("c"))) {
            TaxiiClient client = TaxiiClient.builder(medallion.discoveryUri()).basicAuth("agency", "pw".toCharArray())
                    .build();
            deletesOneVersionThenTheRest(client, client.collection(medallion.apiRootUri(), "c"));
        }
    }

    @Test
    void bearerTokensAuthenticateAndOnlyTheRightOne() {
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("c", "C", true, true).bearerToken(TOKEN)
                .start()) {
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).bearerToken(TOKEN).build();
            TaxiiCollection col = client.collection(server.apiRootUri(), "c");
            assertThat(client.publish(col, List.of(identity("2026-01-01T00:00:00.000Z"))).delivered()).isTrue();
            TaxiiClient wrong = TaxiiClient.builder(server.discoveryUri()).bearerToken(TOKEN + "x").build();
            assertThatThrownBy(() -> wrong.collection(server.apiRootUri(), "c"))
                    .isInstanceOf(TaxiiException.AuthenticationFailed.class);
            TaxiiClient none = TaxiiClient.builder(server.discoveryUri()).build();
            assertThatThrownBy(() -> none.collection(server.apiRootUri(), "c"))
                    .isInstanceOf(TaxiiException.AuthenticationFailed.class);
        }
        assertThatThrownBy(() -> TaxiiClient.builder(java.net.URI.create("https://taxii.example/taxii2/"))
                .bearerToken("two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxiiClient.builder(java.net.URI.create("https://taxii.example/taxii2/"))
                .bearerToken("t\r\nX-Injected: 1")).isInstanceOf(IllegalArgumentException.class);
    }
}
