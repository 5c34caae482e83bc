package org.fmishare.core.envelope;

import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.jose.OcspSettings;

/**
 * How the certificates of a signer's or reviewer's path are checked for revocation: against certificate revocation
 * lists the embedder fetches and refreshes, with an OCSP responder, both, or neither. One value for
 * {@link EnvelopeVerifier.Builder} (signers) and {@link ReviewerTrust.Builder} (reviewers), so the two check revocation
 * from the same configuration; their {@code crls} and {@code ocsp} methods add to it.
 *
 * <p>With any CRL, every certificate of a path must be covered by a current list from its issuer and not be on it;
 * with OCSP, each certificate's status is also asked of the responder (see {@link OcspSettings} for soft fail and
 * caching).
 *
 * @param crls the revocation lists (unmodifiable); empty for no CRL check
 * @param ocsp the OCSP responder and failure mode; empty for no OCSP check
 */
public record RevocationSettings(List<X509CRL> crls, Optional<OcspSettings> ocsp) {

    /** Copies the lists and rejects nulls, naming the null field. */
    public RevocationSettings {
        List<X509CRL> copy = new ArrayList<>();
        for (X509CRL c : Objects.requireNonNull(crls, "crls")) {
            copy.add(Objects.requireNonNull(c, "crl"));
        }
        crls = List.copyOf(copy);
        Objects.requireNonNull(ocsp, "ocsp");
    }

    /** {@return settings that check nothing: no CRL, no OCSP} */
    public static RevocationSettings none() {
        return new RevocationSettings(List.of(), Optional.empty());
    }

    /**
     * {@return these settings with {@code lists} added to the CRLs}
     *
     * @param lists the revocation lists to add
     * @throws NullPointerException if {@code lists} or one of its elements is null
     */
    public RevocationSettings withCrls(Collection<X509CRL> lists) {
        List<X509CRL> all = new ArrayList<>(crls);
        for (X509CRL c : Objects.requireNonNull(lists, "lists")) {
            all.add(Objects.requireNonNull(c, "crl"));
        }
        return new RevocationSettings(all, ocsp);
    }

    /**
     * {@return these settings with OCSP checking as {@code settings} say, replacing any earlier OCSP settings}
     *
     * @param settings the responder and failure mode
     * @throws NullPointerException if {@code settings} is null
     */
    public RevocationSettings withOcsp(OcspSettings settings) {
        return new RevocationSettings(crls, Optional.of(Objects.requireNonNull(settings, "settings")));
    }

    /**
     * {@return these settings and {@code other} together: the CRLs of both, and {@code other}'s OCSP settings when
     * it has any, else these}
     *
     * @param other settings to add
     */
    public RevocationSettings and(RevocationSettings other) {
        Objects.requireNonNull(other, "other");
        RevocationSettings merged = withCrls(other.crls);
        return other.ocsp.map(merged::withOcsp).orElse(merged);
    }
}
