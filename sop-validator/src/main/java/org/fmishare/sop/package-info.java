/**
 * The SOP validator: decides whether a prong-1 {@link org.fmishare.core.model.ThreatShare} may be sent, a prong-2
 * {@link org.fmishare.core.model.Meeting} held as planned, or a {@link org.fmishare.core.model.Briefing} given,
 * under the Justice Department's Standard Operating Procedures for sharing foreign-malign-influence threat
 * information with social media companies (first implemented February 2024), and explains why.
 *
 * <p>Entry point: {@link org.fmishare.sop.SopValidator}. Rule sets are versioned data
 * ({@link org.fmishare.sop.RuleSet}, chosen by date from {@link org.fmishare.sop.RuleSets}); the result is a
 * {@link org.fmishare.sop.ComplianceReport} whose {@link org.fmishare.sop.ComplianceReport#summary() summary}
 * travels in signed envelopes, rendered by {@link org.fmishare.sop.ReportRenderer}. Agencies add rules through
 * {@link org.fmishare.sop.SopRule}. The report digest uses RFC 8785 (JSON Canonicalization Scheme).
 */
package org.fmishare.sop;
