package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.model.IntelligenceFinding;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.model.UsPersonIndicator;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code split}: one finding, one signed share per hosting company, declined companies listed. */
class SplitCliTest {
    private static final String PW = "s3cret";

    @TempDir
    static Path keys;

    @BeforeAll
    static void keys() {
        CliTest.Result init = CliTest.run("keys", "init", keys.toString(), "--password", PW);
        assertThat(init.code()).as(init.err()).isZero();
    }

    static Path write(Path dir, IntelligenceFinding finding) throws Exception {
        Path file = dir.resolve("finding.json");
        Files.writeString(file, FmiJson.standard().writePretty(finding));
        return file;
    }

    @Test
    void splitsAFindingIntoOneSignedSharePerHostingCompany(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("shares");
        CliTest.Result r = CliTest.run("split", TestResources.samplesDirectory().resolve("finding.json").toString(),
                "--out", out.toString(), "--key", keys.resolve("sender.p12").toString(), "--password", PW);

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("share finding-2026-0007-smc-examplesocial for smc-examplesocial: 3 account(s), "
                        + "4 fact(s); withheld (about other companies' accounts): f-5, f-6, f-7")
                .contains("share finding-2026-0007-smc-photoloop for smc-photoloop: 2 account(s), 4 fact(s)")
                .contains("skipped smc-quietboard (DECLINED): 1 account(s) not shared")
                .contains("unhosted UnlistedTube:ut-9: no listed company hosts UnlistedTube; not shared")
                .contains("2 share(s) from finding finding-2026-0007, 1 company(ies) skipped, 1 account(s) unhosted");
        EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchors(Credentials.certificatesFromPem(
                Files.readString(keys.resolve("ca.pem")))).anyRecipient().build();
        for (String company : List.of("smc-examplesocial", "smc-photoloop")) {
            String id = "finding-2026-0007-" + company;
            ThreatShare written = FmiJson.standard().read(Files.readAllBytes(out.resolve(id + ".json")),
                    ThreatShare.class);
            VerifiedEnvelope v = verifier.verify(Files.readAllBytes(out.resolve(id + ".jws.json")));
            assertThat(v.recipientId()).isEqualTo(company);
            assertThat(v.share()).contains(written);
            assertThat(written.accounts()).allSatisfy(a -> assertThat(SampleData.finding().hostOf(a.platform())
                    .orElseThrow().id()).isEqualTo(company));
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "finding-2026-0007-smc-examplesocial.json", "finding-2026-0007-smc-examplesocial.jws.json",
                    "finding-2026-0007-smc-photoloop.json", "finding-2026-0007-smc-photoloop.jws.json");
        }
    }

    @Test
    void aShareTheSopRefusesIsReportedAndTheOthersAreStillSigned(@TempDir Path dir) throws Exception {
        IntelligenceFinding f = SampleData.finding();
        List<PlatformAccount> accounts = f.accounts().stream().map(a -> !a.ref().equals("PhotoLoop:pl-7001") ? a
                : new PlatformAccount(a.platform(), a.accountId(), a.handle(), a.url(), a.firstObserved(),
                        a.lastObserved(), UsPersonIndicator.KNOWN_US_PERSON, java.util.Optional.empty())).toList();
        IntelligenceFinding usPerson = new IntelligenceFinding(f.id(), f.createdAt(), f.sendingOffice(),
                f.fitfCoordination(), f.actor(), f.operation(), accounts, f.facts().stream()
                        .filter(x -> !List.of("f-5", "f-6", "f-7").contains(x.id())).toList(), f.assessment(),
                f.covertBasis(), f.electionNexus(), f.handling(), f.narrative(), f.ruleSetId(), f.companies());
        Path out = dir.resolve("shares");
        CliTest.Result r = CliTest.run("split", write(dir, usPerson).toString(), "--out", out.toString(),
                "--key", keys.resolve("sender.p12").toString(), "--password", PW);

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("nothing signed for smc-photoloop");
        assertThat(r.err()).contains("1 of 2 share(s) refused by the SOP");
        assertThat(out.resolve("finding-2026-0007-smc-examplesocial.jws.json")).exists();
        assertThat(out.resolve("finding-2026-0007-smc-photoloop.jws.json")).doesNotExist();
    }

    @Test
    void withoutAKeyTheSharesAreOnlyWrittenAndABadFindingIsUnreadableInput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("plan");
        CliTest.Result r = CliTest.run("split", write(dir, SampleData.finding()).toString(), "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("finding-2026-0007-smc-photoloop.json")).exists();
        assertThat(out.resolve("finding-2026-0007-smc-photoloop.jws.json")).doesNotExist();

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, FmiJson.standard().writePretty(SampleData.passingShare()));
        CliTest.Result unreadable = CliTest.run("split", bad.toString(), "--out", out.toString());
        assertThat(unreadable.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(unreadable.err()).startsWith("fmi-share: " + bad);
    }
}
