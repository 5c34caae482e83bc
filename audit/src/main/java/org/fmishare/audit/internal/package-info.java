/** Not API: the audit log's entry codec and checkpoint JWS. May change without notice. */
package org.fmishare.audit.internal;
