package org.fmishare.core.compliance;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.fmishare.core.jose.Digests;

/**
 * One mandatory disclosure clause in machine-readable form, as it travels inside a signed envelope and STIX output.
 *
 * <p>The digest is SHA-256 over the UTF-8 bytes of the {@linkplain #normalise(String) normalised} text, written
 * {@code sha-256:<64 lower-case hex>}. The constructor recomputes it, so a {@code Disclosure} whose text and digest
 * disagree cannot exist.
 *
 * @param id the clause's stable id, for example {@code no-request-no-obligation}
 * @param version the clause's version, starting at 1
 * @param text the clause's canonical text
 * @param digest the digest of the normalised text
 */
public record Disclosure(String id, int version, String text, String digest) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /**
     * Clause texts are few and short, but every layer (renderer, validator, signer, verifier) normalises and
     * digests them again for every message; the digest is a pure function of the text, so it is computed once per
     * distinct clause text. Texts longer than {@link #CACHED_TEXT_MAX} (whole rendered messages) are not cached, and
     * the cache is emptied when full, so texts from received envelopes cannot grow it without bound.
     */
    private static final ConcurrentHashMap<String, String> DIGESTS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> NORMALISED = new ConcurrentHashMap<>();
    private static final int CACHED_TEXT_MAX = 4096;
    private static final int CACHE_ENTRIES_MAX = 512;

    /** Validates the id and version and checks that the digest matches the text. */
    public Disclosure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(digest, "digest");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("disclosure id must match " + ID + ", was '" + id + "'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("disclosure " + id + ": version must be at least 1, was " + version);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("disclosure " + id + ": text must not be blank");
        }
        String expected = digestOf(text);
        if (!expected.equals(digest)) {
            throw new IllegalArgumentException("disclosure " + id + " v" + version
                    + ": digest does not match the text (expected " + expected + ")");
        }
    }

    /**
     * Creates a disclosure, computing its digest.
     *
     * @param id the clause id
     * @param version the clause version
     * @param text the canonical text
     * @return the disclosure
     */
    public static Disclosure of(String id, int version, String text) {
        return new Disclosure(id, version, text, digestOf(text));
    }

    /**
     * The normalisation digests are computed over: Unicode NFC, every run of whitespace (including line breaks)
     * replaced by one space, leading and trailing whitespace removed. It makes the digest independent of line
     * wrapping and line-ending conventions in rendered messages, and of nothing else.
     *
     * @param text any text
     * @return the normalised text
     */
    public static String normalise(String text) {
        if (text.length() > CACHED_TEXT_MAX) {
            return normaliseUncached(text);
        }
        return cached(NORMALISED, text, Disclosure::normaliseUncached);
    }

    private static String normaliseUncached(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return WHITESPACE.matcher(nfc).replaceAll(" ").strip();
    }

    private static String cached(ConcurrentHashMap<String, String> cache, String text,
            java.util.function.UnaryOperator<String> compute) {
        String hit = cache.get(text);
        if (hit != null) {
            return hit;
        }
        String value = compute.apply(text);
        if (cache.size() >= CACHE_ENTRIES_MAX) {
            cache.clear();
        }
        cache.put(text, value);
        return value;
    }

    /**
     * The digest of a text, as carried in {@link #digest()}.
     *
     * @param text any text
     * @return {@code sha-256:} and 64 lower-case hex digits
     */
    public static String digestOf(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > CACHED_TEXT_MAX) {
            return Digests.sha256(normaliseUncached(text).getBytes(StandardCharsets.UTF_8));
        }
        return cached(DIGESTS, text, t -> Digests.sha256(normalise(t).getBytes(StandardCharsets.UTF_8)));
    }
}
