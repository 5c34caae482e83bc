package org.fmishare.transport.taxii.stix;

import static org.fmishare.transport.taxii.stix.StixNames.EXT;
import static org.fmishare.transport.taxii.stix.StixNames.rename;

import java.util.Locale;
import java.util.Objects;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.transport.taxii.internal.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A company's signed response to a share as a STIX 2.1 {@code note} that any TAXII client can read.
 *
 * <p>Why a {@code note} and not an {@code opinion}: an opinion's required {@code opinion} property grades how far
 * the author agrees that the referenced information is correct ({@code strongly-disagree} to {@code
 * strongly-agree}). A company's response says nothing of the kind: an acknowledgement, independent action under its
 * own policies, declining, or no response. Forcing one of those onto the agreement scale would put words in the
 * company's mouth, and would read as a grade of the office's share. A note is STIX's object for "additional
 * information" about other objects, with free text and no scale, which is what a response is.
 *
 * <p>The note: id {@code note--} UUIDv5 over the company and the response id (so a retried publication re-adds the
 * same object), {@code created} and {@code modified} the response's time, {@code created_by_ref} the recipient
 * identity of the share (the company), {@code authors} the company id, {@code abstract} and {@code content} in words
 * (the company's note if it gave one), {@code object_refs} the share's report, the share's TLP 2.0 marking when known,
 * and in the fmi-share extension: {@code response} (the response as signed), {@code in_reply_to} (the envelope
 * answered) and the signed response envelope exactly as shares carry theirs ({@code envelope_jws}, {@code
 * envelope_id}, {@code envelope_digest}, {@code envelope_media_type}).
 *
 * <p>Stateless and thread-safe.
 */
public final class StixResponses {
    private StixResponses() {}

    /**
     * The STIX id of a company's response note.
     *
     * @param companyId the responding company
     * @param responseId the response's id
     * @return {@code note--UUIDv5}
     */
    public static String noteId(String companyId, String responseId) {
        return "note--" + StixIds.uuid5(StixIds.FMI_NAMESPACE, "response|" + Objects.requireNonNull(companyId,
                "companyId") + "|" + Objects.requireNonNull(responseId, "responseId"));
    }

    /**
     * Maps a response to its note.
     *
     * @param input the response and its signed envelope
     * @return the note
     */
    public static StixObject note(StixResponseInput input) {
        Objects.requireNonNull(input, "input");
        SmcResponse r = input.response();
        String at = StixJson.timestamp(r.recordedAt());
        String kind = r.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        ObjectNode n = StixJson.MAPPER.createObjectNode();
        n.put("type", "note");
        n.put("spec_version", "2.1");
        n.put("id", noteId(r.companyId(), r.id()));
        n.put("created_by_ref", StixIds.shareObjectId("identity", r.shareId(), "recipient"));
        n.put("created", at);
        n.put("modified", at);
        n.put("abstract", "fmi-share response from " + r.companyId() + " to share " + r.shareId() + ": " + kind);
        n.put("content", r.note().orElse("The company's response: " + kind + ". Every response, and none, is "
                + "voluntary and has no consequence."));
        n.putArray("authors").add(r.companyId());
        n.putArray("object_refs").add(StixIds.reportId(r.shareId()));
        input.tlpMarkingId().ifPresent(m -> n.putArray("object_marking_refs").add(m));
        ObjectNode x = n.putObject("extensions").putObject(EXT);
        x.put("extension_type", "property-extension");
        x.set("response", rename(StixJson.MAPPER.readTree(FmiJson.standard().write(r)), StixNames::snake));
        ObjectNode reply = x.putObject("in_reply_to");
        reply.put("envelope_id", input.inReplyTo().envelopeId());
        reply.put("digest", input.inReplyTo().digest());
        x.put("envelope_id", input.envelopeId());
        x.put("envelope_digest", input.envelopeDigest());
        x.put("envelope_media_type", "application/jose+json");
        x.put("envelope_jws", input.envelopeJws());
        return StixObject.of(n);
    }

    /**
     * Whether an object is an fmi-share response note (a {@code note} whose fmi-share extension has a {@code
     * response}); collections are shared with other producers, whose notes are not responses.
     *
     * @param object a STIX object
     * @return true for a response note
     */
    public static boolean isResponse(StixObject object) {
        Objects.requireNonNull(object, "object");
        return object.type().equals("note") && object.tree().path("extensions").path(EXT).has("response");
    }

    /**
     * Reads a response back from its note.
     *
     * @param note a response note
     * @return the response, not yet verified
     * @throws StixMappingException naming the note and property that does not map
     */
    public static PulledResponse read(StixObject note) {
        Objects.requireNonNull(note, "note");
        String id = note.id();
        JsonNode x = note.tree().path("extensions").path(EXT);
        if (!note.type().equals("note") || !x.path("response").isObject()) {
            throw new StixMappingException(id, "extensions." + EXT + ".response", "not an fmi-share response note");
        }
        SmcResponse response;
        try {
            response = FmiJson.standard().read(StixJson.MAPPER.writeValueAsBytes(rename(x.get("response"),
                    StixNames::camel)), SmcResponse.class);
        } catch (JsonCodecException e) {
            throw new StixMappingException(id, "extensions." + EXT + ".response", e.getMessage(), e);
        }
        if (!id.equals(noteId(response.companyId(), response.id()))) {
            throw new StixMappingException(id, "id", "is not the note id of response " + response.id() + " from "
                    + response.companyId() + " (" + noteId(response.companyId(), response.id()) + ")");
        }
        if (!"application/jose+json".equals(x.path("envelope_media_type").asString(""))) {
            throw new StixMappingException(id, "extensions." + EXT + ".envelope_media_type",
                    "must be application/jose+json");
        }
        EnvelopeReference inReplyTo;
        try {
            inReplyTo = new EnvelopeReference(x.path("in_reply_to").path("envelope_id").asString(""),
                    x.path("in_reply_to").path("digest").asString(""));
        } catch (IllegalArgumentException e) {
            throw new StixMappingException(id, "extensions." + EXT + ".in_reply_to", e.getMessage(), e);
        }
        String jws = x.path("envelope_jws").asString("");
        if (jws.isEmpty()) {
            throw new StixMappingException(id, "extensions." + EXT + ".envelope_jws", "must be a non-empty string");
        }
        return new PulledResponse(id, response, inReplyTo, x.path("envelope_id").asString(""),
                x.path("envelope_digest").asString(""), jws);
    }
}
