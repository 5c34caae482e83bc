/** Not API: counting, small-number suppression, chart rendering and output writers. May change without notice. */
package org.fmishare.reporting.internal;
