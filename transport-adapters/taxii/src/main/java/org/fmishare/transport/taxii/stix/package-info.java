/**
 * STIX 2.1 (OASIS, "STIX Version 2.1", 2021) mapping of fmi-share threat shares, both ways.
 *
 * <p>{@link org.fmishare.transport.taxii.stix.StixShareMapper} turns a {@link
 * org.fmishare.transport.taxii.stix.StixShareInput} (share, mandatory disclosures, compliance summary, signed
 * envelope) into a {@link org.fmishare.transport.taxii.stix.StixBundle}, and STIX objects pulled from TAXII back
 * into a {@link org.fmishare.transport.taxii.stix.PulledShare}. The layout of the bundle, the fmi-share property
 * extension ({@link org.fmishare.transport.taxii.stix.FmiStixExtension}) and how the signed envelope travels are
 * described on the mapper. Identifiers follow STIX 2.1 section 2.9 ({@link
 * org.fmishare.transport.taxii.stix.StixIds}); TLP 2.0 markings use the OASIS marking-definition ids ({@link
 * org.fmishare.transport.taxii.stix.StixMarkings}). Corrections and retractions are new versions of a share's objects
 * ({@link org.fmishare.transport.taxii.stix.StixAmendments}); a company's response is a {@code note} on the share's
 * report ({@link org.fmishare.transport.taxii.stix.StixResponses}).
 */
package org.fmishare.transport.taxii.stix;
