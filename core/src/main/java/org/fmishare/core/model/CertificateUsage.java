package org.fmishare.core.model;

/** What a company's certificate is used for. */
public enum CertificateUsage {
    /** Encrypting shares to the company. */
    ENCRYPTION,
    /** Verifying the company's signed receipts and reports. */
    VERIFICATION
}
