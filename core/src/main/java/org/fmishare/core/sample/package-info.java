/**
 * Fictional, deterministic sample data for demos, documentation and test harnesses. Nothing here refers to a real
 * actor, account or company.
 */
package org.fmishare.core.sample;
