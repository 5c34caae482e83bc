package org.fmishare.transport.email;

/**
 * How the SMTP connection is protected. There is deliberately no plaintext mode: shares travel over TLS or not at
 * all. Either way the server certificate is validated (PKIX to the configured or the JDK's trust anchors) and its
 * name checked against the host (RFC 6125).
 */
public enum SmtpSecurity {
    /**
     * Plain connection upgraded with STARTTLS (RFC 3207), usually port 587. The upgrade is required: a server that
     * does not offer STARTTLS, or fails the handshake, gets nothing (no fallback to plaintext).
     */
    STARTTLS_REQUIRED,
    /** Implicit TLS from the first byte ("SMTPS", RFC 8314), usually port 465. */
    SMTPS
}
