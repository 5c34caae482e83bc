/**
 * Core of the fmi-share SDK: the exception root shared by every module. The domain model lives in
 * {@link org.fmishare.core.model}, its JSON form in {@link org.fmishare.core.json}.
 *
 * <p>Exceptions: {@link org.fmishare.core.FmiShareException} is the root of every exception the SDK throws on
 * purpose and carries, as data, whether the caller's input was rejected or processing failed
 * ({@link org.fmishare.core.FmiShareException.Kind}). Below it each module has one closed family: a {@code sealed}
 * abstract class whose permitted subtypes are small {@code final} classes, or a single {@code final} class. A
 * family's subtypes differ by what callers need to catch separately; finer detail is a field (for example
 * {@link org.fmishare.core.envelope.EnvelopeException.Check}). Families that report delivery attempts (email,
 * HTTPS, TAXII) also say whether a later attempt may succeed, with a {@code retryable()} accessor on the family
 * root.
 */
package org.fmishare.core;
