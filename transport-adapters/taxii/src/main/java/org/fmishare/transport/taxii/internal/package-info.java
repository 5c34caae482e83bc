/**
 * Internals of the TAXII transport: the JSON configuration shared by the STIX mapping, the client and the test
 * server, and media-type handling. Not API: may change in any release.
 */
package org.fmishare.transport.taxii.internal;
