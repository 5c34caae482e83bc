package org.fmishare.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.audit.AuditException;
import org.fmishare.audit.RecordedResponse;
import org.fmishare.audit.ResponseException;
import org.fmishare.audit.ResponseRecorder;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.transport.email.EmailReceiver;
import org.fmishare.transport.email.EmailTransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fmi-share responses record}: the office's side of company responses. */
@Command(name = "responses", mixinStandardHelpOptions = true, description = "Company responses (office side).",
        subcommands = {ResponsesCommand.Record.class, ResponsesPullCommand.class}, footer = ExitCodes.HELP)
final class ResponsesCommand extends GroupCommand {

    /**
     * {@code fmi-share responses record RESPONSE... --sent ENVELOPE... --audit LOG}: verifies each response against
     * the companies' receipt certificates, checks it answers an envelope the office sent to that company, and
     * records it once in the audit log (without its note, and without consequence for the company).
     */
    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Verify company responses and record each once in the office's audit log. Exit 0 when "
                    + "every response was recorded (now or before), 1 when any was refused.",
            footer = ExitCodes.HELP)
    static final class Record implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "RESPONSE", description = "Signed response files (JWS JSON), or "
                + "with --smime-trust the email messages that carried them (RFC 5322, as the mailbox stores them).")
        List<Path> responses = new ArrayList<>();

        @Option(names = "--smime-trust", paramLabel = "CA.pem", description = "Trusted CA certificate(s) for the "
                + "S/MIME signature of responses that came by email: a RESPONSE that is not JSON is read as an "
                + "email message, its S/MIME signature verified (the signer must be the response's receipt "
                + "certificate, or bound to the company by --senders) and the attached response recorded.")
        Optional<Path> smimeTrust = Optional.empty();

        @picocli.CommandLine.Mixin
        ResponseRecorderOptions recording = new ResponseRecorderOptions();

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ResponseRecorders.Prepared prepared = ResponseRecorders.prepare(recording);
            Optional<EmailReceiver> mailbox = smimeTrust.map(t -> {
                EmailReceiver.Builder eb = EmailReceiver.builder().smimeTrustAnchors(Secrets.certificates(t))
                        .envelopeVerifier(prepared.newVerifier());
                recording.senders.ifPresent(f -> eb.senderDirectory(SenderDirectories.read(f)));
                return eb.build();
            });
            int refused = 0;
            try (ResponseRecorders.Session session = prepared.open()) {
                ResponseRecorder recorder = session.recorder();
                for (Path p : responses) {
                    byte[] bytes = Documents.readBytes(p.toString(), System.in);
                    try {
                        RecordedResponse r;
                        if (isJson(bytes)) {
                            r = recorder.record(bytes);
                        } else if (mailbox.isPresent()) {
                            r = recorder.record(mailbox.get().receive(bytes).envelope());
                        } else {
                            throw new CliException(ExitCodes.USAGE, p + ": not a signed response (JWS JSON); for a "
                                    + "response that came by email give --smime-trust CA.pem");
                        }
                        out.printf("%s %s (%s) from %s to envelope %s%n", r.firstTime() ? "recorded"
                                : "already recorded", r.response().id(), r.response().kind(),
                                r.response().companyId(), r.inReplyTo().envelopeId());
                    } catch (EnvelopeException | ResponseException | EmailTransportException e) {
                        refused++;
                        err.printf("%s: response refused: %s%n", p, e.getMessage());
                    }
                }
                session.seal();
            } catch (AuditException.StorageFailed e) {
                throw new CliException(ExitCodes.IO_FAILURE, recording.audit + ": " + e.getMessage(), e);
            }
            return refused == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }

        /** JWS JSON starts with an object; an email message starts with a header line. */
        private static boolean isJson(byte[] bytes) {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b == '{';
                }
            }
            return false;
        }
    }
}
