package org.fmishare.disclosure;

import java.util.List;
import java.util.Objects;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;
import org.fmishare.disclosure.internal.DisclosuresDocument;

/**
 * Reads and writes the machine-readable disclosures document carried inside the signed envelope and, later, STIX
 * output: {@code {"disclosures":[{"id":..,"version":..,"text":..,"digest":..}]}}, compact UTF-8 JSON in the
 * entries' order, written and read with the SDK's strict {@link FmiJson} codec.
 */
public final class DisclosureJson {
    private DisclosureJson() {}

    /**
     * Writes the document.
     *
     * @param disclosures the clauses, in presentation order
     * @return compact JSON
     */
    public static String write(List<Disclosure> disclosures) {
        return FmiJson.standard().writeString(new DisclosuresDocument(Objects.requireNonNull(disclosures,
                "disclosures")));
    }

    /**
     * Reads the document strictly (no unknown properties, no duplicate keys, every digest matching its text).
     *
     * @param json the JSON text
     * @return the clauses, in document order
     * @throws JsonCodecException naming the JSON path of the first problem; an entry whose digest does not match
     *     its text is an {@link JsonCodecException.InvalidValue}
     */
    public static List<Disclosure> read(String json) {
        return FmiJson.standard().read(Objects.requireNonNull(json, "json"), DisclosuresDocument.class)
                .disclosures();
    }
}
