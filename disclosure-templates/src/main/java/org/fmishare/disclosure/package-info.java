/**
 * Mandatory-disclosure templates for communications with social media companies, and their receiver-side check.
 *
 * <p>The DOJ's strategic principles for engaging social media companies on foreign malign influence require that a
 * prong-1 share "make clear ... that (a) we are not asking the company to take any action in response to the
 * sharing of the information, and the company has no obligation to do so, and (b) we will not take any adverse
 * action based on the company's decision about whether or how to respond", that "these interactions are entirely
 * voluntary", and that at meetings "FBI personnel are not permitted to direct or suggest that SMCs take any
 * actions concerning content on their platforms". This package turns those requirements into versioned clauses
 * ({@link org.fmishare.disclosure.ClauseCatalog}) that every render includes and proves
 * ({@link org.fmishare.disclosure.DisclosureRenderer}) and that the receiver can check
 * ({@link org.fmishare.disclosure.DisclosureVerifier}).
 *
 * <p>Templates are Mustache (logic-less, rendered with JMustache); clause digests are SHA-256 over the
 * normalisation of {@link org.fmishare.core.compliance.Disclosure#normalise(String)}.
 */
package org.fmishare.disclosure;
