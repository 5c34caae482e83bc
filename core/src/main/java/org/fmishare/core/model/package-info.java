/**
 * The fmi-share domain model: foreign actors, FMI operations, accounts, graded facts, companies and their
 * voluntary participation, offices, prong-1 {@link org.fmishare.core.model.ThreatShare threat shares}, prong-2
 * {@link org.fmishare.core.model.Meeting meetings}, {@link org.fmishare.core.model.Briefing briefings} of election
 * officials, company responses and inbound reports.
 *
 * <p>Every type is an immutable record validated in its compact constructor against the Jakarta Validation
 * constraints on its components (plus a few cross-field rules); an invalid value cannot be constructed and
 * construction fails with {@link org.fmishare.core.model.InvalidModelException}, naming field and rule.
 * Optional values are {@link java.util.Optional} components, never {@code null}; lists are immutable copies.
 *
 * <p>The model checks structure only. Whether a share may be sent under the Department's Standard Operating
 * Procedures is decided by the {@code sop-validator} module.
 */
package org.fmishare.core.model;
