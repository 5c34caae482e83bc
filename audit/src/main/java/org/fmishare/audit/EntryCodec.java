package org.fmishare.audit;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.jose.Jcs;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads audit entries. Design note: an entry is hashed in its RFC 8785 canonical form without its
 * {@code hash} member, and stored canonical with it, so the hash is reproducible by any JCS implementation and a
 * stored entry that is not byte-for-byte canonical is rejected rather than reinterpreted.
 */
final class EntryCodec {
    static final int MAX_ENTRY_BYTES = 64 * 1024;
    private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");
    private static final Map<String, Class<? extends AuditEvent>> TYPES = Map.ofEntries(
            Map.entry("validated", AuditEvent.Validated.class),
            Map.entry("rendered", AuditEvent.Rendered.class),
            Map.entry("signed", AuditEvent.Signed.class),
            Map.entry("dispatched", AuditEvent.Dispatched.class),
            Map.entry("share-amended", AuditEvent.ShareAmended.class),
            Map.entry("send-attempted", AuditEvent.SendAttempted.class),
            Map.entry("send-failed", AuditEvent.SendFailed.class),
            Map.entry("delivered", AuditEvent.Delivered.class),
            Map.entry("dead-lettered", AuditEvent.DeadLettered.class),
            Map.entry("receipt-verified", AuditEvent.ReceiptVerified.class),
            Map.entry("smc-responded", AuditEvent.SmcResponded.class),
            Map.entry("meeting-held", AuditEvent.MeetingHeld.class));

    private EntryCodec() {}

    /** An entry that cannot be decoded; the caller adds its position. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** A decoded entry with the hash recomputed from its content. */
    record Decoded(long sequence, String previousHash, String storedHash, String computedHash,
            Optional<AuditEvent> event, Optional<String> jws) {}

    /** An encoded entry. */
    record Encoded(byte[] bytes, String hash) {}

    static Encoded record(long sequence, String previousHash, AuditEvent event) {
        ObjectNode body = FmiJson.standard().mapper().valueToTree(event);
        ObjectNode typed = FmiJson.standard().mapper().createObjectNode();
        typed.put("type", event.type());
        typed.setAll(body);
        return encode(sequence, previousHash, "event", typed);
    }

    static Encoded checkpoint(long sequence, String previousHash, String jws) {
        ObjectNode c = FmiJson.standard().mapper().createObjectNode();
        c.put("jws", jws);
        return encode(sequence, previousHash, "checkpoint", c);
    }

    private static Encoded encode(long sequence, String previousHash, String member, ObjectNode content) {
        ObjectNode o = FmiJson.standard().mapper().createObjectNode();
        o.put("seq", sequence);
        o.put("prev", previousHash);
        o.set(member, content);
        String hash = Digests.sha256(canonical(o));
        o.put("hash", hash);
        byte[] bytes = canonical(o);
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("audit entry of " + bytes.length + " bytes exceeds "
                    + MAX_ENTRY_BYTES);
        }
        return new Encoded(bytes, hash);
    }

    private static byte[] canonical(ObjectNode o) {
        return Jcs.canonicalize(FmiJson.standard().write(o));
    }

    static Decoded decode(byte[] bytes) {
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new Bad("entry of " + bytes.length + " bytes exceeds " + MAX_ENTRY_BYTES, null);
        }
        JsonNode tree;
        byte[] canonical;
        try {
            canonical = Jcs.canonicalize(bytes);
            tree = FmiJson.standard().mapper().readTree(bytes);
        } catch (Jcs.NotIJsonException | JacksonException e) {
            throw new Bad("not JSON: " + e.getMessage(), e);
        }
        if (!Arrays.equals(canonical, bytes)) {
            throw new Bad("not in RFC 8785 canonical form", null);
        }
        if (!(tree instanceof ObjectNode o)) {
            throw new Bad("not a JSON object", null);
        }
        Set<String> names = new HashSet<>(o.propertyNames());
        boolean isEvent = names.contains("event");
        if (!(names.equals(Set.of("seq", "prev", "hash", "event"))
                || names.equals(Set.of("seq", "prev", "hash", "checkpoint")))) {
            throw new Bad("members must be seq, prev, hash and one of event/checkpoint, found " + names, null);
        }
        JsonNode seq = o.get("seq");
        if (!seq.isIntegralNumber() || seq.longValue() < 0) {
            throw new Bad("$.seq must be a non-negative integer", null);
        }
        String prev = digest(o, "prev");
        String stored = digest(o, "hash");
        ObjectNode unhashed = o.deepCopy();
        unhashed.remove("hash");
        String computed = Digests.sha256(canonical(unhashed));
        if (isEvent) {
            return new Decoded(seq.longValue(), prev, stored, computed, Optional.of(event(o.get("event"))),
                    Optional.empty());
        }
        JsonNode c = o.get("checkpoint");
        if (!(c instanceof ObjectNode co) || co.size() != 1 || !co.has("jws") || !co.get("jws").isString()) {
            throw new Bad("$.checkpoint must be {\"jws\": string}", null);
        }
        return new Decoded(seq.longValue(), prev, stored, computed, Optional.empty(),
                Optional.of(co.get("jws").stringValue()));
    }

    private static String digest(ObjectNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null || !n.isString() || !DIGEST.matcher(n.stringValue()).matches()) {
            throw new Bad("$." + name + " must be sha-256:<64 hex digits>", null);
        }
        return n.stringValue();
    }

    private static AuditEvent event(JsonNode node) {
        if (!(node instanceof ObjectNode e) || !e.has("type") || !e.get("type").isString()) {
            throw new Bad("$.event must be an object with a string type", null);
        }
        String type = e.get("type").stringValue();
        Class<? extends AuditEvent> cls = TYPES.get(type);
        if (cls == null) {
            throw new Bad("$.event.type '" + type + "' is not a known event type " + TYPES.keySet(), null);
        }
        ObjectNode fields = e.deepCopy();
        fields.remove("type");
        try {
            return FmiJson.standard().read(FmiJson.standard().write(fields), cls);
        } catch (JsonCodecException e2) {
            throw new Bad("$.event " + e2.getMessage(), e2);
        } catch (RuntimeException e2) {
            throw new Bad("$.event is not a valid " + type + ": " + e2.getMessage(), e2);
        }
    }
}
