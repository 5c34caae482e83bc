package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.fmishare.core.internal.ModelChecks;

/**
 * An X.509 certificate a company published for encryption or verification, in PEM form.
 *
 * @param usage what it is used for
 * @param pem exactly one PEM-encoded certificate
 */
public record SmcCertificate(
        @NotNull CertificateUsage usage,
        @NotBlank @Size(max = 64 * 1024) String pem) {

    /** Validates that the PEM holds a parseable X.509 certificate. */
    public SmcCertificate {
        ModelChecks.validate(SmcCertificate.class, usage, pem);
        if (!pem.strip().startsWith("-----BEGIN CERTIFICATE-----")) {
            throw InvalidModelException.of("SmcCertificate", "pem", "pem-certificate",
                    "must be a PEM block starting with -----BEGIN CERTIFICATE-----");
        }
        parse(pem);
    }

    /**
     * The parsed certificate.
     *
     * @return the X.509 certificate
     */
    public X509Certificate certificate() {
        return parse(pem);
    }

    private static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw InvalidModelException.of("SmcCertificate", "pem", "pem-certificate",
                    "is not a parseable X.509 certificate: " + e.getMessage());
        }
    }
}
