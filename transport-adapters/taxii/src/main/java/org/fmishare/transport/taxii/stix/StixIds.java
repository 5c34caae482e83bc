package org.fmishare.transport.taxii.stix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;
import org.fmishare.transport.taxii.internal.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * STIX 2.1 identifiers.
 *
 * <p>Cyber-observable ids are deterministic as STIX 2.1 section 2.9 prescribes: a UUIDv5 in the STIX namespace
 * {@code 00abedb4-aa42-466c-9c01-fed23315a9b7} over the RFC 8785 canonical JSON of the object's ID contributing
 * properties (for {@code user-account}: {@code account_type}, {@code user_id}, {@code account_login}).
 *
 * <p>The objects a share produces get UUIDv5 ids in the fmi-share namespace {@link #FMI_NAMESPACE}, derived from the
 * share id and the object's role. STIX recommends UUIDv4 for domain objects but allows other versions; determinism
 * is chosen on purpose so that re-sending a share re-adds the same objects, which TAXII servers treat as
 * idempotent, and so that a receiver can compute the {@link #reportId(String) report id} of a share it expects.
 */
public final class StixIds {
    /** The STIX 2.1 namespace for deterministic cyber-observable ids. */
    public static final UUID STIX_SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    /** The fmi-share namespace, UUIDv5(URL namespace, {@code https://fmishare.org/stix/namespace}). */
    public static final UUID FMI_NAMESPACE = UUID.fromString("f8cb904f-1e8d-5500-8d92-642611a8d742");

    private StixIds() {}

    /**
     * A name-based (SHA-1, version 5) UUID as RFC 9562 section 5.5 defines it.
     *
     * @param namespace the namespace
     * @param name the name, hashed as UTF-8
     * @return the UUID
     */
    public static UUID uuid5(UUID namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /**
     * The deterministic id of a cyber-observable from its ID contributing properties.
     *
     * @param type the SCO type, for example {@code user-account}
     * @param contributing a JSON object holding exactly the contributing properties that are present
     * @return {@code type--UUIDv5}
     */
    public static String scoId(String type, ObjectNode contributing) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contributing, "contributing");
        try {
            String canonical = new JsonCanonicalizer(StixJson.MAPPER.writeValueAsString(contributing))
                    .getEncodedString();
            return type + "--" + uuid5(STIX_SCO_NAMESPACE, canonical);
        } catch (IOException e) {
            throw new UncheckedIOException("canonicalising contributing properties failed", e);
        }
    }

    /**
     * The id of a {@code user-account} with the given contributing properties (no {@code account_login}).
     *
     * @param accountType the {@code account_type}
     * @param userId the {@code user_id}
     * @return {@code user-account--UUIDv5}
     */
    public static String userAccountId(String accountType, String userId) {
        ObjectNode c = StixJson.MAPPER.createObjectNode();
        c.put("account_type", Objects.requireNonNull(accountType, "accountType"));
        c.put("user_id", Objects.requireNonNull(userId, "userId"));
        return scoId("user-account", c);
    }

    /**
     * The id of the {@code report} that carries a share; a receiver can ask a TAXII collection for it directly.
     *
     * @param shareId the share's id
     * @return {@code report--UUIDv5}
     */
    public static String reportId(String shareId) {
        return shareObjectId("report", shareId, "report");
    }

    /**
     * The id of an object a share produces.
     *
     * @param type the STIX type
     * @param shareId the share's id
     * @param role what the object stands for within the share, for example {@code sender} or {@code fact:f-1}
     * @return {@code type--UUIDv5}
     */
    static String shareObjectId(String type, String shareId, String role) {
        return type + "--" + uuid5(FMI_NAMESPACE, "share|" + Objects.requireNonNull(shareId, "shareId") + "|"
                + type + "|" + role);
    }
}
