package org.fmishare.core.model;

/**
 * U.S. states, the District of Columbia and the inhabited territories, by USPS code: the units in which FBI field
 * offices' areas of responsibility are expressed.
 */
public enum UsJurisdiction {
    AL, AK, AZ, AR, CA, CO, CT, DE, FL, GA, HI, ID, IL, IN, IA, KS, KY, LA, ME, MD, MA, MI, MN, MS, MO, MT, NE, NV,
    NH, NJ, NM, NY, NC, ND, OH, OK, OR, PA, RI, SC, SD, TN, TX, UT, VT, VA, WA, WV, WI, WY,
    /** District of Columbia. */
    DC,
    /** Puerto Rico. */
    PR,
    /** Guam. */
    GU,
    /** U.S. Virgin Islands. */
    VI,
    /** American Samoa. */
    AS,
    /** Northern Mariana Islands. */
    MP
}
