package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.core.json.FmiJson;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestResources;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A share's life over TAXII on the command line, against a loopback TAXII server: {@code send} of a share, its
 * correction and its retraction, {@code taxii pull --states} twice, {@code respond --to taxii+http://} and
 * {@code responses pull}.
 */
class TaxiiShareLifeCliTest {
    private static final String PW = "s3cret";
    @TempDir
    static Path keys;
    @TempDir
    static Path strangerKeys;
    static Path share;

    @BeforeAll
    static void initKeysAndSignAShare() {
        for (Path k : new Path[] {keys, strangerKeys}) {
            CliTest.Result r = CliTest.run("keys", "init", k.toString(), "--password", PW);
            assertThat(r.code()).as(r.err()).isZero();
        }
        share = keys.resolve("share.jws.json");
        CliTest.Result sign = CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json")
                .toString(), "--key", keys.resolve("sender.p12").toString(), "--password", PW, "-o", share.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
    }

    private static String ca() {
        return keys.resolve("ca.pem").toString();
    }

    private static String to(TaxiiTestServer server) {
        URI root = server.apiRootUri();
        return "taxii+http://" + root.getRawAuthority() + root.getRawPath() + "collections/shares/";
    }

    private static void send(Path envelope, TaxiiTestServer server, Path dir) {
        CliTest.Result r = CliTest.run("send", envelope.toString(), "--to", to(server), "--outbox",
                dir.resolve("outbox").toString(), "--signer-trust", ca(), "--user", "agency", "--password", "taxii-pw",
                "--max-attempts", "3");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("delivered");
    }

    private static CliTest.Result pull(TaxiiTestServer server, Path states) {
        return CliTest.run("taxii", "pull", server.apiRootUri().toString(), "--collection", "shares",
                "--signer-trust", ca(), "--states", states.toString(), "--user", "agency", "--password", "taxii-pw");
    }

    @Test
    void correctionAndRetractionAreSentAndPulledIntoTheStatesAndAPullAgainChangesNothing(@TempDir Path dir)
            throws Exception {
        Path corrected = dir.resolve("corrected.json");
        Files.write(corrected, FmiJson.standard().write(SampleData.correction().correctedShare().orElseThrow()));
        Path correction = dir.resolve("correction.jws.json");
        CliTest.Result c = CliTest.run("correct", share.toString(), "--share", corrected.toString(), "--reason",
                SampleData.correction().reason(), "--key", keys.resolve("sender.p12").toString(), "--password", PW,
                "--signer-trust", ca(), "-o", correction.toString());
        assertThat(c.code()).as(c.err()).isZero();
        Path retraction = dir.resolve("retraction.jws.json");
        CliTest.Result r = CliTest.run("retract", share.toString(), "--reason", SampleData.retraction().reason(),
                "--key", keys.resolve("sender.p12").toString(), "--password", PW, "--signer-trust", ca(), "-o",
                retraction.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path states = dir.resolve("share-states.jsonl");
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .user("agency", "taxii-pw".toCharArray()).start()) {
            send(share, server, dir);
            send(correction, server, dir);
            CliTest.Result corrected1 = pull(server, states);
            assertThat(corrected1.code()).as(corrected1.out() + corrected1.err()).isZero();
            assertThat(corrected1.out()).contains("state: share-2026-0001 CORRECTED")
                    .contains("1 share(s) pulled, 1 verified, 0 rejected, 0 skipped")
                    .contains("1 correction(s), 0 retraction(s), 0 orphaned, 2 change(s) applied");

            send(retraction, server, dir);
            CliTest.Result retracted = pull(server, states);
            assertThat(retracted.code()).as(retracted.out() + retracted.err()).isZero();
            assertThat(retracted.out()).contains("state: share-2026-0001 RETRACTED")
                    .contains("1 correction(s), 1 retraction(s), 0 orphaned, 1 change(s) applied");
            CliTest.Result again = pull(server, states);
            assertThat(again.code()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("state: share-2026-0001 RETRACTED")
                    .contains("1 correction(s), 1 retraction(s), 0 orphaned, 0 change(s) applied");
            assertThat(again.err()).doesNotContain("replay").doesNotContain("REPLAY");
        }
    }

    @Test
    void aResponseIsPublishedToTheCollectionAndRecordedOnceAndAForgedOneIsRefused(@TempDir Path dir) {
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .user("agency", "taxii-pw".toCharArray()).start()) {
            send(share, server, dir);
            CliTest.Result responded = CliTest.run("respond", share.toString(), "--kind", "took-independent-action",
                    "--note", "Reviewed under our own policies.", "--key", keys.resolve("recipient.p12").toString(),
                    "--password", PW, "--signer-trust", ca(), "--to", to(server), "--taxii-user", "agency",
                    "--taxii-password", "taxii-pw");
            assertThat(responded.code()).as(responded.out() + responded.err()).isZero();
            assertThat(responded.out()).contains("delivered to taxii+http://");

            String[] pull = {"responses", "pull", server.apiRootUri().toString(), "--collection", "shares",
                "--office", "fitf", "--signer-trust", ca(), "--sent", share.toString(), "--audit",
                dir.resolve("audit.log").toString(), "--sealer-key", keys.resolve("audit-sealer.p12").toString(),
                "--password", PW, "--user", "agency", "--taxii-password", "taxii-pw"};
            CliTest.Result recorded = CliTest.run(pull);
            assertThat(recorded.code()).as(recorded.out() + recorded.err()).isZero();
            assertThat(recorded.out()).contains("recorded response-").contains("TOOK_INDEPENDENT_ACTION")
                    .contains("1 response(s) recorded, 0 recorded before, 0 refused");
            CliTest.Result again = CliTest.run(pull);
            assertThat(again.code()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("0 response(s) recorded, 1 recorded before, 0 refused");

            // A response signed with a receipt key the office's CA never issued.
            CliTest.Result forged = CliTest.run("respond", share.toString(), "--kind", "declined", "--key",
                    strangerKeys.resolve("recipient.p12").toString(), "--password", PW, "--signer-trust", ca(), "--to",
                    to(server), "--taxii-user", "agency", "--taxii-password", "taxii-pw");
            assertThat(forged.code()).as(forged.out() + forged.err()).isZero();
            CliTest.Result refused = CliTest.run(pull);
            assertThat(refused.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.err()).contains("response refused");
            assertThat(refused.out()).contains("0 response(s) recorded, 1 recorded before, 1 refused");
        }
    }
}
