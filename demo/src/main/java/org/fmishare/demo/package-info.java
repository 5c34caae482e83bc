/**
 * The end-to-end demo: one share validated, rendered, signed and delivered through the durable outbox over HTTPS
 * (mutual TLS), S/MIME email and TAXII 2.1 to receivers running in the same process on loopback, then the audit log
 * verified and the transparency report written. Not deployed; run it with {@code ./fmi-share demo}.
 */
package org.fmishare.demo;
