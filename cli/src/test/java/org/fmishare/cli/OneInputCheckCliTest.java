package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.core.json.FmiJson;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, render and sign run the same input check: a document one refuses, all refuse, the same way. */
class OneInputCheckCliTest {
    @TempDir
    static Path dir;

    @Test
    void aLoneSurrogateInAnAccountHandleIsRefusedByValidateRenderAndSignAlike() throws Exception {
        assertThat(CliTest.run("keys", "init", dir.resolve("keys").toString(), "--password", "pw").code()).isZero();
        String json = new String(FmiJson.standard().write(SampleData.passingShare()), StandardCharsets.UTF_8)
                .replaceFirst("\"handle\":\"", "\"handle\":\"\\\\uD800");
        Path share = dir.resolve("surrogate.json");
        Files.writeString(share, json);

        CliTest.Result validate = CliTest.run("validate", share.toString());
        CliTest.Result render = CliTest.run("render", share.toString());
        CliTest.Result sign = CliTest.run("sign", share.toString(), "--key",
                dir.resolve("keys/sender.p12").toString(), "--password", "pw", "-o", dir.resolve("o.json").toString());

        for (CliTest.Result r : new CliTest.Result[] {validate, render, sign}) {
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
            assertThat(r.err().strip()).contains("surrogate.json").contains("$.accounts[0].handle")
                    .contains("lone surrogate").doesNotContain("\n");
        }
        assertThat(validate.out()).doesNotContain("PASS");
        assertThat(dir.resolve("o.json")).doesNotExist();
    }
}
