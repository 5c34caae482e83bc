package org.fmishare.transport.taxii;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.envelope.EncryptedEnvelope;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.transport.taxii.stix.PulledResponse;
import org.fmishare.transport.taxii.stix.StixIds;
import org.fmishare.transport.taxii.stix.StixMappingException;
import org.fmishare.transport.taxii.stix.StixMarkings;
import org.fmishare.transport.taxii.stix.StixObject;
import org.fmishare.transport.taxii.stix.StixResponseInput;
import org.fmishare.transport.taxii.stix.StixResponses;

/**
 * Company responses over TAXII, both sides: the company publishes its signed response as a STIX {@code note} on the
 * share's report ({@link StixResponses} says why a note), and the office reads the notes of a collection back.
 *
 * <p>Reading does not verify: the office verifies each {@link PulledResponse#envelopeBytes()} against the
 * companies' receipt certificates, the same trust as for responses over HTTPS and email (the audit module's
 * {@code ResponseRecorder.record} does that, checks the response answers an envelope the office sent to that company
 * and records it once), then checks with {@link PulledResponse#requireSameAs} that the note says what was signed.
 */
public final class TaxiiResponses {
    private TaxiiResponses() {}

    /**
     * What a read of a collection found: the response notes, and the notes that claim to be responses but do not map.
     *
     * @param responses the response notes, in server order (latest version of each)
     * @param malformed the notes with the fmi-share {@code response} property that do not map, each with the reason
     */
    public record Pulled(List<PulledResponse> responses, List<StixMappingException> malformed) {
        /** Copies the lists. */
        public Pulled {
            responses = List.copyOf(Objects.requireNonNull(responses, "responses"));
            malformed = List.copyOf(Objects.requireNonNull(malformed, "malformed"));
        }
    }

    /**
     * Publishes a company's signed response to a share as a note on the share's report. The note carries the share's
     * TLP 2.0 marking when the collection can be read and holds the report (so the response is handled as the share
     * it answers); otherwise it is unmarked.
     *
     * @param client the client
     * @param collection the collection the share was published to (or the one the office reads responses from)
     * @param response the signed response (a {@code RECEIPT} envelope from {@code EnvelopeSigner.signResponse})
     * @return the outcome; {@link PublishResult#delivered()} is delivery
     * @throws IllegalArgumentException when the envelope is not a signed response
     * @throws TaxiiException on any failure
     */
    public static PublishResult publish(TaxiiClient client, TaxiiCollection collection, OutboundEnvelope response) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(response, "response");
        if (response instanceof EncryptedEnvelope) {
            throw new IllegalArgumentException("envelope " + response.envelopeId() + " is encrypted; a response note "
                    + "carries the signed envelope");
        }
        StixResponseInput probe = StixResponseInput.of(response.content(), response.serialized(), Optional.empty());
        StixResponseInput input = StixResponseInput.of(response.content(), response.serialized(),
                shareMarking(client, collection, probe.response().shareId()));
        return client.publish(collection, List.of(StixResponses.note(input)));
    }

    /**
     * Reads every response note of a collection (notes of other producers are passed over).
     *
     * @param client the client
     * @param collection the collection
     * @return the responses and the malformed response notes
     * @throws TaxiiException on any failure
     */
    public static Pulled pull(TaxiiClient client, TaxiiCollection collection) {
        Objects.requireNonNull(client, "client");
        List<PulledResponse> ok = new ArrayList<>();
        List<StixMappingException> bad = new ArrayList<>();
        client.forEachObject(collection, ObjectQuery.builder().matchType("note").build(), o -> {
            if (StixResponses.isResponse(o)) {
                try {
                    ok.add(StixResponses.read(o));
                } catch (StixMappingException e) {
                    bad.add(e);
                }
            }
        });
        return new Pulled(ok, bad);
    }

    /** The TLP marking of the share's latest report version, when the collection shows it. */
    private static Optional<String> shareMarking(TaxiiClient client, TaxiiCollection collection, String shareId) {
        if (!collection.canRead()) {
            return Optional.empty();
        }
        List<StixObject> reports;
        try {
            reports = client.getObject(collection, StixIds.reportId(shareId), ObjectQuery.all());
        } catch (TaxiiException.HttpError e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        for (StixObject r : reports) {
            for (var ref : r.tree().path("object_marking_refs")) {
                String id = ref.asString("");
                if (StixMarkings.tlpFor(id).isPresent()) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }
}
