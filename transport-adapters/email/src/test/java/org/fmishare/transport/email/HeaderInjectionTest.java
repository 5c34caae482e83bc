package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.transport.Delivery;
import static org.fmishare.transport.email.MailFixture.*;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.api.Test;

/**
 * Every attempt in {@code header-injection.tsv} is refused with {@link EmailTransportException.HeaderRejected}
 * naming the field, and nothing reaches the server. All failures are collected and reported at once.
 */
class HeaderInjectionTest {

    record Attempt(int line, String field, String value, String what) {}

    static List<Attempt> corpus() throws IOException {
        List<Attempt> out = new ArrayList<>();
        try (InputStream in = HeaderInjectionTest.class.getResourceAsStream("/header-injection.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isEmpty() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] cols = lines[i].split("\t", -1);
                if (cols.length != 3) {
                    throw new IllegalStateException("line " + (i + 1) + " needs 3 tab-separated columns");
                }
                out.add(new Attempt(i + 1, cols[0], unescape(cols[1]), cols[2]));
            }
        }
        return out;
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'r' -> sb.append('\r');
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '\\' -> sb.append('\\');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + n);
            }
        }
        return sb.toString();
    }

    @Test
    void everyAttemptInTheCorpusIsRefusedWithATypedErrorAndNothingIsSent() throws Exception {
        List<Attempt> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(15);
        assertThat(corpus).extracting(Attempt::field).contains("mailto", "to", "from", "subject");
        GreenMail mail = smtpsAndImap();
        List<String> failures = new ArrayList<>();
        try {
            SignedEnvelope envelope = share();
            BodyRenderer standard = BodyRenderer.standard();
            EmailTransport transport = transport(smtps(mail)).build();
            for (Attempt a : corpus) {
                String outcome = attempt(a, envelope, standard, transport, mail);
                if (outcome != null) {
                    failures.add("line " + a.line() + " (" + a.what() + "): " + outcome);
                }
            }
            assertThat(mail.getReceivedMessages()).as("nothing may reach the server").isEmpty();
        } finally {
            mail.stop();
        }
        assertThat(failures).as("attempts not refused as expected").isEmpty();
    }

    /** {@return null when refused as expected, otherwise what happened} */
    private static String attempt(Attempt a, SignedEnvelope envelope, BodyRenderer standard,
            EmailTransport transport, GreenMail mail) {
        try {
            switch (a.field()) {
                case "mailto" -> {
                    URI uri = URI.create(a.value());
                    DeliveryResult r = transport.deliver(new Delivery(envelope, uri));
                    if (!(r instanceof DeliveryResult.PermanentFailure p) || !p.reason().contains("HeaderRejected")) {
                        return "deliver returned " + r;
                    }
                    EmailAddress.fromMailto(uri);
                    return "fromMailto accepted it";
                }
                case "to", "from" -> {
                    EmailAddress.parse(a.field(), a.value());
                    return "parse accepted it";
                }
                case "subject" -> {
                    BodyRenderer evil = e -> {
                        EmailBody b = standard.render(e);
                        return new EmailBody(a.value(), b.text(), b.html());
                    };
                    EmailTransport.builder(smtps(mail), FITF, FITF_SMIME, evil).build().send(envelope, SMC_INBOX);
                    return "send accepted it";
                }
                default -> throw new IllegalStateException("unknown field " + a.field());
            }
        } catch (EmailTransportException.HeaderRejected e) {
            if (!e.field().equals(a.field())) {
                return "refused but naming field '" + e.field() + "'";
            }
            if (!e.isInputRejection()) {
                return "refused but not as an input rejection";
            }
            return null;
        } catch (RuntimeException e) {
            return "unexpected " + e;
        }
    }

    @Test
    void ordinaryValuesAreAccepted() {
        assertThat(EmailAddress.parse("to", "Trust-Safety+fmi@SMC.Example").address())
                .isEqualTo("Trust-Safety+fmi@smc.example");
        assertThat(EmailAddress.fromMailto(URI.create("mailto:trust-safety@smc.example")))
                .isEqualTo(EmailAddress.parse("trust-safety@smc.example"));
        assertThat(new EmailBody("Menace informationnelle étrangère : réf. 42", "t", "h").subject())
                .contains("étrangère");
    }
}
