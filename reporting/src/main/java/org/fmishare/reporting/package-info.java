/**
 * Public transparency reports and meeting cadence planning, built on the verified audit log of
 * {@code org.fmishare.audit}.
 *
 * <p>{@link org.fmishare.reporting.TransparencyReport} turns an
 * {@link org.fmishare.audit.AuditVerification} into the summary an agency can publish (Markdown, HTML with a
 * chart, CSV for analysts, chart as SVG and PNG): per quarter, shares sent by prong, channel, election nexus and SOP
 * rule set; meetings by FITF role and by regular or ad hoc trigger; SMC responses by kind; and SOP rules that blocked
 * shares. Small counts are suppressed so that no published number identifies a company, account or operation.
 *
 * <p>{@link org.fmishare.reporting.CadencePlanner} proposes regular and ad hoc meetings from the threat landscape per
 * company, each with its reasons and its SOP compliance report.
 *
 * <p>This is a module of its own, not part of core, because it is a consumer of the audit trail with heavy,
 * optional dependencies (a charting library, AWT) that the systems emitting audit events must not carry.
 */
package org.fmishare.reporting;
