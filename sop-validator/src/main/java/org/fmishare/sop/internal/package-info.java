/**
 * Not API: the built-in SOP rules, the coercion linter, the rule set document binding and the canonical report
 * form. Everything here may change without notice; use {@link org.fmishare.sop.SopValidator} and its companions.
 */
package org.fmishare.sop.internal;
