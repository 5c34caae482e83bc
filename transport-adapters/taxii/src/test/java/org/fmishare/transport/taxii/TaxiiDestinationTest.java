package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TaxiiDestinationTest {

    @Test
    void anHttpsApiRootAndCollectionMakeTheTaxiiDestinationTheTransportRoutes() {
        TaxiiDestination d = TaxiiDestination.builder().apiRoot(URI.create("https://taxii.example.org:8443/api1/"))
                .collection("91a7b528-80eb-42ed-a74d-c6fbd5a26116").build();
        assertThat(d.uri()).isEqualTo(URI.create(
                "taxii://taxii.example.org:8443/api1/collections/91a7b528-80eb-42ed-a74d-c6fbd5a26116/"));
        assertThat(TaxiiTransport.Target.parse(d.uri())).isEqualTo(new TaxiiTransport.Target(
                URI.create("https://taxii.example.org:8443/taxii2/"), URI.create("https://taxii.example.org:8443/api1/"),
                "91a7b528-80eb-42ed-a74d-c6fbd5a26116"));
    }

    @Test
    void anApiRootWithoutTrailingSlashGetsOne() {
        assertThat(TaxiiDestination.of(URI.create("https://taxii.example.org/api1"), "shares").uri())
                .isEqualTo(URI.create("taxii://taxii.example.org/api1/collections/shares/"));
    }

    @Test
    void plainHttpIsForLoopbackOnly() {
        assertThat(TaxiiDestination.of(URI.create("http://127.0.0.1:9000/api/"), "shares").uri())
                .isEqualTo(URI.create("taxii+http://127.0.0.1:9000/api/collections/shares/"));
        assertThat(TaxiiDestination.of(URI.create("http://[::1]:9000/api/"), "shares").uri().getScheme())
                .isEqualTo("taxii+http");
        assertThatThrownBy(() -> TaxiiDestination.of(URI.create("http://taxii.example.org/api1/"), "shares"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> TaxiiDestination.of(URI.create("ftp://taxii.example.org/api1/"), "shares"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be https");
    }

    @Test
    void collectionIdsThatWouldBreakThePathAreRefused() {
        URI root = URI.create("https://taxii.example.org/api1/");
        for (String bad : new String[] {"", "a/b", "..%2f", "a b", "a?b"}) {
            assertThatThrownBy(() -> TaxiiDestination.of(root, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collection id");
        }
    }

    @Test
    void bothPartsAreRequired() {
        assertThatThrownBy(() -> TaxiiDestination.builder().collection("shares").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("apiRoot and collection");
    }

    @Test
    void aHandWrittenUriThatNamesNoCollectionIsRefused() {
        assertThatThrownBy(() -> new TaxiiDestination(URI.create("taxii://taxii.example.org/api1/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collections/<id>");
    }
}
