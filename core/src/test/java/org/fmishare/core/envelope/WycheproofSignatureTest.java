package org.fmishare.core.envelope;

import org.fmishare.testkit.TestResources;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.fmishare.core.jose.internal.Ed25519Jws;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.CryptoProviders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Project Wycheproof signature vectors, run through the primitive each envelope algorithm uses: Nimbus's ECDSA
 * verifier for the P1363 (JWS) encoding, which transcodes to DER and calls Bouncy Castle; Bouncy Castle's
 * {@code SHA256withECDSA}/{@code SHA384withECDSA} directly for the DER files (the call Nimbus makes after
 * transcoding); the SDK's Ed25519 adapter; Nimbus's RSASSA verifier for PS256 (SHA-256, MGF1-SHA-256, 32-byte salt)
 * and, for PKCS#1 v1.5, for RS256 (not an envelope algorithm, checked because the primitive is shared).
 *
 * <p>Semantics as Tink's: every valid vector must verify, every invalid one must be rejected (an exception counts as
 * a rejection), acceptable ones may go either way and their outcome is reported. Keys that fail to parse count as
 * rejections. All mismatches are collected and asserted at once.
 */
class WycheproofSignatureTest {
    private static final Path DIR = TestResources.path(WycheproofSignatureTest.class, "/vectors/wycheproof");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ecdsa_secp256r1_sha256_test.json, DER, 484",
        "ecdsa_secp256r1_sha256_p1363_test.json, ES256, 262",
        "ecdsa_secp384r1_sha384_test.json, DER, 504",
        "ecdsa_secp384r1_sha384_p1363_test.json, ES384, 280",
        "ed25519_test.json, EdDSA, 151",
        "rsa_pss_2048_sha256_mgf1_32_test.json, PS256, 108",
        "rsa_pss_2048_sha256_mgf1_32_params_test.json, PS256, 108",
        "rsa_signature_2048_sha256_test.json, RS256, 259"
    })
    void everyVectorHasTheExpectedOutcome(String file, String primitive, int expectedTests) throws Exception {
        JsonNode root = FmiJson.standard().mapper().readTree(Files.readAllBytes(DIR.resolve(file)));
        List<String> mismatches = new ArrayList<>();
        List<String> acceptable = new ArrayList<>();
        int run = 0;
        int keyFailures = 0;
        for (JsonNode group : root.get("testGroups")) {
            PublicKey key = null;
            try {
                key = parseKey(group, primitive);
            } catch (Exception e) {
                keyFailures += group.get("tests").size();
            }
            String sha = group.has("sha") ? group.get("sha").stringValue() : "";
            for (JsonNode t : group.get("tests")) {
                run++;
                byte[] msg = HexFormat.of().parseHex(t.get("msg").stringValue());
                byte[] sig = HexFormat.of().parseHex(t.get("sig").stringValue());
                boolean verified = key != null && verify(primitive, sha, key, msg, sig);
                String result = t.get("result").stringValue();
                String id = "tcId " + t.get("tcId").intValue() + " (" + t.get("comment").stringValue() + ")";
                switch (result) {
                    case "valid" -> {
                        if (!verified) {
                            mismatches.add(id + ": valid but rejected");
                        }
                    }
                    case "invalid" -> {
                        if (verified) {
                            mismatches.add(id + ": invalid but accepted");
                        }
                    }
                    default -> acceptable.add(id + ": acceptable, " + (verified ? "accepted" : "rejected"));
                }
            }
        }
        if (!acceptable.isEmpty()) {
            System.out.println(file + " acceptable vectors: " + acceptable);
        }
        assertThat(run).as("vectors run").isEqualTo(expectedTests)
                .isEqualTo(root.get("numberOfTests").intValue());
        assertThat(keyFailures).as("tests whose key did not parse").isZero();
        assertThat(mismatches).as(file + " mismatches").isEmpty();
    }

    private static PublicKey parseKey(JsonNode group, String primitive) throws Exception {
        byte[] der = HexFormat.of().parseHex(group.get("publicKeyDer").stringValue());
        String type = switch (primitive) {
            case "DER", "ES256", "ES384" -> "EC";
            case "EdDSA" -> "Ed25519";
            default -> "RSA";
        };
        return KeyFactory.getInstance(type, CryptoProviders.provider()).generatePublic(new X509EncodedKeySpec(der));
    }

    private static boolean verify(String primitive, String sha, PublicKey key, byte[] msg, byte[] sig) {
        try {
            if (primitive.equals("DER")) {
                Signature s = Signature.getInstance(sha.replace("-", "") + "withECDSA", CryptoProviders.provider());
                s.initVerify(key);
                s.update(msg);
                return s.verify(sig);
            }
            JWSVerifier v = switch (primitive) {
                case "ES256", "ES384" -> new ECDSAVerifier((ECPublicKey) key);
                case "EdDSA" -> new Ed25519Jws.Verifier(key, CryptoProviders.provider());
                default -> new RSASSAVerifier((RSAPublicKey) key);
            };
            v.getJCAContext().setProvider(CryptoProviders.provider());
            return v.verify(new JWSHeader(JWSAlgorithm.parse(primitive)), msg, Base64URL.encode(sig));
        } catch (Exception e) {
            return false;
        }
    }
}
