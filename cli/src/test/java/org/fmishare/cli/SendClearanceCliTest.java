package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestResources;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send --clearance}: a share marked above the recipient's clearance never leaves. */
class SendClearanceCliTest {
    private static final String PW = "s3cret";

    @TempDir
    static Path keys;

    static Path envelope;

    @BeforeAll
    static void signedAmberShare() {
        CliTest.Result init = CliTest.run("keys", "init", keys.toString(), "--password", PW);
        assertThat(init.code()).as(init.err()).isZero();
        envelope = keys.resolve("share.jws.json");
        CliTest.Result sign = CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json")
                .toString(), "--key", keys.resolve("sender.p12").toString(), "--password", PW, "-o",
                envelope.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
        assertThat(SampleData.passingShare().handling().label()).isEqualTo("TLP:AMBER");
    }

    @Test
    void aShareAboveTheClearanceIsRefusedBeforeAnythingIsSent(@TempDir Path dir) {
        try (TaxiiTestServer taxii = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .user("agency", "taxii-pw".toCharArray()).start()) {
            URI root = taxii.apiRootUri();
            String to = "taxii+http://" + root.getRawAuthority() + root.getRawPath() + "collections/shares/";
            String ca = keys.resolve("ca.pem").toString();

            CliTest.Result refused = CliTest.run("send", envelope.toString(), "--to", to, "--outbox",
                    dir.resolve("green").toString(), "--signer-trust", ca, "--user", "agency", "--password", "taxii-pw",
                    "--clearance", "GREEN");
            assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.err()).contains("TLP:AMBER").contains("TLP:GREEN").contains("highest-tlp")
                    .contains("nothing was sent");
            assertThat(taxii.storedObjects("shares")).isEmpty();

            CliTest.Result strict = CliTest.run("send", envelope.toString(), "--to", to, "--outbox",
                    dir.resolve("strict").toString(), "--signer-trust", ca, "--user", "agency", "--password", "taxii-pw",
                    "--clearance", "amber+strict");
            assertThat(strict.code()).as(strict.out() + strict.err()).isZero();
            assertThat(taxii.storedObjects("shares")).isNotEmpty();
        }
    }

    @Test
    void aRedClearanceMustNameItsRecipientsAndAnUnknownLevelIsAUsageError(@TempDir Path dir) {
        String ca = keys.resolve("ca.pem").toString();
        CliTest.Result red = CliTest.run("send", envelope.toString(), "--to", "taxii+http://127.0.0.1:9/x/",
                "--outbox", dir.toString(), "--signer-trust", ca, "--clearance", "RED");
        assertThat(red.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(red.err()).contains("red-names-recipients").contains("--red-recipient");

        CliTest.Result named = CliTest.run("send", envelope.toString(), "--to", "taxii+http://127.0.0.1:9/x/",
                "--outbox", dir.toString(), "--signer-trust", ca, "--red-recipient", "taxii+http://127.0.0.1:9/x/");
        assertThat(named.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(named.err()).contains("red-recipients-only-with-red");

        CliTest.Result unknown = CliTest.run("send", envelope.toString(), "--to", "taxii+http://127.0.0.1:9/x/",
                "--outbox", dir.toString(), "--signer-trust", ca, "--clearance", "PURPLE");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--clearance must be CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
    }
}
