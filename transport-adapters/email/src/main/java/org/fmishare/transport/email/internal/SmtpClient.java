package org.fmishare.transport.email.internal;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.fmishare.transport.email.EmailAddress;
import org.fmishare.transport.email.EmailTransportException.DeliveryFailed;
import org.fmishare.transport.email.EmailTransportException.DeliveryFailed.Reason;
import org.fmishare.transport.email.SmtpSecurity;
import org.fmishare.transport.email.SmtpSettings;

/**
 * One Angus Mail session configured from {@link SmtpSettings}, and the mapping of its failures onto {@link
 * DeliveryFailed}. Design note: a connection per message keeps the client stateless and thread-safe; submission
 * volume here is a few messages per hour, not a bulk mailer.
 */
public final class SmtpClient {
    private final SmtpSettings settings;
    private final Session session;
    private final String protocol;

    /**
     * Configures the session. TLS is mandatory (STARTTLS required, or implicit TLS), server identity is checked,
     * and only TLS 1.2 and 1.3 are offered.
     *
     * @param settings the server settings
     * @param from the envelope sender (MAIL FROM)
     */
    public SmtpClient(SmtpSettings settings, EmailAddress from) {
        this.settings = settings;
        this.protocol = settings.security() == SmtpSecurity.SMTPS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", settings.host());
        props.put(p + "port", Integer.toString(settings.port()));
        props.put(p + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        props.put(p + "timeout", Long.toString(settings.ioTimeout().toMillis()));
        props.put(p + "writetimeout", Long.toString(settings.ioTimeout().toMillis()));
        props.put(p + "from", from.address());
        props.put(p + "auth", Boolean.toString(settings.credentials().isPresent()));
        props.put(p + "ssl.checkserveridentity", "true");
        props.put(p + "ssl.protocols", "TLSv1.3 TLSv1.2");
        props.put(p + "ssl.socketFactory", socketFactory(settings));
        props.put(p + "allow8bitmime", "false");
        if (settings.security() == SmtpSecurity.STARTTLS_REQUIRED) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        } else {
            props.put(p + "ssl.enable", "true");
        }
        this.session = Session.getInstance(props);
    }

    /** {@return the mail session, for composing messages} */
    public Session session() {
        return session;
    }

    /**
     * Sends a message to one recipient over a new connection.
     *
     * @param message the message
     * @param to the recipient (RCPT TO)
     * @throws DeliveryFailed classified by {@link Reason}
     */
    public void send(MimeMessage message, EmailAddress to) {
        try (Transport t = session.getTransport(protocol)) {
            t.connect(settings.host(), settings.port(), settings.credentials().map(c -> c.username()).orElse(null),
                    settings.credentials().map(c -> c.password()).orElse(null));
            t.sendMessage(message, new Address[] {new jakarta.mail.internet.InternetAddress(to.address(), true)});
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    private DeliveryFailed classify(MessagingException e) {
        String where = settings.host() + ":" + settings.port();
        if (e instanceof AuthenticationFailedException) {
            return new DeliveryFailed(Reason.AUTHENTICATION, replyCode(e), "SMTP authentication failed at " + where
                    + settings.credentials().map(c -> " for user " + c.username()).orElse(" (no credentials set)")
                    + ": " + oneLine(e.getMessage()), e);
        }
        int code = replyCode(e);
        if (code >= 400 && code < 500) {
            return new DeliveryFailed(Reason.TRANSIENT_REPLY, code, "SMTP server " + where + " replied " + code
                    + " (try again later): " + oneLine(e.getMessage()), e);
        }
        if (code >= 500 && code < 600) {
            return new DeliveryFailed(Reason.PERMANENT_REPLY, code, "SMTP server " + where + " replied " + code
                    + ": " + oneLine(e.getMessage()), e);
        }
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (msg.contains("starttls")) {
            return new DeliveryFailed(Reason.TLS, 0, "SMTP server " + where + " does not offer STARTTLS, which this "
                    + "transport requires (refusing to send in plaintext): " + oneLine(e.getMessage()), e);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SSLException || c instanceof CertificateException) {
                return new DeliveryFailed(Reason.TLS, 0, "TLS with " + where + " failed (server certificate not "
                        + "trusted or not for this host, or no common protocol): " + oneLine(c.toString()), e);
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MailConnectException || c instanceof ConnectException
                    || c instanceof UnknownHostException || c instanceof InterruptedIOException
                    || c instanceof SocketException || c instanceof IOException) {
                return new DeliveryFailed(Reason.CONNECTION, 0, "cannot talk to SMTP server " + where + ": "
                        + oneLine(c.toString()), e);
            }
        }
        // Unknown protocol trouble (garbled reply, closed connection mid-dialogue): worth another attempt.
        return new DeliveryFailed(Reason.CONNECTION, 0, "SMTP dialogue with " + where + " failed: "
                + oneLine(String.valueOf(e.getMessage())), e);
    }

    private static int replyCode(MessagingException e) {
        // A SendFailedException carries the per-command failures in its chain of next exceptions.
        int guard = 0;
        for (Exception x = e; x != null && guard++ < 16;
                x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
        }
        return 0;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").trim();
    }

    private static SSLSocketFactory socketFactory(SmtpSettings settings) {
        if (settings.trustAnchors().isEmpty()) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : settings.trustAnchors()) {
                ks.setCertificateEntry("anchor-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS trust store from the configured anchors", e);
        }
    }
}
