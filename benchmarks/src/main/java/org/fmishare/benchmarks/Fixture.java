package org.fmishare.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.fmishare.core.envelope.EnvelopeAlgorithm;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.ReplayCache;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.transport.https.HttpsReceiverServer;
import org.fmishare.testkit.TestPki;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.DisclosureVerifier;
import org.fmishare.sop.Preparer;
import org.fmishare.sop.SopValidator;

/** Shared set-up: one PKI, signer, verifier and the SDK's services, built once per benchmark trial. */
final class Fixture {
    /** A typical share as the benchmarks issue defines it: about 20 accounts and 5 facts. */
    static final int TYPICAL_ACCOUNTS = 20;
    static final int TYPICAL_FACTS = 5;

    final TestPki.Authority ca = TestPki.authority("benchmark CA");
    final SigningCredential credential;
    final EnvelopeSigner signer;
    final EnvelopeVerifier verifier;
    /**
     * The receiver's requests per connection: the server's default (persistent connections), or the value of the
     * system property {@code fmishare.bench.requestsPerConnection} ({@code 1}: one request per connection, how the
     * receiver served before persistent connections), to compare the two in one build.
     *
     * @param server the receiver's builder
     * @return the same builder
     */
    static HttpsReceiverServer.Builder connections(HttpsReceiverServer.Builder server) {
        Integer perConnection = Integer.getInteger("fmishare.bench.requestsPerConnection");
        return perConnection == null ? server : server.maxRequestsPerConnection(perConnection);
    }

    /** The same verifier with the receiver's own SOP check of the subject ({@code SopRechecker.standard()}). */
    final EnvelopeVerifier recheckingVerifier;
    final SopValidator validator = SopValidator.standard();
    final DisclosureRenderer renderer = DisclosureRenderer.standard();
    final DisclosureVerifier disclosureVerifier = DisclosureVerifier.standard();
    final Preparer preparer;

    Fixture(KeyAlgorithm keyAlgorithm) {
        credential = ca.issueEnvelopeSigner("fitf", "benchmark signer", keyAlgorithm);
        signer = EnvelopeSigner.builder(credential, "fitf").algorithm(EnvelopeAlgorithm.defaultFor(keyAlgorithm))
                .build();
        // Benchmarks verify the same envelope many times, which the default replay cache would (rightly) refuse;
        // a cache that accepts every nonce makes the loop measure verification, not replay rejection. This is a
        // measuring device local to the benchmarks, not something the SDK offers.
        ReplayCache acceptEvery = (nonce, digest, now, retainUntil) -> ReplayCache.Use.FIRST_USE;
        verifier = EnvelopeVerifier.builder().trustAnchor(ca.certificate()).anyRecipient().replayCache(acceptEvery)
                .build();
        recheckingVerifier = EnvelopeVerifier.builder().trustAnchor(ca.certificate()).anyRecipient()
                .replayCache(acceptEvery).complianceRechecker(org.fmishare.sop.SopRechecker.standard()).build();
        preparer = Preparer.builder(signer).validator(validator).renderer(renderer).build();
    }

    static ThreatShare share(int accounts, int facts) {
        return SampleData.share(accounts, facts);
    }

    /**
     * A typical share whose every free-text sentence (narrative, fact statements, assessment, covert basis, account
     * link notes) carries the number {@code n}, so shares with different numbers share no sentence. The coercion
     * linter caches its verdict per sentence: re-validating one share measures the cached path, a stream of these
     * measures the uncached one.
     */
    static ThreatShare variedShare(int n) {
        ThreatShare base = share(TYPICAL_ACCOUNTS, TYPICAL_FACTS);
        String tag = " (report " + n + ")";
        java.util.List<org.fmishare.core.model.PlatformAccount> accounts = base.accounts().stream()
                .map(a -> new org.fmishare.core.model.PlatformAccount(a.platform(), a.accountId(), a.handle(), a.url(),
                        a.firstObserved(), a.lastObserved(), a.usPersonIndicator(),
                        a.actorLinkBasis().map(t -> sentences(t, tag))))
                .toList();
        java.util.List<org.fmishare.core.model.Fact> facts = base.facts().stream()
                .map(f -> new org.fmishare.core.model.Fact(f.id(), sentences(f.statement(), tag), f.kind(),
                        f.sourceType(), f.reliability(), f.credibility(), f.collectedOn(), f.about(),
                        f.activityDate()))
                .toList();
        return base.toBuilder()
                .id("share-varied-" + n)
                .accounts(accounts)
                .facts(facts)
                .assessment(new org.fmishare.core.model.ConfidenceAssessment(base.assessment().level(),
                        sentences(base.assessment().rationale(), tag)))
                .covertBasis(new org.fmishare.core.model.CovertBasis(base.covertBasis().indicators(),
                        sentences(base.covertBasis().statement(), tag)))
                .narrative(sentences(base.narrative(), tag))
                .build();
    }

    /** Inserts {@code tag} before the full stop of every sentence of {@code text}. */
    private static String sentences(String text, String tag) {
        return text.replace(". ", tag + ". ").replaceAll("\\.$", tag + ".");
    }

    /** The whole preparation an embedder pays for: validate, render disclosures, build payload, JCS, sign. */
    SignedEnvelope prepare(ThreatShare share) {
        if (preparer.prepare(share) instanceof Preparer.Signed signed) {
            return signed.envelope();
        }
        throw new IllegalStateException("benchmark share " + share.id() + " does not pass the SOP");
    }

    /** The JWS signing input of an envelope: ASCII of BASE64URL(header) '.' BASE64URL(payload). */
    static byte[] signingInput(SignedEnvelope envelope) {
        String json = new String(envelope.serialized(), StandardCharsets.US_ASCII);
        return (member(json, "protected") + "." + member(json, "payload")).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] signature(SignedEnvelope envelope) {
        String json = new String(envelope.serialized(), StandardCharsets.US_ASCII);
        return Base64.getUrlDecoder().decode(member(json, "signature"));
    }

    private static String member(String json, String name) {
        int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }
}
