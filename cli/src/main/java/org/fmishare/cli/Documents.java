package org.fmishare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ThreatShare;
import tools.jackson.databind.JsonNode;

/** Reads model documents given on the command line (a path, or {@code -} for standard input). */
final class Documents {
    /** The kinds of document the command line accepts, recognised by their properties. */
    enum Kind { SHARE, MEETING, BRIEFING }

    /** A document read from a file, with its kind and value. */
    record Document(String source, Kind kind, Object value) {
        ThreatShare share() {
            return (ThreatShare) value;
        }
    }

    private Documents() {}

    static byte[] readBytes(String source, InputStream stdin) {
        try {
            if ("-".equals(source)) {
                byte[] b = stdin.readNBytes(FmiJson.DEFAULT_MAX_INPUT_BYTES + 1);
                return b;
            }
            Path p = Path.of(source);
            if (Files.isDirectory(p)) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, source + ": is a directory, not a document");
            }
            long size = Files.size(p);
            if (size > FmiJson.DEFAULT_MAX_INPUT_BYTES) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, source + ": " + size
                        + " bytes exceeds the limit of " + FmiJson.DEFAULT_MAX_INPUT_BYTES + " bytes");
            }
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, source + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, source + ": cannot read: " + Problems.reason(e), e);
        }
    }

    /** Reads and recognises a share, meeting or briefing; any problem is an exit-3 error naming the source. */
    static Document read(String source, InputStream stdin) {
        byte[] bytes = readBytes(source, stdin);
        FmiJson json = FmiJson.standard();
        try {
            Kind kind = detect(source, json, bytes);
            Object value = switch (kind) {
                case SHARE -> json.read(bytes, ThreatShare.class);
                case MEETING -> json.read(bytes, Meeting.class);
                case BRIEFING -> json.read(bytes, Briefing.class);
            };
            return new Document(source, kind, value);
        } catch (JsonCodecException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, source + ": " + e.getMessage(), e);
        }
    }

    private static Kind detect(String source, FmiJson json, byte[] bytes) {
        JsonNode tree;
        try {
            // Parse strictly once to recognise the kind; the typed read then reports paths precisely.
            tree = json.mapper().readTree(bytes);
        } catch (tools.jackson.core.JacksonException e) {
            // Let the typed reader produce the precise, path-naming error.
            json.read(bytes, ThreatShare.class);
            throw new CliException(ExitCodes.UNREADABLE_INPUT, source + ": not a JSON document: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, source + ": "
                    + (tree == null ? "empty, " : "") + "expected a JSON object (a share, meeting or briefing)");
        }
        if (tree.has("facts") || tree.has("recipient")) {
            return Kind.SHARE;
        }
        if (tree.has("companies") || tree.has("companyConsent")) {
            return Kind.MEETING;
        }
        if (tree.has("audiences") || tree.has("briefingCompany")) {
            return Kind.BRIEFING;
        }
        throw new CliException(ExitCodes.UNREADABLE_INPUT,
                source + ": not a share, meeting or briefing (expected the properties of one of them)");
    }
}
