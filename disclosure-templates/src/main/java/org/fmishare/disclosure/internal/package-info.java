/**
 * Implementation of the disclosure module: clause matching, HTML-to-text extraction, per-format escaping and the
 * template views. Not API: may change in any release.
 */
package org.fmishare.disclosure.internal;
