/** Not API: the envelope's wire document and the expiring record file of the file replay cache. May change without
 * notice. */
package org.fmishare.core.envelope.internal;
