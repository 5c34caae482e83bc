package org.fmishare.transport.taxii.stix;

import static org.fmishare.transport.taxii.stix.StixNames.EXT;

import java.util.List;
import java.util.Objects;

/**
 * Maps a share to a STIX 2.1 bundle and STIX objects back to a share.
 *
 * <h2>Bundle layout</h2>
 * <ul>
 * <li>Fixed objects, identical in every bundle: the OASIS TLP 2.0 {@code marking-definition} of the
 * share's handling, and one {@code marking-definition} of type {@code statement} per mandatory disclosure (its id
 * is derived from the clause id, version and digest; the extension names the clause). The extension's {@code
 * extension-definition} is not in the bundle ({@link FmiStixExtension#definitionObjects()} says why).</li>
 * <li>Per share: {@code identity} of the sending office and of the recipient company; {@code threat-actor}
 * ({@code threat_actor_types} {@code nation-state} for a foreign government, {@code unknown} otherwise); {@code
 * campaign} for the operation; an {@code attack-pattern} per DISARM technique (external id under source {@code
 * DISARM}) used by the campaign; {@code relationship}s campaign {@code attributed-to} threat-actor and campaign
 * {@code uses} attack-pattern; a {@code user-account} per account (deterministic id over {@code account_type} =
 * the platform name in lower case with non-alphanumerics as hyphens, and {@code user_id} = the platform's account
 * id; the handle is the {@code display_name}, kept out of the id because handles change) and a {@code
 * related-to} relationship from it to the threat-actor ({@code start_time}/{@code stop_time} the observation
 * window, {@code description} the link basis); a {@code note} per fact, referring to the objects the fact is
 * about; and the {@code report} (name, narrative as {@code description}, {@code published} = the share's creation
 * time, {@code confidence} 15/50/85 for low/moderate/high per the STIX 2.1 appendix A scale, {@code object_refs}
 * listing every per-share object).</li>
 * <li>Every per-share object carries the TLP marking and every disclosure marking in {@code object_marking_refs}.
 * The fixed objects do not: they are shared by all bundles and must keep one content per id.</li>
 * <li>FMI-specific values travel in the fmi-share property extension ({@link FmiStixExtension}); the standard
 * properties repeat what STIX can say natively, for consumers that ignore the extension. The extension is
 * authoritative when mapping back.</li>
 * </ul>
 *
 * <h2>The signed envelope</h2>
 * The report's extension carries {@code envelope_jws} (the envelope in JWS JSON serialization, media type in
 * {@code envelope_media_type}), {@code envelope_id} and {@code envelope_digest}. A receiver pulls the report,
 * extracts the JWS and verifies it with the envelope verifier; the STIX view is only trusted once it matches the
 * verified content.
 *
 * <h2>Identifiers</h2>
 * Per-share objects have UUIDv5 ids derived from the share id ({@link StixIds}), so re-publishing a share re-adds
 * the same ids and versions, which TAXII servers treat as idempotent. All per-share objects use the share's
 * creation time as {@code created} and {@code modified}, except the report's {@code modified}: the report carries
 * the signed envelope, so it is set from the signing time ({@link StixShareInput#signedAt()}) and signing the same
 * share again publishes a new version of the report, never different content under the same id and {@code
 * modified}. Every other object is identical for identical share content.
 *
 * <p>Instances are stateless and thread-safe. The mapping itself lives in {@link StixShareWriter} and
 * {@link StixShareReader}; this class is their public entry point.
 */
public final class StixShareMapper {
    private static final StixShareMapper STANDARD = new StixShareMapper();

    private StixShareMapper() {}

    /** {@return the mapper} */
    public static StixShareMapper standard() {
        return STANDARD;
    }

    // ---------------------------------------------------------------------------------------------------------
    // share -> bundle

    /**
     * Maps a share to a bundle.
     *
     * @param input the share, disclosures, compliance summary and envelope
     * @return the bundle; its id is derived from the share id and the envelope id
     * @throws StixMappingException when two accounts map to the same STIX user-account (platform names that
     *     differ only in case or punctuation, with the same account id)
     */
    public StixBundle toBundle(StixShareInput input) {
        Objects.requireNonNull(input, "input");
        return new StixShareWriter(input).write();
    }

    // ---------------------------------------------------------------------------------------------------------
    // objects -> share

    /**
     * Reads the one fmi-share share in a bundle.
     *
     * @param bundle a bundle holding exactly one report with the fmi-share extension and every object it needs
     * @return the share, its disclosures, compliance summary and envelope, not yet verified
     * @throws StixMappingException naming the object and property that does not map
     */
    public PulledShare fromBundle(StixBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        List<StixObject> reports = bundle.objects().stream().filter(o -> o.type().equals("report"))
                .filter(o -> o.tree().path("extensions").has(EXT)).toList();
        if (reports.size() != 1) {
            throw new StixMappingException(bundle.id(), "objects", "expected exactly one report with the fmi-share "
                    + "extension, found " + reports.size());
        }
        return StixShareReader.read(bundle.objects(), reports.get(0).id(), null);
    }

    /**
     * Reads one share from a set of pulled objects (for example everything a TAXII collection returned for the
     * share's report and the objects it references). When several versions of an object are present the latest
     * {@code modified} wins.
     *
     * @param objects the objects
     * @param shareId the share to read; its report id is {@link StixIds#reportId(String)}
     * @return the share, not yet verified
     * @throws StixMappingException naming the object and property that does not map
     */
    public PulledShare fromObjects(Iterable<StixObject> objects, String shareId) {
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(shareId, "shareId");
        return StixShareReader.read(objects, StixIds.reportId(shareId), shareId);
    }
}
