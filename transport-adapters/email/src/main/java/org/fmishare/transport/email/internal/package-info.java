/**
 * Internals of the email transport: header rules, MIME assembly, S/MIME signing, encryption and verification with
 * Bouncy Castle, SMTP session set-up and reply classification. Not API: may change without notice.
 */
package org.fmishare.transport.email.internal;
