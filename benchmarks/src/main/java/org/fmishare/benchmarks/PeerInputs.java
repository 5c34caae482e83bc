package org.fmishare.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.transport.taxii.stix.StixBundle;
import org.fmishare.transport.taxii.stix.StixShareMapper;

/**
 * Writes the inputs the peer scripts under {@code benchmarks/peers} read, so that both sides process the same bytes:
 * {@code ca-ES256.pem} and {@code envelopes-ES256.jsonl} (and the same for EdDSA): typical signed envelopes, one per
 * line, and the CA that issued their signer; {@code stix-bundle.json}: the STIX bundle of a typical share.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fmishare.benchmarks.PeerInputs <directory> [envelopes]} (default 200).
 */
public final class PeerInputs {
    private PeerInputs() {}

    /**
     * Writes the files.
     *
     * @param args the output directory, then optionally how many envelopes per algorithm
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Files.createDirectories(dir);
        for (String alg : List.of("ES256", "EdDSA")) {
            Fixture f = new Fixture("ES256".equals(alg) ? KeyAlgorithm.EC_P256 : KeyAlgorithm.ED25519);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                lines.add(new String(f.prepare(Fixture.share(Fixture.TYPICAL_ACCOUNTS, Fixture.TYPICAL_FACTS))
                        .serialized(), StandardCharsets.UTF_8));
            }
            Files.write(dir.resolve("envelopes-" + alg + ".jsonl"), lines, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("ca-" + alg + ".pem"), pem(f.ca.certificate()), StandardCharsets.US_ASCII);
        }
        Fixture f = new Fixture(KeyAlgorithm.EC_P256);
        StixBundle bundle = StixShareMapper.standard().toBundle(StixMappingBenchmark.input(
                f.prepare(Fixture.share(Fixture.TYPICAL_ACCOUNTS, Fixture.TYPICAL_FACTS))));
        Files.writeString(dir.resolve("stix-bundle.json"), bundle.toJson(), StandardCharsets.UTF_8);
        System.out.println("wrote " + count + " envelopes per algorithm and a STIX bundle of "
                + bundle.objects().size() + " objects to " + dir);
    }

    private static String pem(java.security.cert.X509Certificate c) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
