package org.fmishare.audit.internal;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by the audit event records. */
public final class Checks {
    /** Longest reason text kept. */
    public static final int MAX_REASON = 300;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,255}");
    private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");

    private Checks() {}

    /** Null check naming the parameter. @param a value @param an its name */
    public static void nonNull(Object a, String an) {
        Objects.requireNonNull(a, an);
    }

    /** Null checks naming the parameters. @param a value @param an name @param b value @param bn name */
    public static void nonNull(Object a, String an, Object b, String bn) {
        Objects.requireNonNull(a, an);
        Objects.requireNonNull(b, bn);
    }

    /**
     * Null checks naming the parameters.
     *
     * @param a value @param an name @param b value @param bn name @param c value @param cn name
     */
    public static void nonNull(Object a, String an, Object b, String bn, Object c, String cn) {
        nonNull(a, an, b, bn);
        Objects.requireNonNull(c, cn);
    }

    /**
     * Null checks naming the parameters.
     *
     * @param a value @param an name @param b value @param bn name @param c value @param cn name @param d value
     * @param dn name
     */
    public static void nonNull(Object a, String an, Object b, String bn, Object c, String cn, Object d, String dn) {
        nonNull(a, an, b, bn, c, cn);
        Objects.requireNonNull(d, dn);
    }

    /**
     * Checks an id: 1 to 256 characters of letters, digits and {@code ._:@/+-}, starting alphanumeric.
     *
     * @param value the id @param name the field, for the message
     */
    public static void id(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be an id of 1 to 256 letters, digits and ._:@/+-, "
                    + "was '" + value + "'");
        }
    }

    /**
     * Copies a list of ids, checking each.
     *
     * @param values the ids @param name the field @return an immutable copy
     */
    public static List<String> ids(List<String> values, String name) {
        List<String> copy = list(values, name);
        for (String v : copy) {
            id(v, name + "[]");
        }
        return copy;
    }

    /**
     * Copies a list, rejecting null elements.
     *
     * @param values the list @param name the field @return an immutable copy
     */
    public static List<String> list(List<String> values, String name) {
        Objects.requireNonNull(values, name);
        return List.copyOf(values);
    }

    /**
     * Checks a {@code sha-256:<hex>} digest.
     *
     * @param value the digest @param name the field
     */
    public static void digest(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!DIGEST.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be sha-256:<64 hex digits>, was '" + value + "'");
        }
    }

    /**
     * Checks a count is at least 1.
     *
     * @param value the count @param name the field
     */
    public static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    /**
     * Turns a failure reason into one line of at most {@link #MAX_REASON} characters.
     *
     * @param reason the reason @return the clipped line
     */
    public static String reason(String reason) {
        Objects.requireNonNull(reason, "reason");
        String oneLine = reason.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON);
    }
}
