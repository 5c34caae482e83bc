package org.fmishare.core.model;

/** Which party an attendee represents. */
public enum AttendeeSide {
    /** The FITF, a field office or another government body. */
    GOVERNMENT,
    /** The company the meeting is with. */
    COMPANY,
    /** Another company from the industry (the SOP meets each company individually). */
    OTHER_INDUSTRY,
    /** Anyone else. */
    OTHER
}
