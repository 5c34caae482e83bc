package org.fmishare.core.model;

/** The two kinds of Department office that engage companies. */
public enum OfficeKind {
    /** The FBI's Foreign Influence Task Force, which leads engagement nationwide. */
    FITF,
    /** A local FBI field office, which works in coordination with the FITF within its area of responsibility. */
    FIELD_OFFICE
}
