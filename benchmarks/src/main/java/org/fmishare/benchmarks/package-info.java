/**
 * JMH benchmarks of the SDK: preparation and verification against the bare signature floor, the validator,
 * renderer and codec alone, growth with share size, and the durable outbox. Run them with {@link
 * org.fmishare.benchmarks.RunAll} (see BENCHMARKS.md at the repository root).
 */
package org.fmishare.benchmarks;
