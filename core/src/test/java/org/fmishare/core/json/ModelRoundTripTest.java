package org.fmishare.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fmishare.core.model.*;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every model type survives write-then-read unchanged, and its JSON properties are exactly its components. */
class ModelRoundTripTest {
    private static final FmiJson JSON = FmiJson.standard();

    static Stream<Object> samples() throws IOException {
        ThreatShare share = SampleData.passingShare();
        SocialMediaCompany withCert = new SocialMediaCompany("smc-certs", "Certified Social", List.of("CS"),
                new Location(CountryCode.of("IE"), Optional.empty(), "Dublin"),
                Participation.optedIn(Instant.parse("2025-01-01T00:00:00Z")), Participation.notAsked(),
                List.of(), List.of(TransportKind.TAXII),
                List.of(new SmcCertificate(CertificateUsage.ENCRYPTION, testCertificatePem())));
        return Stream.of(share, SampleData.failingShare(),
                share.toBuilder().sendingOffice(SampleData.westernFieldOffice())
                        .fitfCoordination(SampleData.coordination()).actor(SampleData.proxyActor()).build(),
                SampleData.share(50, 12), SampleData.meeting(), SampleData.adHocMeeting(), SampleData.briefing(),
                SampleData.response(), SampleData.inboundReport(), SampleData.proxyActor(), SampleData.operation(),
                SampleData.election(), SampleData.company(), SampleData.decliningCompany(), withCert,
                SampleData.fitf(), SampleData.coordination(), CoveredCountries.statutory(),
                share.facts().get(0), share.accounts().get(0), share.assessment(), share.covertBasis(),
                CountryCode.of("KP"), InformationCredibility.DOUBTFUL, TlpMarking.AMBER_STRICT,
                new FitfInvolvement(FitfRole.OVERSEES, Optional.of("FITF unit chief")),
                new Contact("Desk", "On call", "desk@example.test"),
                new Audience("NASED", AudienceKind.ELECTION_OFFICIALS_ASSOCIATION),
                new SmcResponse("r-2", "share-1", "smc-1", ResponseKind.NO_RESPONSE,
                        Instant.parse("2026-10-03T00:00:00.123456789Z"), Optional.empty()));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void writeThenReadYieldsAnEqualValue(Object value) {
        byte[] json = JSON.write(value);
        Object back = JSON.read(json, value.getClass());
        assertThat(back).isEqualTo(value);
        assertThat(JSON.write(back)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void prettyFormReadsBackToo(Object value) {
        assertThat(JSON.read(JSON.writePretty(value), value.getClass())).isEqualTo(value);
    }

    @Test
    void jsonPropertiesAreExactlyTheRecordComponents() {
        ThreatShare share = SampleData.passingShare();
        JsonNode tree = JSON.mapper().readTree(JSON.write(share));
        assertPropertiesMatch(ThreatShare.class, tree);
        assertPropertiesMatch(Office.class, tree.get("sendingOffice"));
        assertPropertiesMatch(SocialMediaCompany.class, tree.get("recipient"));
        assertPropertiesMatch(PlatformAccount.class, tree.get("accounts").get(0));
        assertPropertiesMatch(Fact.class, tree.get("facts").get(0));
        assertPropertiesMatch(FmiOperation.class, tree.get("operation"));
        JsonNode meeting = JSON.mapper().readTree(JSON.write(SampleData.meeting()));
        assertPropertiesMatch(Meeting.class, meeting, "cadenceJustification");
        JsonNode proxy = JSON.mapper().readTree(JSON.write(SampleData.proxyActor()));
        assertPropertiesMatch(ForeignActor.class, proxy);
    }

    @Test
    void timestampsAreIsoUtcAndDatesAreIsoDates() {
        String json = JSON.writeString(SampleData.passingShare());
        assertThat(json).contains("\"createdAt\":\"2026-10-01T15:00:00Z\"")
                .contains("\"collectedOn\":\"2026-09-20\"")
                .contains("\"credibility\":1");
    }

    @Test
    void emptyOptionalsAreOmittedAndEmptyListsWritten() {
        String json = JSON.writeString(SampleData.passingShare());
        assertThat(json).doesNotContain("fitfCoordination").contains("\"areaOfResponsibility\":[]");
    }

    @Test
    void readsFromAStream() {
        byte[] json = JSON.write(SampleData.meeting());
        assertThat(JSON.read(new java.io.ByteArrayInputStream(json), Meeting.class)).isEqualTo(SampleData.meeting());
    }

    private static void assertPropertiesMatch(Class<? extends Record> type, JsonNode node, String... optionalPresent) {
        Set<String> components = new TreeSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> components.add(c.getName()));
        Set<String> names = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        // Absent optionals are omitted, so JSON names are a subset; every name must be a component.
        assertThat(components).as(type.getSimpleName()).containsAll(names);
        if (optionalPresent.length > 0) {
            assertThat(names).as(type.getSimpleName()).contains(optionalPresent);
        }
    }

    static String testCertificatePem() throws IOException {
        try (InputStream in = ModelRoundTripTest.class.getResourceAsStream("/certs/smc-encryption-cert.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
