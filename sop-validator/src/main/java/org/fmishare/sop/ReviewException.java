package org.fmishare.sop;

import java.util.List;

/**
 * A reviewer's decision does not fit the compliance report it is about: the report cannot be reviewed (FAIL, PASS,
 * or rules that did not run), a decision tries to approve an ERROR finding, names a finding the report does not
 * have, or leaves a REVIEW finding undecided. Always an input rejection; the message names the finding ids and the
 * rule broken.
 */
public abstract sealed class ReviewException extends SopException
        permits ReviewException.NotReviewable, ReviewException.ErrorNotApprovable, ReviewException.UnknownFinding,
        ReviewException.Uncovered {
    private static final long serialVersionUID = 1L;

    private ReviewException(String message) {
        super(Kind.INPUT_REJECTED, message, null);
    }

    /** The report's verdict is not NEEDS_REVIEW, or some of its rules were not evaluated: nothing to approve. */
    public static final class NotReviewable extends ReviewException {
        private static final long serialVersionUID = 1L;

        NotReviewable(String message) {
            super(message);
        }
    }

    /** A decision names an ERROR finding: a broken rule can never be approved away. */
    public static final class ErrorNotApprovable extends ReviewException {
        private static final long serialVersionUID = 1L;

        ErrorNotApprovable(List<String> findingIds) {
            super("ERROR findings can never be approved: " + findingIds + "; fix the content and validate again");
        }
    }

    /** A decision names a finding (or rule) the report does not have as a REVIEW finding. */
    public static final class UnknownFinding extends ReviewException {
        private static final long serialVersionUID = 1L;

        UnknownFinding(String selector, List<String> reviewIds) {
            super("'" + selector + "' is not a REVIEW finding or rule of this report (its REVIEW findings: "
                    + reviewIds + ")");
        }
    }

    /** Some REVIEW findings of the report have no decision. */
    public static final class Uncovered extends ReviewException {
        private static final long serialVersionUID = 1L;

        Uncovered(List<String> findingIds) {
            super("every REVIEW finding needs a decision; undecided: " + findingIds);
        }
    }
}
