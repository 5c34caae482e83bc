package org.fmishare.core.model;

/** Actions a company reports having taken on its own platform, under its own policies. */
public enum CompanyAction {
    /** Accounts removed. */
    REMOVED_ACCOUNTS,
    /** Content removed. */
    REMOVED_CONTENT,
    /** Accounts suspended. */
    SUSPENDED_ACCOUNTS,
    /** Content labelled. */
    LABELLED_CONTENT,
    /** Distribution reduced. */
    REDUCED_DISTRIBUTION,
    /** Another action. */
    OTHER
}
