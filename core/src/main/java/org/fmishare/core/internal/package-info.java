/**
 * Internal helpers of the core module. Not API: anything here may change without notice.
 */
package org.fmishare.core.internal;
