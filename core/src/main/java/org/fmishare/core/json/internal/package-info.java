/** Internal parts of the JSON codec. Not API. */
package org.fmishare.core.json.internal;
