package org.fmishare.transport.email;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.fmishare.transport.email.internal.HeaderSafety;

/**
 * One validated mailbox address ({@code local@domain}) that is safe in an SMTP command and a message header.
 *
 * <p>Accepted: an RFC 5321 dot-atom local part of at most 64 ASCII characters without {@code %} and {@code !}
 * (source-routing relics relays still honour), and a domain of LDH labels (at most 253 characters, at least two
 * labels, or {@code localhost}). Rejected, with {@link EmailTransportException.HeaderRejected}: display names,
 * comments, quoted local parts, address lists, IP literals, non-ASCII characters (no SMTPUTF8), and every control
 * character. The domain is compared case-insensitively and stored in lower case.
 *
 * @param localPart the part before {@code @}
 * @param domain the domain, lower case
 */
public record EmailAddress(String localPart, String domain) {
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9#$&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9#$&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** Validates both parts; see the type's documentation. */
    public EmailAddress {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        HeaderSafety.requireAsciiPrintable("address", localPart);
        HeaderSafety.requireAsciiPrintable("address", domain);
        if (localPart.isEmpty() || localPart.length() > 64 || !LOCAL.matcher(localPart).matches()) {
            throw new EmailTransportException.HeaderRejected("address",
                    "local part must be a dot-atom of 1 to 64 characters without % or !");
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (domain.length() > 253) {
            throw new EmailTransportException.HeaderRejected("address", "domain longer than 253 characters");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 && !domain.equals("localhost")) {
            throw new EmailTransportException.HeaderRejected("address", "domain must have at least two labels");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new EmailTransportException.HeaderRejected("address",
                        "domain labels must be 1 to 63 letters, digits or inner hyphens");
            }
        }
    }

    /**
     * Parses {@code local@domain}.
     *
     * @param address the address, without display name or angle brackets
     * @return the address
     * @throws EmailTransportException.HeaderRejected naming field {@code address} when it is not acceptable
     */
    public static EmailAddress parse(String address) {
        return parse("address", address);
    }

    /**
     * Parses {@code local@domain}, naming the field in a rejection.
     *
     * @param field the field name for the error, for example {@code from}
     * @param address the address
     * @return the address
     * @throws EmailTransportException.HeaderRejected naming {@code field}
     */
    public static EmailAddress parse(String field, String address) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(address, "address");
        try {
            HeaderSafety.requireAsciiPrintable(field, address);
            int at = address.indexOf('@');
            if (at < 0 || at != address.lastIndexOf('@')) {
                throw new EmailTransportException.HeaderRejected(field, "must contain exactly one '@'");
            }
            return new EmailAddress(address.substring(0, at), address.substring(at + 1));
        } catch (EmailTransportException.HeaderRejected e) {
            if (e.field().equals(field)) {
                throw e;
            }
            throw new EmailTransportException.HeaderRejected(field, e.getMessage().substring(e.field().length() + 2));
        }
    }

    /**
     * The single address of a {@code mailto:} URI. Header fields in the URI ({@code ?cc=}, {@code ?bcc=},
     * {@code ?subject=}, {@code ?body=}), fragments and address lists are refused: the transport alone decides the
     * headers. Percent-escapes are decoded before validation, so {@code %0D%0A} is caught.
     *
     * @param uri a {@code mailto:} URI
     * @return the address
     * @throws EmailTransportException.HeaderRejected naming field {@code mailto}
     */
    public static EmailAddress fromMailto(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (!"mailto".equalsIgnoreCase(uri.getScheme())) {
            throw new EmailTransportException.HeaderRejected("mailto", "scheme must be mailto");
        }
        if (!uri.isOpaque() || uri.getRawFragment() != null) {
            throw new EmailTransportException.HeaderRejected("mailto", "must be mailto:local@domain, no fragment");
        }
        String raw = uri.getRawSchemeSpecificPart();
        if (raw.indexOf('?') >= 0) {
            throw new EmailTransportException.HeaderRejected("mailto", "header fields in mailto URIs are refused");
        }
        String decoded = uri.getSchemeSpecificPart();
        if (decoded.indexOf(',') >= 0 || decoded.indexOf(';') >= 0) {
            throw new EmailTransportException.HeaderRejected("mailto", "exactly one recipient is allowed");
        }
        return parse("mailto", decoded);
    }

    /** {@return {@code local@domain}} */
    public String address() {
        return localPart + "@" + domain;
    }

    /** {@return the {@code mailto:} URI of this address, as the dispatcher's destination} */
    public URI toMailto() {
        return URI.create("mailto:" + address());
    }

    @Override
    public String toString() {
        return address();
    }
}
