package org.fmishare.disclosure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.ThreatShare;

/**
 * The documents an agency template is probe-rendered with when it is loaded: one share, one ad hoc meeting and one
 * briefing, bundled as JSON resources of this module (copies of the repository's sample documents) so that
 * production code never reaches for test fixtures. Loaded once, on first use.
 */
public final class ProbeSamples {
    private static final String DIR = "/org/fmishare/disclosure/probe/";

    private ProbeSamples() {}

    private static final class Holder {
        static final ThreatShare SHARE = read("passing-share.json", ThreatShare.class);
        static final Meeting MEETING = read("adhoc-meeting.json", Meeting.class);
        static final Briefing BRIEFING = read("briefing.json", Briefing.class);
        // A correction renders every section an amendment template can have (the corrected share's too).
        static final ShareAmendment AMENDMENT = ShareAmendment.correction("probe-amendment", SHARE.createdAt(),
                SHARE, "Probe: one account is removed.");
    }

    /** {@return the probe share} */
    public static ThreatShare share() {
        return Holder.SHARE;
    }

    /** {@return the probe meeting} */
    public static ShareAmendment amendment() {
        return Holder.AMENDMENT;
    }

    public static Meeting meeting() {
        return Holder.MEETING;
    }

    /** {@return the probe briefing} */
    public static Briefing briefing() {
        return Holder.BRIEFING;
    }

    private static <T> T read(String name, Class<T> type) {
        try (InputStream in = ProbeSamples.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("probe sample " + name + " is missing from the jar");
            }
            return FmiJson.standard().read(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read probe sample " + name, e);
        }
    }
}
