package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards published rule-set versions against in-place edits. Envelopes name a rule set by id and version, and
 * receivers re-check them under exactly that document for as long as such envelopes exist, so a released document
 * must never change: a change is a new version in a new file. Each bundled document is pinned here by the SHA-256
 * of its bytes and by its {@link RuleSet#digest()} (the canonical-JSON digest that envelopes carry).
 *
 * <p>When this test fails because a released file changed, restore the file and add the change as a new version
 * instead. When it fails because a new version was added, pin the new file here (and only the new one).
 */
class PublishedRuleSetsTest {
    private record Published(String id, String version, String fileSha256, String digest) {}

    private static final Map<String, Published> RELEASED = Map.of(
            "sop-2024-02.json", new Published("sop-2024-02", "1.0.0",
                    "e7785ad291494bbf8c03b54cb1d4bbc30d8de8136a130f21f261cd071fbb20fd",
                    "sha-256:d6799fef570152c70aab89936fac5775cd9121406785ca7b78323b5aac50e24f"),
            "sop-2024-02-1.1.0.json", new Published("sop-2024-02", "1.1.0",
                    "1ab129d9274f89f5488f041c053d1d172992ed80537ead096dd866d35660ae95",
                    "sha-256:03ea27919e909df409d634a5949b3485c285d3c27b8d68d1b1212d4def0a8416"));

    private static Path bundledDirectory() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(RuleSet.class.getResource(RuleSet.SOP_2024_02_RESOURCE)).toURI())
                .getParent();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void everyReleasedRuleSetDocumentIsByteForByteAsPublished() throws Exception {
        Map<String, String> found = new TreeMap<>();
        Map<String, String> expected = new TreeMap<>();
        for (Map.Entry<String, Published> e : RELEASED.entrySet()) {
            byte[] bytes;
            try (InputStream in = RuleSet.class.getResourceAsStream("/org/fmishare/sop/rulesets/" + e.getKey())) {
                assertThat(in).as(e.getKey() + " is missing: a released version is never deleted").isNotNull();
                bytes = in.readAllBytes();
            }
            RuleSet rs = RuleSet.parse(bytes, e.getKey());
            found.put(e.getKey(), rs.id() + " " + rs.version() + " " + sha256(bytes) + " " + rs.digest());
            Published p = e.getValue();
            expected.put(e.getKey(), p.id() + " " + p.version() + " " + p.fileSha256() + " " + p.digest());
        }
        assertThat(found).as("a released rule set was edited in place; restore it and publish the change as a new "
                + "version").isEqualTo(expected);
    }

    @Test
    void everyBundledRuleSetDocumentIsPinnedAndBundled() throws IOException, URISyntaxException {
        List<String> files;
        try (Stream<Path> list = Files.list(bundledDirectory())) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("every rule-set document shipped in the jar is pinned in this test")
                .containsExactlyInAnyOrderElementsOf(RELEASED.keySet());
        assertThat(RuleSets.standard().all()).extracting(r -> r.id() + " " + r.version() + " " + r.digest())
                .containsExactlyInAnyOrderElementsOf(RELEASED.values().stream()
                        .map(p -> p.id() + " " + p.version() + " " + p.digest()).toList());
    }
}
