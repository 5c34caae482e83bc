package org.fmishare.core.model;

/** The channels through which a company can receive shares. */
public enum TransportKind {
    /** S/MIME-signed email. */
    EMAIL,
    /** HTTPS POST with mutual TLS. */
    HTTPS,
    /** TAXII 2.1 with STIX 2.1 content. */
    TAXII
}
