package org.fmishare.transport.taxii.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.testkit.SampleData;
import org.fmishare.transport.taxii.TestShares;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class StixShareMapperTest {
    private static final StixShareMapper MAPPER = StixShareMapper.standard();
    private static final String SHARE_ID = SampleData.passingShare().id();
    private static final String REPORT = StixIds.reportId(SHARE_ID);
    private static final String EXT = FmiStixExtension.ID;

    static Stream<StixShareInput> inputs() {
        return StixSchemaValidationTest.inputs();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void shareSurvivesBundleRoundTrip(StixShareInput input) {
        StixBundle bundle = MAPPER.toBundle(input);
        PulledShare back = MAPPER.fromBundle(StixBundle.parse(bundle.toJson()));
        assertThat(back.toInput(input.signedAt())).isEqualTo(input);
        assertThat(back.reportId()).isEqualTo(StixIds.reportId(input.share().id()));
    }

    @Test
    void theRuleSetDocumentDigestTravelsInTheComplianceExtensionWhenTheSummaryHasOne() {
        String digest = "sha-256:" + "5e".repeat(32);
        var with = TestShares.input(SampleData.passingShare(), TestShares.compliance().withRuleSetDigest(digest));
        ObjectNode compliance = (ObjectNode) MAPPER.toBundle(with).object(REPORT).orElseThrow().tree()
                .at("/extensions/" + EXT + "/compliance");
        assertThat(compliance.path("rule_set_digest").asString()).isEqualTo(digest);
        assertThat(MAPPER.fromBundle(MAPPER.toBundle(with)).compliance().ruleSetDigest()).contains(digest);

        // Envelopes made before summaries carried it: no property, and none read back.
        ObjectNode without = (ObjectNode) MAPPER.toBundle(TestShares.sample()).object(REPORT).orElseThrow().tree()
                .at("/extensions/" + EXT + "/compliance");
        assertThat(without.has("rule_set_digest")).isFalse();
        assertThat(MAPPER.fromBundle(MAPPER.toBundle(TestShares.sample())).compliance().ruleSetDigest()).isEmpty();
    }

    @Test
    void theComplianceExtensionCarriesAReviewersApprovalAndNothingMoreWithoutOne() {
        ObjectNode plain = (ObjectNode) MAPPER.toBundle(TestShares.sample()).object(REPORT).orElseThrow().tree()
                .at("/extensions/" + EXT + "/compliance");
        assertThat(plain.propertyNames()).containsExactly("verdict", "rule_set_id", "rule_set_version",
                "report_digest");
        StixShareInput reviewed = TestShares.reviewed();
        ObjectNode review = (ObjectNode) MAPPER.toBundle(reviewed).object(REPORT).orElseThrow().tree()
                .at("/extensions/" + EXT + "/compliance/review");
        var approval = reviewed.compliance().review().orElseThrow();
        assertThat(review.propertyNames()).containsExactly("reviewer_id", "decided_at", "reasons_digest",
                "decision");
        assertThat(review.get("reviewer_id").asString()).isEqualTo(approval.reviewerId());
        assertThat(review.get("decided_at").asString()).isEqualTo("2026-10-01T15:30:00Z");
        assertThat(review.get("reasons_digest").asString()).isEqualTo(approval.reasonsDigest());
        assertThat(review.get("decision").asString()).isEqualTo(approval.decision());
        assertThat(MAPPER.fromObjects(MAPPER.toBundle(reviewed).objects(), SHARE_ID).compliance())
                .isEqualTo(reviewed.compliance());
    }

    @Test
    void aMalformedApprovalInTheStixViewIsRefusedNamingIt() {
        List<StixObject> objects = new ArrayList<>();
        for (StixObject o : MAPPER.toBundle(TestShares.reviewed()).objects()) {
            ObjectNode tree = o.tree();
            if (o.id().equals(REPORT)) {
                ((ObjectNode) tree.at("/extensions/" + EXT + "/compliance/review")).put("reasons_digest", "md5:00");
            }
            objects.add(StixObject.of(tree));
        }
        assertThatThrownBy(() -> MAPPER.fromObjects(objects, SHARE_ID))
                .isInstanceOfSatisfying(StixMappingException.class, e -> {
                    assertThat(e.objectId()).isEqualTo(REPORT);
                    assertThat(e.property()).startsWith("extensions." + EXT + ".compliance.review");
                    assertThat(e.getMessage()).contains("reasonsDigest");
                });
    }

    @Test
    void fromObjectsPicksTheRequestedShareAmongOthers() {
        List<StixObject> all = new ArrayList<>(MAPPER.toBundle(TestShares.sample()).objects());
        all.addAll(MAPPER.toBundle(TestShares.input(SampleData.failingShare())).objects());
        assertThat(MAPPER.fromObjects(all, SampleData.failingShare().id()).share())
                .isEqualTo(SampleData.failingShare());
        assertThatThrownBy(() -> MAPPER.fromBundle(new StixBundle("bundle--" + StixIds.uuid5(StixIds.FMI_NAMESPACE,
                "x"), all))).isInstanceOf(StixMappingException.class).hasMessageContaining("exactly one report");
    }

    @Test
    void standardPropertiesSayWhatStixCanSayNatively() {
        StixBundle b = MAPPER.toBundle(TestShares.sample());
        ObjectNode report = b.object(REPORT).orElseThrow().tree();
        assertThat(report.get("confidence").asInt()).isEqualTo(85);
        assertThat(report.get("description").asString()).isEqualTo(SampleData.passingShare().narrative());
        assertThat(report.at("/extensions/" + EXT + "/envelope_jws").asString()).isEqualTo(TestShares.JWS);
        assertThat(b.objects().stream().filter(o -> o.type().equals("threat-actor")).findFirst().orElseThrow()
                .tree().get("threat_actor_types").get(0).asString()).isEqualTo("nation-state");
        assertThat(b.objects().stream().filter(o -> o.type().equals("attack-pattern"))
                .map(o -> o.tree().at("/external_references/0/external_id").asString()))
                .containsExactlyInAnyOrder("T0097.101", "T0087");
        assertThat(b.objects().stream().filter(o -> o.type().equals("relationship"))
                .map(o -> o.tree().get("relationship_type").asString()).distinct())
                .containsExactlyInAnyOrder("attributed-to", "uses", "related-to");
    }

    static Stream<Arguments> brokenBundles() {
        String amber = StixMarkings.tlpMarkingId(TlpMarking.AMBER);
        return Stream.of(
                Arguments.of("report without the extension", REPORT, "extensions",
                        edit(REPORT, o -> o.remove("extensions"))),
                Arguments.of("referenced object missing", REPORT, "object_refs[0]",
                        remove(StixIds.shareObjectId("identity", SHARE_ID, "sender"))),
                Arguments.of("unknown verdict", REPORT, "extensions." + EXT + ".compliance.verdict",
                        edit(REPORT, o -> ((ObjectNode) o.at("/extensions/" + EXT + "/compliance"))
                                .put("verdict", "MAYBE"))),
                Arguments.of("malformed rule set digest", REPORT, "extensions." + EXT + ".compliance",
                        edit(REPORT, o -> ((ObjectNode) o.at("/extensions/" + EXT + "/compliance"))
                                .put("rule_set_digest", "sha-256:XYZ"))),
                Arguments.of("TLP 1.0 marking", REPORT, "object_marking_refs[0]",
                        edit(REPORT, o -> ((tools.jackson.databind.node.ArrayNode) o.get("object_marking_refs"))
                                .set(0, "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"))),
                Arguments.of("no TLP marking", REPORT, "object_marking_refs",
                        edit(REPORT, o -> {
                            var refs = (tools.jackson.databind.node.ArrayNode) o.get("object_marking_refs");
                            for (int i = refs.size() - 1; i >= 0; i--) {
                                if (refs.get(i).asString().equals(amber)) {
                                    refs.remove(i);
                                }
                            }
                        })),
                Arguments.of("disclosure text altered", null, "definition.statement",
                        editType("marking-definition", o -> o.has("definition"),
                                o -> ((ObjectNode) o.get("definition")).put("statement", "We may ask you to act."))),
                Arguments.of("fact credibility out of range", null, "extensions." + EXT + ".fact.credibility",
                        editType("note", o -> true, o -> ((ObjectNode) o.at("/extensions/" + EXT + "/fact"))
                                .put("credibility", "BOGUS"))),
                Arguments.of("account id disagrees with the user-account", null, "user_id",
                        editType("user-account", o -> true, o -> o.put("user_id", "999"))),
                Arguments.of("modified before created", REPORT, "modified",
                        edit(REPORT, o -> o.put("modified", "2020-01-01T00:00:00.000Z"))),
                Arguments.of("published not a STIX timestamp", REPORT, "published",
                        edit(REPORT, o -> o.put("published", "2026-10-01 15:00"))),
                Arguments.of("actor extension missing its kind", null, "extensions." + EXT + ".actor",
                        editType("threat-actor", o -> true, o -> ((ObjectNode) o.at("/extensions/" + EXT
                                + "/actor")).remove("kind"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenBundles")
    void reverseMappingNamesTheObjectAndProperty(String name, String objectId, String property,
            List<StixObject> objects) {
        assertThatThrownBy(() -> MAPPER.fromObjects(objects, SHARE_ID))
                .isInstanceOfSatisfying(StixMappingException.class, e -> {
                    if (objectId != null) {
                        assertThat(e.objectId()).isEqualTo(objectId);
                    }
                    assertThat(e.property()).startsWith(property);
                    assertThat(e.isInputRejection()).isTrue();
                });
    }

    @Test
    void accountsThatCollideAsUserAccountsAreRefused() {
        var a = SampleData.accounts(1).get(0);
        var upper = new org.fmishare.core.model.PlatformAccount("EXAMPLESOCIAL", a.accountId(), a.handle(),
                a.url(), a.firstObserved(), a.lastObserved(), a.usPersonIndicator(), a.actorLinkBasis());
        var colliding = SampleData.passingShare().toBuilder().accounts(List.of(a, upper)).build();
        assertThatThrownBy(() -> MAPPER.toBundle(TestShares.input(colliding)))
                .isInstanceOfSatisfying(StixMappingException.class, e -> {
                    assertThat(e.property()).isEqualTo("accounts[1]");
                    assertThat(e.getMessage()).contains("same user-account");
                });
    }

    private static List<StixObject> edit(String id, Consumer<ObjectNode> change) {
        return MAPPER.toBundle(TestShares.sample()).objects().stream().map(o -> {
            if (!o.id().equals(id)) {
                return o;
            }
            ObjectNode t = o.tree();
            change.accept(t);
            return StixObject.of(t);
        }).toList();
    }

    private static List<StixObject> editType(String type, java.util.function.Predicate<ObjectNode> which,
            Consumer<ObjectNode> change) {
        boolean[] done = {false};
        return MAPPER.toBundle(TestShares.sample()).objects().stream().map(o -> {
            ObjectNode t = o.tree();
            if (done[0] || !o.type().equals(type) || !which.test(t)) {
                return o;
            }
            done[0] = true;
            change.accept(t);
            return StixObject.of(t);
        }).toList();
    }

    private static List<StixObject> remove(String id) {
        return MAPPER.toBundle(TestShares.sample()).objects().stream().filter(o -> !o.id().equals(id)).toList();
    }
}
