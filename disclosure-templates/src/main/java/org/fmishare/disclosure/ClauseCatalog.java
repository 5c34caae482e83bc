package org.fmishare.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.json.FmiJson;
import org.fmishare.disclosure.internal.MandatoryClauses;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The canonical text of every mandatory disclosure clause, in one locale, at the versions this release of the SDK
 * requires. Immutable and thread-safe.
 *
 * <p>Which clauses are mandatory for which {@link MessageKind} is fixed in code, not in the catalogue, so that no
 * catalogue or translation can make a clause optional:
 * <ul>
 *   <li>{@link MessageKind#THREAT_SHARE}: {@code no-request-no-obligation}, {@code no-adverse-action},
 *       {@code voluntary-participation} (DOJ principles, prong 1: communications "should make clear ... that (a)
 *       we are not asking the company to take any action ... and the company has no obligation to do so, and (b)
 *       we will not take any adverse action based on the company's decision about whether or how to respond";
 *       "These interactions are entirely voluntary").</li>
 *   <li>{@link MessageKind#MEETING}: {@code voluntary-participation}, {@code meeting-no-content-direction} (prong 2:
 *       "FBI personnel are not permitted to direct or suggest that SMCs take any actions concerning content on
 *       their platforms based on the information discussed at the meeting").</li>
 *   <li>{@link MessageKind#BRIEFING}: {@code voluntary-participation}, {@code briefing-no-content-direction}.</li>
 * </ul>
 *
 * <p>Catalogues are packaged as {@code org/fmishare/disclosure/clauses/clauses_<language>[_<COUNTRY>].json}. A
 * locale without a catalogue, or a catalogue lacking a mandatory clause at the required version, is a
 * {@link DisclosureException.MissingTranslation}: a clause is never silently omitted or shown in another language.
 */
public final class ClauseCatalog {
    private static final String RESOURCE_DIR = "org/fmishare/disclosure/clauses/";
    private static final String FORMAT = "fmi-share-clause-catalogue/1";
    private static final Map<String, ClauseCatalog> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final Map<String, Disclosure> clauses;
    private final Map<MessageKind, List<Disclosure>> mandatory;

    private ClauseCatalog(Locale locale, Map<String, Disclosure> clauses) {
        this.locale = locale;
        this.clauses = Map.copyOf(clauses);
        Map<MessageKind, List<Disclosure>> byKind = new EnumMap<>(MessageKind.class);
        for (MessageKind kind : MessageKind.values()) {
            List<Disclosure> list = new ArrayList<>();
            for (String id : MandatoryClauses.idsFor(kind)) {
                list.add(clauses.get(id));
            }
            byKind.put(kind, List.copyOf(list));
        }
        this.mandatory = byKind;
    }

    /**
     * The built-in English catalogue, the default.
     *
     * @return the English catalogue
     * @throws DisclosureException.CatalogCorrupt if the packaged catalogue is damaged
     */
    public static ClauseCatalog english() {
        return forLocale(Locale.ENGLISH);
    }

    /**
     * The built-in catalogue for a locale: the language-and-country catalogue if packaged, else the language's.
     * {@link Locale#ROOT} means the default, English.
     *
     * @param locale the locale
     * @return the catalogue
     * @throws DisclosureException.MissingTranslation if no catalogue exists for the language, or it lacks a
     *     mandatory clause at the required version
     * @throws DisclosureException.CatalogCorrupt if a packaged catalogue is malformed or a digest does not match
     */
    public static ClauseCatalog forLocale(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        Locale effective = locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
        List<String> candidates = new ArrayList<>();
        if (!effective.getCountry().isEmpty()) {
            candidates.add(effective.getLanguage() + "_" + effective.getCountry());
        }
        candidates.add(effective.getLanguage());
        for (String suffix : candidates) {
            ClauseCatalog cached = CACHE.get(suffix);
            if (cached != null) {
                return cached;
            }
            String resource = RESOURCE_DIR + "clauses_" + suffix + ".json";
            try (InputStream in = ClauseCatalog.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    ClauseCatalog loaded = parse(Locale.forLanguageTag(suffix.replace('_', '-')), resource,
                            in.readAllBytes());
                    CACHE.putIfAbsent(suffix, loaded);
                    return CACHE.get(suffix);
                }
            } catch (IOException e) {
                throw new DisclosureException.CatalogCorrupt("cannot read " + resource, e);
            }
        }
        throw new DisclosureException.MissingTranslation(locale, "catalogue",
                "no clause catalogue is packaged (looked for " + candidates.stream()
                        .map(s -> "clauses_" + s + ".json").toList() + ")");
    }

    private static ClauseCatalog parse(Locale locale, String resource, byte[] json) {
        JsonNode root;
        try {
            root = FmiJson.standard().mapper().readTree(json);
        } catch (JacksonException e) {
            throw new DisclosureException.CatalogCorrupt(resource + " is not valid JSON: " + e.getOriginalMessage(),
                    e);
        }
        if (!FORMAT.equals(root.path("format").asString(""))) {
            throw new DisclosureException.CatalogCorrupt(resource + ": $.format must be '" + FORMAT + "'", null);
        }
        if (!locale.toLanguageTag().equals(root.path("locale").asString(""))) {
            throw new DisclosureException.CatalogCorrupt(resource + ": $.locale must be '" + locale.toLanguageTag()
                    + "'", null);
        }
        JsonNode array = root.path("clauses");
        if (!array.isArray()) {
            throw new DisclosureException.CatalogCorrupt(resource + ": $.clauses must be an array", null);
        }
        Map<String, Disclosure> found = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode n = array.get(i);
            String path = resource + ": $.clauses[" + i + "]";
            if (!n.path("id").isString() || !n.path("version").isInt() || !n.path("text").isString()
                    || !n.path("digest").isString()) {
                throw new DisclosureException.CatalogCorrupt(path
                        + " must have string id, integer version, string text and string digest", null);
            }
            Disclosure d;
            try {
                d = new Disclosure(n.get("id").asString(), n.get("version").asInt(), n.get("text").asString(),
                        n.get("digest").asString());
            } catch (IllegalArgumentException e) {
                throw new DisclosureException.CatalogCorrupt(path + ": " + e.getMessage(), e);
            }
            if (!MandatoryClauses.isKnown(d.id())) {
                throw new DisclosureException.CatalogCorrupt(path + ": unknown clause id '" + d.id() + "'", null);
            }
            if (found.put(d.id(), d) != null) {
                throw new DisclosureException.CatalogCorrupt(path + ": clause '" + d.id() + "' appears twice", null);
            }
        }
        for (Map.Entry<String, Integer> required : MandatoryClauses.versions().entrySet()) {
            Disclosure d = found.get(required.getKey());
            if (d == null) {
                throw new DisclosureException.MissingTranslation(locale, required.getKey(), "clause '"
                        + required.getKey() + "' v" + required.getValue() + " is not translated in " + resource);
            }
            if (d.version() != required.getValue()) {
                throw new DisclosureException.MissingTranslation(locale, required.getKey(), "clause '"
                        + required.getKey() + "' is required at v" + required.getValue() + " but " + resource
                        + " translates v" + d.version());
            }
        }
        return new ClauseCatalog(locale, found);
    }

    /**
     * The mandatory clauses for a kind of message, in the order templates present them.
     *
     * @param kind the message kind
     * @return the clauses, never empty
     */
    public List<Disclosure> mandatoryFor(MessageKind kind) {
        return mandatory.get(Objects.requireNonNull(kind, "kind"));
    }

    /**
     * One clause by id.
     *
     * @param id the clause id
     * @return the clause, or empty if the id is unknown
     */
    public Optional<Disclosure> clause(String id) {
        return Optional.ofNullable(clauses.get(Objects.requireNonNull(id, "id")));
    }

    /** {@return the locale of the clause texts} */
    public Locale locale() {
        return locale;
    }

    @Override
    public String toString() {
        return "ClauseCatalog[" + locale.toLanguageTag() + ", " + MandatoryClauses.versions() + "]";
    }
}
