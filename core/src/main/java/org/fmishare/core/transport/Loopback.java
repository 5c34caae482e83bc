package org.fmishare.core.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's one loopback rule, used wherever plain (unencrypted) traffic is allowed to a local test harness.
 *
 * <p>A host is loopback only if it is the name {@code localhost} (any case) or a literal loopback address: a
 * dotted-quad IPv4 address in 127.0.0.0/8 written with exactly four decimal parts and no leading zeros, or the IPv6
 * address {@code ::1} in any valid spelling, with or without the square brackets a URI puts around it. Nothing is
 * ever resolved through DNS, so a name such as {@code 127.0.0.1.nip.io} or {@code localhost.evil.com} that a
 * resolver would map to loopback is refused: DNS must not be able to widen where plain traffic goes. Shorthand and
 * legacy forms ({@code 127.1}, octal or hex parts) and IPv4-mapped IPv6 addresses ({@code ::ffff:127.0.0.1}) are
 * refused too, because different parsers read them differently and a refusal here only means "use TLS".
 */
public final class Loopback {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Hex groups and colons only: no dots (no embedded IPv4), no zone id, nothing a resolver could look up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}");

    private Loopback() {}

    /**
     * Applies the loopback rule to a host as {@link java.net.URI#getHost()} returns it.
     *
     * @param host a host name or address literal (IPv6 with or without brackets)
     * @return whether the host is {@code localhost} or a literal loopback address
     */
    public static boolean isLoopbackHost(String host) {
        Objects.requireNonNull(host, "host");
        if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
            // Brackets belong to IPv6 literals only.
            return isIpv6Loopback(host.substring(1, host.length() - 1));
        }
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        return isIpv4Loopback(host) || isIpv6Loopback(host);
    }

    private static boolean isIpv4Loopback(String h) {
        Matcher m = IPV4.matcher(h);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            String part = m.group(i);
            if (part.length() > 1 && part.charAt(0) == '0' || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return m.group(1).equals("127");
    }

    private static boolean isIpv6Loopback(String h) {
        if (!h.contains(":") || !IPV6.matcher(h).matches()) {
            return false;
        }
        try {
            // A string of hex digits and colons is parsed as an IPv6 literal, never looked up.
            InetAddress a = InetAddress.getByName(h);
            return a instanceof Inet6Address && a.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
