package org.fmishare.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.audit.AuditException;
import org.fmishare.audit.RecordedResponse;
import org.fmishare.audit.ResponseException;
import org.fmishare.audit.ResponseRecorder;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.transport.https.TlsContexts;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiCollection;
import org.fmishare.transport.taxii.TaxiiException;
import org.fmishare.transport.taxii.TaxiiResponses;
import org.fmishare.transport.taxii.stix.PulledResponse;
import org.fmishare.transport.taxii.stix.StixMappingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fmi-share responses pull API-ROOT --collection ID ...}: the office reads companies' response notes from a
 * TAXII collection, verifies each against the companies' receipt certificates and records it once, exactly as
 * {@code responses record} does for response files.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Read company responses (STIX notes on the shares' reports) from a TAXII collection, verify "
                + "each against the companies' receipt certificates, check that the note says what was signed, and "
                + "record each once in the office's audit log. Notes of other producers are passed over. Exit 0 "
                + "when every response was recorded (now or before), 1 when any was refused.",
        footer = ExitCodes.HELP)
final class ResponsesPullCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "API-ROOT", description = "The TAXII API root URL (https, or http on "
            + "loopback only).")
    URI apiRoot;

    @Option(names = "--collection", required = true, paramLabel = "ID", description = "Collection id.")
    String collection;

    @picocli.CommandLine.Mixin
    ResponseRecorderOptions recording = new ResponseRecorderOptions();

    @Option(names = "--user", paramLabel = "USER", description = "HTTP Basic user for the TAXII server.")
    Optional<String> user = Optional.empty();

    @Option(names = "--taxii-password", paramLabel = "P", description = "HTTP Basic password for the TAXII server "
            + "(else the environment variable " + RespondCommand.TAXII_PASSWORD_ENV + ").")
    Optional<String> taxiiPassword = Optional.empty();

    @Option(names = "--tls-trust", paramLabel = "CA.pem", description = "Trusted CA certificate(s) for the TAXII "
            + "server's TLS certificate (default: the Java runtime's CAs).")
    Optional<Path> tlsTrust = Optional.empty();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TaxiiClient.Builder cb = TaxiiClient.builder(apiRoot.resolve("/taxii2/"));
        if (user.isPresent()) {
            String tp = taxiiPassword.orElseGet(() -> System.getenv(RespondCommand.TAXII_PASSWORD_ENV));
            if (tp == null || tp.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "--user needs a password: pass --taxii-password P or set "
                        + RespondCommand.TAXII_PASSWORD_ENV);
            }
            cb.basicAuth(user.get(), tp.toCharArray());
        }
        tlsTrust.ifPresent(t -> cb.sslContext(TlsContexts.trusting(Secrets.certificates(t))));
        ResponseRecorders.Prepared prepared = ResponseRecorders.prepare(recording);
        int refused = 0;
        int recorded = 0;
        int before = 0;
        try (ResponseRecorders.Session session = prepared.open()) {
            ResponseRecorder recorder = session.recorder();
            TaxiiClient client = cb.build();
            TaxiiCollection col = client.collection(apiRoot, collection);
            TaxiiResponses.Pulled pulled = TaxiiResponses.pull(client, col);
            for (StixMappingException e : pulled.malformed()) {
                refused++;
                err.printf("%s: response refused: %s%n", e.objectId(), e.getMessage());
            }
            for (PulledResponse p : pulled.responses()) {
                try {
                    // The recorder verifies the signed envelope (receipt-signing purpose, bound to the company) and
                    // checks it answers an envelope the office sent; the note's view is checked against it.
                    RecordedResponse r = recorder.record(p.envelopeBytes());
                    p.requireSameAs(r.response(), r.inReplyTo(), r.responseEnvelopeId(), r.responseDigest());
                    if (r.firstTime()) {
                        recorded++;
                    } else {
                        before++;
                    }
                    out.printf("%s %s (%s) from %s to envelope %s%n", r.firstTime() ? "recorded"
                            : "already recorded", r.response().id(), r.response().kind(), r.response().companyId(),
                            r.inReplyTo().envelopeId());
                } catch (EnvelopeException | ResponseException | StixMappingException e) {
                    refused++;
                    err.printf("%s: response refused: %s%n", p.noteId(), e.getMessage());
                }
            }
            session.seal();
        } catch (AuditException.StorageFailed e) {
            throw new CliException(ExitCodes.IO_FAILURE, recording.audit + ": " + e.getMessage(), e);
        } catch (TaxiiException e) {
            throw new CliException(e.isInputRejection() ? ExitCodes.UNREADABLE_INPUT : ExitCodes.IO_FAILURE,
                    e.getMessage(), e);
        }
        out.printf("%d response(s) recorded, %d recorded before, %d refused%n", recorded, before, refused);
        return refused == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

}
