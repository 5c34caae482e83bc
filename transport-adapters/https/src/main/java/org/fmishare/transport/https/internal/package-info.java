/**
 * Implementation details of the HTTPS transport (Retry-After parsing, bounded response bodies, dedupe keys). Not
 * API: may change in any release.
 */
package org.fmishare.transport.https.internal;
