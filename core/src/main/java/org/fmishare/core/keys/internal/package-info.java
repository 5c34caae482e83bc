/**
 * Not API: key-type detection and the shared Bouncy Castle provider instance used by the keys and envelope
 * packages. May change without notice.
 */
package org.fmishare.core.keys.internal;
