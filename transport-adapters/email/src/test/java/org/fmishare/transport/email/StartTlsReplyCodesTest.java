package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.transport.Delivery;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * STARTTLS and SMTP reply codes on the real wire: a small scripted SMTP server on loopback (GreenMail 2.1.3 has no
 * STARTTLS and cannot be told to answer 4xx or 5xx) upgrades the connection with STARTTLS, authenticates, and answers
 * MAIL FROM with the code under test; a 250 run delivers a message that the receiver then verifies.
 */
class StartTlsReplyCodesTest {

    @ParameterizedTest(name = "MAIL FROM answered {0}")
    @CsvSource({"250 2.1.0 OK, delivered", "451 4.3.0 try again later, retryable", "421 4.7.0 closing, retryable",
        "550 5.7.1 relaying denied, permanent", "554 5.7.0 rejected, permanent"})
    void replyCodesMapToDeliveryResultsOverStartTls(String reply, String expected) throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(reply)) {
            EmailTransport transport = MailFixture.transport(SmtpSettings.builder("localhost", server.port(),
                            SmtpSecurity.STARTTLS_REQUIRED).credentials(MailFixture.MAILER_USER,
                            MailFixture.MAILER_PASSWORD).trustAnchors(List.of(MailFixture.TLS_CA.certificate()))
                    .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).build()).build();
            SignedEnvelope envelope = MailFixture.share();
            DeliveryResult result = transport.deliver(new Delivery(envelope, MailFixture.SMC_INBOX.toMailto()));
            assertThat(server.sawStartTls()).as("the session was upgraded with STARTTLS").isTrue();
            switch (expected) {
                case "delivered" -> {
                    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
                    ReceivedEmail got = EmailReceiver.builder()
                            .smimeTrustAnchors(List.of(MailFixture.CA.certificate()))
                            .senderDirectory(MailFixture.MAIL_SIGNERS)
                            .envelopeVerifier(EnvelopeVerifier.builder().trustAnchor(MailFixture.CA.certificate())
                                    .expectedRecipient(MailFixture.recipientId()).build())
                            .build().receive(server.message());
                    assertThat(got.envelopeId()).isEqualTo(envelope.envelopeId());
                }
                case "retryable" -> assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class)
                        .satisfies(r -> assertThat(((DeliveryResult.RetryableFailure) r).reason())
                                .contains(reply.substring(0, 3)));
                default -> assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class)
                        .satisfies(r -> assertThat(((DeliveryResult.PermanentFailure) r).reason())
                                .contains(reply.substring(0, 3)));
            }
        }
    }

    /** One-connection-at-a-time SMTP server: STARTTLS with a localhost certificate, AUTH PLAIN, scripted MAIL FROM. */
    static final class ScriptedSmtp implements AutoCloseable {
        private final ServerSocket socket;
        private final String mailFromReply;
        private final String authReply;
        private final boolean silentAfterRefusedLogin;
        private final SSLContext tls;
        private final CompletableFuture<byte[]> message = new CompletableFuture<>();
        private volatile boolean startTls;
        private final Thread thread;

        ScriptedSmtp(String mailFromReply) throws Exception {
            this(mailFromReply, "235 2.7.0 authenticated", false);
        }

        /**
         * A server that answers AUTH with the given reply (after STARTTLS) and MAIL FROM with the other; when told,
         * it answers nothing more after refusing a login (as servers that slow down password guessing do), while
         * keeping the connection open.
         */
        ScriptedSmtp(String mailFromReply, String authReply, boolean silentAfterRefusedLogin) throws Exception {
            this.mailFromReply = mailFromReply;
            this.authReply = authReply;
            this.silentAfterRefusedLogin = silentAfterRefusedLogin;
            SigningCredential cert = MailFixture.TLS_CA.issueTls("localhost", KeyAlgorithm.EC_P256,
                    List.of("localhost"), List.of("127.0.0.1"));
            char[] pw = "scripted".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(Credentials.toPkcs12(cert, "smtp", pw)), pw);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "scripted-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        boolean sawStartTls() {
            return startTls;
        }

        byte[] message() throws Exception {
            return message.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket plain = socket.accept()) {
                    plain.setSoTimeout(10_000);
                    session(plain);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void session(Socket plain) throws IOException {
            Socket s = plain;
            BufferedReader in = reader(s);
            Writer out = writer(s);
            send(out, "220 localhost ESMTP scripted");
            boolean secure = false;
            boolean silent = false;
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.toUpperCase(java.util.Locale.ROOT);
                if (silent) {
                    continue;
                }
                if (cmd.startsWith("EHLO")) {
                    send(out, secure ? "250-localhost\r\n250 AUTH PLAIN" : "250-localhost\r\n250 STARTTLS");
                } else if (cmd.startsWith("STARTTLS")) {
                    send(out, "220 2.0.0 ready to start TLS");
                    SSLSocket t = (SSLSocket) tls.getSocketFactory().createSocket(s, "localhost", s.getPort(), true);
                    t.setUseClientMode(false);
                    t.startHandshake();
                    s = t;
                    in = reader(s);
                    out = writer(s);
                    secure = true;
                    startTls = true;
                } else if (cmd.startsWith("AUTH PLAIN")) {
                    send(out, secure ? authReply : "530 5.7.0 STARTTLS first");
                    silent = secure && silentAfterRefusedLogin && !authReply.startsWith("2");
                    if (silent) {
                        // Outlast any client timeout of the test: only the client may end this connection.
                        s.setSoTimeout(300_000);
                    }
                } else if (cmd.startsWith("MAIL FROM")) {
                    send(out, mailFromReply);
                    if (mailFromReply.startsWith("421")) {
                        return;
                    }
                } else if (cmd.startsWith("RCPT TO")) {
                    send(out, "250 2.1.5 OK");
                } else if (cmd.equals("DATA")) {
                    send(out, "354 end with <CRLF>.<CRLF>");
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.write((d.startsWith("..") ? d.substring(1) : d).getBytes(StandardCharsets.ISO_8859_1));
                        data.write('\r');
                        data.write('\n');
                    }
                    message.complete(data.toByteArray());
                    send(out, "250 2.0.0 queued");
                } else if (cmd.startsWith("QUIT")) {
                    send(out, "221 2.0.0 bye");
                    return;
                } else {
                    send(out, "250 2.0.0 OK");
                }
            }
        }

        private static BufferedReader reader(Socket s) throws IOException {
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        }

        private static Writer writer(Socket s) throws IOException {
            OutputStream o = s.getOutputStream();
            return new OutputStreamWriter(o, StandardCharsets.ISO_8859_1);
        }

        private static void send(Writer out, String reply) throws IOException {
            out.write(reply + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
