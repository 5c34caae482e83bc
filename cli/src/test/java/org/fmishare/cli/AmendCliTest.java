package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.core.json.FmiJson;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** correct and retract: sign an amendment of a signed share, then verify it; refusals name the rule or reference. */
class AmendCliTest {
    @TempDir
    static Path keys;
    static Path original;

    @BeforeAll
    static void initKeysAndSignAShare() {
        CliTest.Result r = CliTest.run("keys", "init", keys.toString(), "--password", "s3cret");
        assertThat(r.code()).as(r.err()).isZero();
        original = keys.resolve("share.jws.json");
        CliTest.Result sign = CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json")
                .toString(), "--key", key(), "--password", "s3cret", "-o", original.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
    }

    static String key() {
        return keys.resolve("sender.p12").toString();
    }

    static String ca() {
        return keys.resolve("ca.pem").toString();
    }

    @Test
    void retractSignsARetractionThatVerifyReadsAsSuch(@TempDir Path dir) {
        Path out = dir.resolve("retraction.jws.json");
        CliTest.Result r = CliTest.run("retract", original.toString(), "--reason", SampleData.retraction().reason(),
                "--id", "amend-1", "--key", key(), "--password", "s3cret", "--signer-trust", ca(), "-o",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("signed retraction").contains("of share share-2026-0001");
        CliTest.Result v = CliTest.run("verify", out.toString(), "--signer-trust", ca(), "--recipient",
                "smc-examplesocial");
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("SHARE_AMENDMENT").contains("retraction amend-1 of share share-2026-0001")
                .contains("amends:").contains("re-checked");
    }

    @Test
    void retractWithABlankReasonIsRefusedNamingTheRule(@TempDir Path dir) {
        CliTest.Result r = CliTest.run("retract", original.toString(), "--reason", " ", "--key", key(),
                "--password", "s3cret", "--signer-trust", ca(), "-o", dir.resolve("r.json").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("AM-REASON").contains("$.reason");
        assertThat(dir.resolve("r.json")).doesNotExist();
    }

    @Test
    void correctSignsTheCorrectedShareAndRefusesAShareWithAnotherId(@TempDir Path dir) throws Exception {
        Path corrected = dir.resolve("corrected.json");
        Files.write(corrected, FmiJson.standard().write(SampleData.correction().correctedShare().orElseThrow()));
        Path out = dir.resolve("correction.jws.json");
        CliTest.Result r = CliTest.run("correct", original.toString(), "--share", corrected.toString(), "--reason",
                SampleData.correction().reason(), "--key", key(), "--password", "s3cret", "--signer-trust", ca(),
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("signed correction");

        Path other = dir.resolve("other.json");
        Files.write(other, FmiJson.standard().write(SampleData.passingShare().toBuilder().id("share-2026-0042")
                .build()));
        CliTest.Result refused = CliTest.run("correct", original.toString(), "--share", other.toString(),
                "--reason", "Wrong share.", "--key", key(), "--password", "s3cret", "--signer-trust", ca(), "-o",
                dir.resolve("x.json").toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("amendment-reference").contains("share-2026-0042");
    }
}
