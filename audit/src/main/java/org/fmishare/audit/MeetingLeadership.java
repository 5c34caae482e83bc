package org.fmishare.audit;

import java.util.Objects;
import org.fmishare.core.model.Meeting;

/**
 * Who led a meeting and how the FITF took part: the principles require that "for every meeting, the FITF
 * participates in the meeting and/or oversees local field office personnel conducting the meeting", and the
 * transparency report counts meetings by this value.
 */
public enum MeetingLeadership {
    /** The FITF led the meeting. */
    FITF_LED,
    /** A field office led it and the FITF participated. */
    FIELD_OFFICE_FITF_PARTICIPATING,
    /** A field office led it under FITF oversight. */
    FIELD_OFFICE_FITF_OVERSIGHT,
    /** A field office led it without the FITF: a breach of the principles, recorded so it is visible. */
    FIELD_OFFICE_WITHOUT_FITF;

    /**
     * Classifies a meeting.
     *
     * @param meeting the meeting
     * @return its leadership
     */
    public static MeetingLeadership of(Meeting meeting) {
        Objects.requireNonNull(meeting, "meeting");
        if (meeting.leadingOffice().isFitf()) {
            return FITF_LED;
        }
        return switch (meeting.fitf().role()) {
            case PARTICIPATES -> FIELD_OFFICE_FITF_PARTICIPATING;
            case OVERSEES -> FIELD_OFFICE_FITF_OVERSIGHT;
            case NOT_INVOLVED -> FIELD_OFFICE_WITHOUT_FITF;
        };
    }
}
