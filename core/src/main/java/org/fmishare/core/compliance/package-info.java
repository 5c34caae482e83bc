/**
 * The compliance facts that travel with every message: the SOP {@link org.fmishare.core.compliance.Verdict}, a
 * {@link org.fmishare.core.compliance.ComplianceSummary} of the validator's report, and the machine-readable
 * mandatory {@link org.fmishare.core.compliance.Disclosure disclosures}. The validator ({@code sop-validator}) and
 * the clause texts ({@code disclosure-templates}) live in their own modules; these types are in core so that the
 * envelope and transports can carry them without depending on those modules.
 */
package org.fmishare.core.compliance;
