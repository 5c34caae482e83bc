package org.fmishare.transport.email;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach the submission server: host, port, {@link SmtpSecurity}, optional authentication, the TLS
 * trust anchors and timeouts. Immutable; build with {@link #builder(String, int, SmtpSecurity)}.
 */
public final class SmtpSettings {
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default timeout for each read and write on the connection. */
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(30);

    private final String host;
    private final int port;
    private final SmtpSecurity security;
    private final Optional<Credentials> credentials;
    private final List<X509Certificate> trustAnchors;
    private final Duration connectTimeout;
    private final Duration ioTimeout;

    private SmtpSettings(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.security = b.security;
        this.credentials = b.credentials;
        this.trustAnchors = List.copyOf(b.trustAnchors);
        this.connectTimeout = b.connectTimeout;
        this.ioTimeout = b.ioTimeout;
    }

    /**
     * Starts the settings for a server.
     *
     * @param host the server's host name, as its certificate names it
     * @param port 1 to 65535
     * @param security STARTTLS or implicit TLS
     * @return a builder
     * @throws IllegalArgumentException for an empty host, a host with whitespace or control characters, or a port
     *     out of range
     */
    public static Builder builder(String host, int port, SmtpSecurity security) {
        return new Builder(host, port, security);
    }

    /** {@return the host} */
    public String host() {
        return host;
    }

    /** {@return the port} */
    public int port() {
        return port;
    }

    /** {@return the connection security} */
    public SmtpSecurity security() {
        return security;
    }

    /** {@return the SMTP AUTH credentials, if any} */
    public Optional<Credentials> credentials() {
        return credentials;
    }

    /** {@return the TLS trust anchors; empty means the JDK's default trust store} */
    public List<X509Certificate> trustAnchors() {
        return trustAnchors;
    }

    /** {@return the connect timeout} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return the read and write timeout} */
    public Duration ioTimeout() {
        return ioTimeout;
    }

    /** {@return host, port, security and user; never the password} */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security + credentials.map(c -> ", user " + c.username())
                .orElse("") + "]";
    }

    /**
     * SMTP AUTH credentials. The password never appears in {@link #toString()}.
     *
     * @param username the user name
     * @param password the password
     */
    public record Credentials(String username, String password) {
        /** Validates: no empty user, no control characters in either. */
        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.isEmpty() || username.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                    || password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("SMTP username must be non-empty; neither username nor password "
                        + "may contain control characters");
            }
        }

        @Override
        public String toString() {
            return "Credentials[" + username + ", password hidden]";
        }
    }

    /** Configures {@link SmtpSettings}. Not thread-safe. */
    public static final class Builder {
        private final String host;
        private final int port;
        private final SmtpSecurity security;
        private Optional<Credentials> credentials = Optional.empty();
        private final List<X509Certificate> trustAnchors = new ArrayList<>();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration ioTimeout = DEFAULT_IO_TIMEOUT;

        private Builder(String host, int port, SmtpSecurity security) {
            this.host = Objects.requireNonNull(host, "host");
            this.security = Objects.requireNonNull(security, "security");
            if (host.isEmpty() || host.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                throw new IllegalArgumentException("host must be a non-empty ASCII host name, was '" + host + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
            }
            this.port = port;
        }

        /**
         * Authenticates with SMTP AUTH (only ever over the TLS connection).
         *
         * @param username the user
         * @param password the password
         * @return this builder
         * @throws IllegalStateException when credentials were already set
         */
        public Builder credentials(String username, String password) {
            if (credentials.isPresent()) {
                throw new IllegalStateException("credentials were already set for " + credentials.get().username());
            }
            this.credentials = Optional.of(new Credentials(username, password));
            return this;
        }

        /**
         * Trusts these roots for the server's TLS certificate instead of the JDK's default trust store.
         *
         * @param roots root certificates
         * @return this builder
         */
        public Builder trustAnchors(List<X509Certificate> roots) {
            for (X509Certificate r : Objects.requireNonNull(roots, "roots")) {
                trustAnchors.add(Objects.requireNonNull(r, "root"));
            }
            return this;
        }

        /**
         * Sets the timeouts.
         *
         * @param connect connect timeout, positive (default {@link #DEFAULT_CONNECT_TIMEOUT})
         * @param io read and write timeout, positive (default {@link #DEFAULT_IO_TIMEOUT})
         * @return this builder
         */
        public Builder timeouts(Duration connect, Duration io) {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(io, "io");
            if (connect.isNegative() || connect.isZero() || io.isNegative() || io.isZero()
                    || connect.toMillis() > Integer.MAX_VALUE || io.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("timeouts must be positive and below 24 days, were " + connect
                        + " and " + io);
            }
            this.connectTimeout = connect;
            this.ioTimeout = io;
            return this;
        }

        /** {@return the immutable settings} */
        public SmtpSettings build() {
            return new SmtpSettings(this);
        }
    }
}
