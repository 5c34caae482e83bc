/** Not API: the envelope's wire document. May change without
 * notice. */
package org.fmishare.core.envelope.internal;
