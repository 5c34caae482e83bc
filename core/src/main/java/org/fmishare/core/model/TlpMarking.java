package org.fmishare.core.model;

/** Traffic Light Protocol 2.0 handling markings (FIRST). */
public enum TlpMarking {
    /** TLP:CLEAR, no limit on disclosure. */
    CLEAR("TLP:CLEAR"),
    /** TLP:GREEN, the recipient's community. */
    GREEN("TLP:GREEN"),
    /** TLP:AMBER, the recipient's organisation and its clients. */
    AMBER("TLP:AMBER"),
    /** TLP:AMBER+STRICT, the recipient's organisation only. */
    AMBER_STRICT("TLP:AMBER+STRICT"),
    /** TLP:RED, named recipients only. */
    RED("TLP:RED");

    private final String label;

    TlpMarking(String label) {
        this.label = label;
    }

    /** {@return the label as TLP 2.0 writes it, for example {@code TLP:AMBER+STRICT}} */
    public String label() {
        return label;
    }
}
