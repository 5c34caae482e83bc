package org.fmishare.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.envelope.ReviewerTrust;
import picocli.CommandLine.Option;

/**
 * {@code --reviewer-trust CA.pem} and {@code --reviewers FILE}: the CA of reviewer certificates and the list of
 * reviewers with the offices each may approve for. They come together or not at all; without them no reviewer is
 * trusted, so NEEDS_REVIEW envelopes are refused.
 */
final class ReviewerTrustOptions {
    @Option(names = "--reviewer-trust", paramLabel = "CA.pem", description = "Trusted CA certificate(s) for reviewer "
            + "certificates (review-approval purpose); with --reviewers. Without them no reviewer is trusted and "
            + "NEEDS_REVIEW envelopes are refused.")
    Optional<Path> trust = Optional.empty();

    @Option(names = "--reviewers", paramLabel = "FILE", description = "Reviewer list (JSON, as keys init writes "
            + "reviewers.json): which reviewer ids may approve for which offices; with --reviewer-trust.")
    Optional<Path> reviewers = Optional.empty();

    /** {@return whether {@code --reviewer-trust} was given} */
    boolean given() {
        return trust.isPresent();
    }

    /**
     * Reads the reviewer trust; the command's {@code --crl} lists apply to reviewer certificates too, so with any
     * given, a reviewer's CA must have a current list among them (a revoked or unknown reviewer is refused).
     *
     * @param crls the command's {@code --crl} files; empty when the command takes none
     */
    Optional<ReviewerTrust> read(List<Path> crls) {
        if (trust.isPresent() != reviewers.isPresent()) {
            throw new CliException(ExitCodes.USAGE, trust.isPresent() ? "--reviewer-trust needs --reviewers FILE "
                    + "(which reviewers may approve for which offices)" : "--reviewers needs --reviewer-trust CA.pem "
                    + "(the CA of reviewer certificates)");
        }
        if (trust.isEmpty()) {
            return Optional.empty();
        }
        Path file = reviewers.get();
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": cannot read: " + Problems.reason(e), e);
        }
        try {
            return Optional.of(ReviewerTrust.fromJson(json, Secrets.certificates(trust.get()), Secrets.crls(crls)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": " + e.getMessage(), e);
        }
    }
}
