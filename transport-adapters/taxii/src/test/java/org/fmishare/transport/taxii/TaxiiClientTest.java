package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.fmishare.testkit.SampleData;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.fmishare.transport.taxii.stix.PulledShare;
import org.fmishare.transport.taxii.stix.StixIds;
import org.fmishare.transport.taxii.stix.StixObject;
import org.fmishare.transport.taxii.stix.StixShareMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against the in-process TAXII server on loopback: real HTTP, no mocks. */
class TaxiiClientTest {
    private static final char[] PASSWORD = "correct horse".toCharArray();
    private final List<TaxiiTestServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(TaxiiTestServer::close);
    }

    private TaxiiTestServer start(TaxiiTestServer.Builder b) {
        TaxiiTestServer s = b.start();
        servers.add(s);
        return s;
    }

    private TaxiiTestServer server() {
        return start(TaxiiTestServer.builder().collection("shares", "Threat shares", true, true)
                .collection("readonly", "Read only", true, false).user("agency", PASSWORD).maxPageSize(7));
    }

    private static TaxiiClient client(TaxiiTestServer s) {
        return TaxiiClient.builder(s.discoveryUri()).basicAuth("agency", PASSWORD)
                .statusPolling(Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(10)).build();
    }

    private static List<StixObject> notes(int n, String modified) {
        return IntStream.range(0, n).mapToObj(i -> StixObject.parse("{\"type\":\"note\",\"spec_version\":\"2.1\","
                + "\"id\":\"note--" + StixIds.uuid5(StixIds.FMI_NAMESPACE, "note" + i) + "\",\"created\":"
                + "\"2026-01-01T00:00:00.000Z\",\"modified\":\"" + modified + "\",\"content\":\"n" + i
                + "\",\"object_refs\":[\"report--" + StixIds.uuid5(StixIds.FMI_NAMESPACE, "r") + "\"]}")).toList();
    }

    @Test
    void discoveryApiRootAndCollections() {
        TaxiiTestServer s = server();
        TaxiiClient c = client(s);
        Discovery d = c.discover();
        assertThat(d.apiRoots()).containsExactly(s.apiRootUri());
        assertThat(d.defaultApiRoot()).contains(s.apiRootUri());
        ApiRoot root = c.apiRoot(d.apiRoots().get(0));
        assertThat(root.versions()).contains("application/taxii+json;version=2.1");
        assertThat(root.maxContentLength()).isPositive();
        assertThat(c.collections(root.url())).extracting(TaxiiCollection::id).containsExactly("shares", "readonly");
        TaxiiCollection ro = c.collection(root.url(), "readonly");
        assertThat(ro.canRead()).isTrue();
        assertThat(ro.canWrite()).isFalse();
        assertThatThrownBy(() -> c.publish(ro, notes(1, "2026-01-01T00:00:00.000Z")))
                .isInstanceOf(TaxiiException.NotPermitted.class);
    }

    @Test
    void pagingFollowsNextWhenTheServerPageIsSmallerThanTheLimit() {
        TaxiiTestServer s = server();
        TaxiiClient c = client(s);
        TaxiiCollection col = c.collection(s.apiRootUri(), "shares");
        assertThat(c.publish(col, notes(30, "2026-01-01T00:00:00.000Z")).delivered()).isTrue();
        List<StixObject> got = new ArrayList<>();
        PollResult r = c.forEachObject(col, ObjectQuery.builder().limit(20).build(), got::add);
        assertThat(got).hasSize(30).doesNotHaveDuplicates();
        assertThat(r.pages()).isEqualTo(5); // 7 + 7 + 7 + 7 + 2
        assertThat(r.dateAddedLast()).isPresent();
    }

    @Test
    void addedAfterWithTheDateAddedLastBookmarkReturnsOnlyNewObjects() {
        TaxiiTestServer s = server();
        TaxiiClient c = client(s);
        TaxiiCollection col = c.collection(s.apiRootUri(), "shares");
        c.publish(col, notes(10, "2026-01-01T00:00:00.000Z"));
        PollResult first = c.forEachObject(col, ObjectQuery.all(), o -> { });
        assertThat(first.objectCount()).isEqualTo(10);
        List<StixObject> newer = notes(3, "2026-02-01T00:00:00.000Z");
        c.publish(col, newer);
        List<StixObject> got = c.fetchObjects(col, ObjectQuery.all().withAddedAfter(first.dateAddedLast()
                .orElseThrow()));
        assertThat(got).containsExactlyElementsOf(newer);
        PollResult none = c.forEachObject(col, ObjectQuery.builder().addedAfter(c.forEachObject(col,
                ObjectQuery.all(), o -> { }).dateAddedLast().orElseThrow()).build(), o -> { });
        assertThat(none.objectCount()).isZero();
    }

    @Test
    void filtersManifestAndVersions() {
        TaxiiTestServer s = server();
        TaxiiClient c = client(s);
        TaxiiCollection col = c.collection(s.apiRootUri(), "shares");
        List<StixObject> v1 = notes(3, "2026-01-01T00:00:00.000Z");
        List<StixObject> v2 = notes(3, "2026-03-01T00:00:00.000Z");
        List<StixObject> bundle = StixShareMapper.standard().toBundle(TestShares.sample()).objects();
        c.publish(col, v1);
        c.publish(col, v2);
        c.publish(col, bundle);
        String id = v1.get(0).id();
        assertThat(c.fetchObjects(col, ObjectQuery.builder().matchType("note").build())
                .stream().filter(o -> o.id().startsWith("note--") && o.tree().path("content").asString("")
                        .startsWith("n"))).containsExactlyElementsOf(v2);
        assertThat(c.fetchObjects(col, ObjectQuery.builder().matchId(id).matchVersion("all").build()))
                .containsExactly(v1.get(0), v2.get(0));
        assertThat(c.fetchObjects(col, ObjectQuery.builder().matchId(id).matchVersion("first").build()))
                .containsExactly(v1.get(0));
        assertThat(c.fetchObjects(col, ObjectQuery.builder().matchId(id).matchVersion("2026-01-01T00:00:00.000Z")
                .build())).containsExactly(v1.get(0));
        assertThat(c.fetchObjects(col, ObjectQuery.builder().matchType("report", "threat-actor").build()))
                .extracting(StixObject::type).containsExactlyInAnyOrder("report", "threat-actor");
        assertThat(c.getObject(col, id, ObjectQuery.all())).containsExactly(v2.get(0));
        assertThat(c.versions(col, id, ObjectQuery.all()).versions())
                .containsExactly("2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z");
        ManifestPage m = c.manifest(col, ObjectQuery.builder().matchType("note").matchVersion("all").build());
        assertThat(m.entries()).hasSize(7); // the server page size
        assertThat(m.more()).isTrue();
        ManifestPage rest = c.manifest(col, ObjectQuery.builder().matchType("note").matchVersion("all")
                .addedAfter(m.dateAddedLast().orElseThrow()).build());
        assertThat(m.entries().size() + rest.entries().size())
                .isEqualTo(6 + (int) bundle.stream().filter(o -> o.type().equals("note")).count());
        assertThat(rest.more()).isFalse();
    }

    @Test
    void statusIsPolledUntilCompleteAndObjectsAppearThen() {
        TaxiiTestServer s = start(TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .pendingStatusPolls(3));
        TaxiiClient c = TaxiiClient.builder(s.discoveryUri())
                .statusPolling(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(10)).build();
        TaxiiCollection col = c.collection(s.apiRootUri(), "shares");
        TaxiiStatus pending = c.addObjects(col, notes(4, "2026-01-01T00:00:00.000Z"));
        assertThat(pending.complete()).isFalse();
        assertThat(pending.pendingCount()).isEqualTo(4);
        assertThat(c.fetchObjects(col, ObjectQuery.all())).isEmpty();
        TaxiiStatus done = c.awaitStatus(s.apiRootUri(), pending.id());
        assertThat(done.complete()).isTrue();
        assertThat(done.successCount()).isEqualTo(4);
        assertThat(c.fetchObjects(col, ObjectQuery.all())).hasSize(4);
    }

    @Test
    void statusTimeoutIsTyped() {
        TaxiiTestServer s = start(TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .pendingStatusPolls(1_000));
        TaxiiClient c = TaxiiClient.builder(s.discoveryUri())
                .statusPolling(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(150)).build();
        TaxiiCollection col = c.collection(s.apiRootUri(), "shares");
        assertThatThrownBy(() -> c.publish(col, notes(2, "2026-01-01T00:00:00.000Z")))
                .isInstanceOfSatisfying(TaxiiException.StatusTimeout.class,
                        e -> assertThat(e.lastStatus().pendingCount()).isEqualTo(2));
    }

    @Test
    void publishSplitsByMaxContentLengthAndRetriesFailuresPerObject() {
        Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
        List<StixObject> objects = notes(40, "2026-01-01T00:00:00.000Z");
        String flaky = objects.get(5).id();
        String broken = objects.get(9).id();
        TaxiiTestServer s = start(TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .maxContentLength(2_000).rejectObjects(o -> o.id().equals(broken)
                        || o.id().equals(flaky) && refusedOnce.add(o.id())));
        TaxiiClient c = TaxiiClient.builder(s.discoveryUri()).publishAttempts(3).build();
        PublishResult r = c.publish(c.collection(s.apiRootUri(), "shares"), objects);
        assertThat(r.statusIds().size()).isGreaterThan(5); // split into many requests
        assertThat(r.delivered()).isFalse();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(broken);
            assertThat(f.attempts()).isEqualTo(3);
            assertThat(f.message()).contains("refused by the server's policy");
        });
        assertThat(r.outcomes().stream().filter(o -> o.id().equals(flaky)).findFirst().orElseThrow())
                .satisfies(o -> {
                    assertThat(o.delivered()).isTrue();
                    assertThat(o.attempts()).isEqualTo(2);
                });
        assertThat(s.storedObjects("shares")).hasSize(39);
        // Re-publishing is idempotent: same ids and versions, nothing stored twice.
        c.publish(c.collection(s.apiRootUri(), "shares"), objects.subList(0, 5));
        assertThat(s.storedObjects("shares")).hasSize(39);
    }

    @Test
    void anObjectLargerThanMaxContentLengthIsRefusedBeforeSending() {
        TaxiiTestServer s = start(TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .maxContentLength(100));
        TaxiiClient c = TaxiiClient.builder(s.discoveryUri()).build();
        assertThatThrownBy(() -> c.publish(c.collection(s.apiRootUri(), "shares"),
                notes(1, "2026-01-01T00:00:00.000Z"))).isInstanceOf(TaxiiException.ContentTooLarge.class);
        assertThat(s.storedObjects("shares")).isEmpty();
    }

    @Test
    void missingCredentialsGive401AsATypedError() {
        TaxiiTestServer s = server();
        TaxiiClient anonymous = TaxiiClient.builder(s.discoveryUri()).build();
        assertThatThrownBy(anonymous::discover).isInstanceOfSatisfying(TaxiiException.AuthenticationFailed.class,
                e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("correct horse");
                });
        TaxiiClient wrong = TaxiiClient.builder(s.discoveryUri()).basicAuth("agency", "nope".toCharArray()).build();
        assertThatThrownBy(wrong::discover).isInstanceOf(TaxiiException.AuthenticationFailed.class);
    }

    @Test
    void plainJsonAcceptGets406() throws Exception {
        TaxiiTestServer s = server();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(s.discoveryUri())
                .header("Accept", "application/json").header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString("agency:correct horse".getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/taxii+json;version=2.1");
        assertThat(r.body()).contains("\"title\"");
    }

    @Test
    void taxiiErrorBodyIsSurfacedAsATypedError() {
        TaxiiTestServer s = server();
        TaxiiClient c = client(s);
        assertThatThrownBy(() -> c.collection(s.apiRootUri(), "no-such-collection"))
                .isInstanceOfSatisfying(TaxiiException.HttpError.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.title()).isEqualTo("Not Found");
                    assertThat(e.description()).hasValueSatisfying(d -> assertThat(d).contains("no-such-collection"));
                    assertThat(e.errorId()).isPresent();
                    assertThat(e.isInputRejection()).isTrue();
                });
    }

    @Test
    void plainHttpIsRefusedForNonLoopbackHostsAndOtherOriginsAreNotContacted() {
        // Names that public DNS maps to loopback are still refused: the loopback rule never resolves names.
        for (String refused : List.of("http://taxii.example.org/taxii2/", "http://127.0.0.1.nip.io/taxii2/",
                "http://localhost.example.org/taxii2/", "http://127.1/taxii2/")) {
            assertThatThrownBy(() -> TaxiiClient.builder(URI.create(refused))).as(refused)
                    .isInstanceOf(TaxiiException.InsecureEndpoint.class);
        }
        for (String allowed : List.of("http://localhost/taxii2/", "http://127.0.0.1:9/taxii2/", "http://[::1]/t/")) {
            assertThat(TaxiiClient.builder(URI.create(allowed)).build().discoveryUri()).hasToString(allowed);
        }
        TaxiiTestServer s = server();
        TaxiiClient c = client(s);
        assertThatThrownBy(() -> c.apiRoot(URI.create("http://127.0.0.1:1/api/")))
                .isInstanceOf(TaxiiException.InsecureEndpoint.class);
    }

    @Test
    void largeCollectionIsStreamedWithoutCollectingIt() {
        TaxiiTestServer s = start(TaxiiTestServer.builder().collection("big", "Big", true, true)
                .maxPageSize(5_000).maxContentLength(64L * 1024 * 1024));
        TaxiiClient c = TaxiiClient.builder(s.discoveryUri()).build();
        TaxiiCollection col = c.collection(s.apiRootUri(), "big");
        assertThat(c.publish(col, notes(20_000, "2026-01-01T00:00:00.000Z")).delivered()).isTrue();
        long[] count = {0};
        Set<String> seen = new java.util.HashSet<>();
        PollResult r = c.forEachObject(col, ObjectQuery.builder().limit(10_000).build(), o -> {
            count[0]++;
            seen.add(o.id().substring(o.id().length() - 4)); // a bounded sample, not the objects
        });
        assertThat(r.objectCount()).isEqualTo(20_000);
        assertThat(count[0]).isEqualTo(20_000);
        assertThat(r.pages()).isEqualTo(4);
        assertThat(seen).isNotEmpty();
    }

    @Test
    void publishTheSampleShareAndReadItBackAsAShare() {
        TaxiiTestServer s = server();
        TaxiiClient c = client(s);
        TaxiiCollection col = c.collection(s.apiRootUri(), "shares");
        PublishResult r = TaxiiShares.publish(c, col, TestShares.sample());
        assertThat(r.delivered()).isTrue();
        // A second share in the same collection must not disturb reading the first.
        TaxiiShares.publish(c, col, TestShares.input(SampleData.failingShare()));
        PulledShare back = TaxiiShares.pull(c, col, SampleData.passingShare().id());
        assertThat(back.toInput(TestShares.sample().signedAt())).isEqualTo(TestShares.sample());
        assertThat(back.envelopeJws()).isEqualTo(TestShares.JWS);
        assertThat(TaxiiShares.publish(c, col, TestShares.sample()).delivered()).as("re-publish").isTrue();
        assertThatThrownBy(() -> TaxiiShares.pull(c, col, "share-unknown"))
                .isInstanceOfSatisfying(TaxiiException.HttpError.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
