package org.fmishare.transport.taxii.stix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fmishare.transport.taxii.internal.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fmi-share STIX 2.1 property extension: its {@code extension-definition}, the identity that authored it, and
 * its JSON Schema.
 *
 * <p>One property extension (STIX 2.1 section 7.3, {@code extension_type} {@code property-extension}) carries every
 * FMI-specific property. Each object carries only the properties of its role: {@code office} on the sender
 * identity, {@code company} on the recipient identity, {@code actor} on the threat-actor, {@code operation} on the
 * campaign, {@code account} on the relationship from a user-account to the threat-actor, {@code fact} on a note,
 * {@code disclosure} on a statement marking, and on the report the share-level properties ({@code share_id},
 * {@code rule_set_id}, {@code assessment}, {@code covert_basis}, {@code fitf_coordination}, {@code
 * election_nexus}, {@code compliance} with the SOP verdict and a reviewer's approval, and the signed envelope:
 * {@code envelope_id}, {@code envelope_digest}, {@code envelope_media_type}, {@code envelope_jws}). The schema ({@link #schemaJson()},
 * published at {@link #SCHEMA_URL}) is normative; nested objects are the fmi-share model with snake_case names.
 *
 * <p>The definition and its author identity are fixed objects: same id, same content wherever they are published.
 * They are <em>not</em> part of a share's bundle: STIX requires an extension-definition to carry a top-level
 * {@code version}, and the OASIS reference TAXII server (medallion 3.0.0) takes any object with a top-level {@code
 * version} for a manifest record, so a plain {@code GET .../objects/} of a collection holding one answers 500. An
 * embedder publishes {@link #definitionObjects()} once, to a collection of its choosing (see {@code
 * TaxiiShares.publishExtensionDefinition}), or not at all: STIX consumers do not need the definition to read the
 * properties, and receivers of fmi-share validate against the schema in this jar.
 */
public final class FmiStixExtension {
    /** The extension-definition id (UUIDv5 of {@code https://fmishare.org/stix/extension/fmi-share/1.0}). */
    public static final String ID = "extension-definition--63871a15-b5ca-5975-9b06-03bb70c9254c";
    /** The extension's version, in the MAJOR.MINOR.PATCH form STIX 2.1 recommends for {@code version}. */
    public static final String VERSION = "1.1.0";
    /** Where the schema is published; also its {@code $id}. */
    public static final String SCHEMA_URL = "https://fmishare.org/schema/0.1/stix-extension-fmi-share.schema.json";
    /** The identity that created the extension definition: the fmi-share project. */
    public static final String AUTHOR_IDENTITY_ID = "identity--f9e607f3-2a7c-5ecf-ad8f-f184b18b2d0b";
    /** When the definition and its author identity were created. */
    public static final String CREATED = "2026-01-01T00:00:00.000Z";
    /**
     * When the definition was last modified: version 1.1.0 added two optional compliance properties (the rule set
     * document's digest and the reviewer's approval), and STIX forbids new content under an old {@code modified}.
     */
    public static final String DEFINITION_MODIFIED = "2026-11-30T00:00:00.000Z";

    private static final String SCHEMA_RESOURCE = "fmi-share-extension.schema.json";

    private FmiStixExtension() {}

    /** {@return the {@code extension-definition} object} */
    public static StixObject definition() {
        ObjectNode o = StixJson.MAPPER.createObjectNode();
        o.put("type", "extension-definition");
        o.put("spec_version", "2.1");
        o.put("id", ID);
        o.put("created_by_ref", AUTHOR_IDENTITY_ID);
        o.put("created", CREATED);
        o.put("modified", DEFINITION_MODIFIED);
        o.put("name", "fmi-share");
        o.put("description", "Properties of foreign-malign-influence threat shares made under the FBI's "
                + "standard operating procedure for sharing with social media companies: sender and recipient, "
                + "actor, operation, accounts and graded facts, confidence, covert basis, SOP rule set and "
                + "verdict, mandatory disclosures and the signed envelope.");
        o.put("schema", SCHEMA_URL);
        o.put("version", VERSION);
        o.putArray("extension_types").add("property-extension");
        ObjectNode ref = o.putArray("external_references").addObject();
        ref.put("source_name", "fmi-share");
        ref.put("description", "JSON Schema of the extension");
        ref.put("url", SCHEMA_URL);
        return StixObject.of(o);
    }

    /**
     * The objects to publish when an embedder chooses to publish the extension's definition: the author identity,
     * then the definition that refers to it.
     *
     * @return the two objects, in that order
     */
    public static List<StixObject> definitionObjects() {
        return List.of(authorIdentity(), definition());
    }

    /** {@return the {@code identity} of the fmi-share project, which created the extension definition} */
    public static StixObject authorIdentity() {
        ObjectNode o = StixJson.MAPPER.createObjectNode();
        o.put("type", "identity");
        o.put("spec_version", "2.1");
        o.put("id", AUTHOR_IDENTITY_ID);
        o.put("created", CREATED);
        o.put("modified", CREATED);
        o.put("name", "fmi-share");
        o.put("description", "The fmi-share SDK project, author of the fmi-share STIX extension.");
        o.put("identity_class", "organization");
        return StixObject.of(o);
    }

    /**
     * The extension's JSON Schema (draft 2020-12), as shipped in this jar.
     *
     * @return the schema text
     */
    public static String schemaJson() {
        try (InputStream in = FmiStixExtension.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the extension schema is missing from the jar: " + SCHEMA_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the extension schema failed", e);
        }
    }
}
