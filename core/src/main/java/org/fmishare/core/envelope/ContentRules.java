package org.fmishare.core.envelope;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.internal.PayloadDocument;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.core.model.ThreatShare;

/**
 * The cross-field rules of a payload, applied by the signer before signing and by the verifier after the signature
 * and chain checks, so both sides enforce one definition.
 */
final class ContentRules {
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private ContentRules() {}

    static void check(PayloadDocument doc, Map<EnvelopeKind, Set<String>> requiredDisclosures) {
        if (!PayloadDocument.FORMAT.equals(doc.format())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "$.format must be '" + PayloadDocument.FORMAT + "', was '"
                    + doc.format() + "'");
        }
        if (!EnvelopeReference.isUuid(doc.envelopeId())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "$.envelopeId must be a lower-case UUID");
        }
        if (!NONCE.matcher(doc.nonce()).matches()) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "$.nonce must be 16 bytes in unpadded base64url");
        }
        if (!doc.expiresAt().isAfter(doc.issuedAt())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "$.expiresAt must be after $.issuedAt");
        }
        if (!doc.bodyMatchesKind()) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                    "a " + doc.kind() + " envelope must carry exactly its own "
                    + "body field; found " + doc.bodyCount() + " body fields");
        }
        String sender = doc.sender().id();
        switch (doc.kind()) {
            case THREAT_SHARE -> {
                ThreatShare s = doc.share().orElseThrow();
                requireEqual("$.share.sendingOffice.id", s.sendingOffice().id(), "$.sender.id", sender);
                requireEqual("$.share.recipient.id", s.recipient().id(), "$.recipient", doc.recipient());
            }
            case MEETING_NOTICE -> {
                Meeting m = doc.meetingNotice().orElseThrow();
                requireEqual("$.meetingNotice.leadingOffice.id", m.leadingOffice().id(), "$.sender.id", sender);
                if (m.companies().stream().noneMatch(c -> c.id().equals(doc.recipient()))) {
                    throw new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                            "$.recipient '" + doc.recipient()
                            + "' is not among the meeting's companies");
                }
            }
            case BRIEFING_SUMMARY -> {
                // A briefing has no addressee field of its own; the recipient is whoever the sender names.
            }
            case SHARE_AMENDMENT -> {
                ShareAmendment a = doc.amendment().orElseThrow();
                requireEqual("$.amendment.sendingOffice.id", a.sendingOffice().id(), "$.sender.id", sender);
                requireEqual("$.amendment.recipient.id", a.recipient().id(), "$.recipient", doc.recipient());
            }
            case RECEIPT -> {
                SmcResponse r = doc.response().orElseThrow();
                requireEqual("$.response.companyId", r.companyId(), "$.sender.id", sender);
            }
        }
        if ((doc.kind() == EnvelopeKind.RECEIPT) != doc.inReplyTo().isPresent()) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                    "$.inReplyTo must be present exactly for receipts");
        }
        if ((doc.kind() == EnvelopeKind.SHARE_AMENDMENT) != doc.amends().isPresent()) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                    "$.amends must be present exactly for share amendments");
        }
        checkDisclosures(doc.kind(), doc.disclosures(), requiredDisclosures.get(doc.kind()));
        if (doc.kind() != EnvelopeKind.RECEIPT) {
            ComplianceSummary c = doc.compliance().orElseThrow(() -> new EnvelopeException.Rejected(
                    EnvelopeException.Check.COMPLIANCE, "$.compliance is required for a " + doc.kind()));
            // A NEEDS_REVIEW summary must carry a reviewer's approval (the summary itself allows an approval only
            // with NEEDS_REVIEW); the approval's signature, trust and digests are the ReviewerTrust's checks.
            if (c.verdict() != Verdict.PASS && !(c.verdict() == Verdict.NEEDS_REVIEW && c.review().isPresent())) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.COMPLIANCE,
                        "$.compliance.verdict must be PASS, or NEEDS_REVIEW with a reviewer's approval "
                        + "($.compliance.review), was " + c.verdict()
                        + (c.verdict() == Verdict.NEEDS_REVIEW ? " without an approval" : ""));
            }
            if (doc.kind() == EnvelopeKind.THREAT_SHARE
                    && !c.ruleSetId().equals(doc.share().orElseThrow().ruleSetId())) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.COMPLIANCE,
                        "$.compliance.ruleSetId '" + c.ruleSetId()
                        + "' differs from the share's rule set '" + doc.share().orElseThrow().ruleSetId() + "'");
            }
            if (doc.kind() == EnvelopeKind.SHARE_AMENDMENT
                    && !c.ruleSetId().equals(doc.amendment().orElseThrow().ruleSetId())) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.COMPLIANCE,
                        "$.compliance.ruleSetId '" + c.ruleSetId() + "' differs from the amendment's rule set '"
                        + doc.amendment().orElseThrow().ruleSetId() + "'");
            }
        }
    }

    static void checkDisclosures(EnvelopeKind kind, List<Disclosure> disclosures, Set<String> required) {
        Set<String> ids = new HashSet<>();
        for (Disclosure d : disclosures) {
            if (!ids.add(d.id())) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.DISCLOSURES,
                        "$.disclosures repeats clause '" + d.id() + "'");
            }
            // The Disclosure constructor already recomputed the digest; recheck so no path can skip it.
            if (!Disclosure.digestOf(d.text()).equals(d.digest())) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.DISCLOSURES,
                        "$.disclosures clause '" + d.id()
                        + "': digest does not match text");
            }
        }
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(ids);
        if (!missing.isEmpty()) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.DISCLOSURES,
                    "a " + kind + " requires the disclosures " + new TreeSet<>(
                    required) + "; missing " + missing);
        }
    }

    private static void requireEqual(String pathA, String a, String pathB, String b) {
        if (!a.equals(b)) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                    pathA + " '" + a + "' must equal " + pathB + " '" + b + "'");
        }
    }
}
