package org.fmishare.core.model;

/** Size limits shared by the model's constraints; compile-time constants so annotations can use them. */
final class Limits {
    /** Identifiers: letters, digits and {@code . _ : -}, starting with a letter or digit. */
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    /** Present optional text must contain a non-whitespace character (NotBlank would also refuse absence). */
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final int NAME = 200;
    static final int SHORT_TEXT = 1_000;
    static final int TEXT = 4_000;
    static final int LONG_TEXT = 20_000;
    static final int MANY = 10_000;
    static final int FEW = 100;
    static final int ACCOUNTS = 100_000;

    private Limits() {}
}
