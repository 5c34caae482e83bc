/**
 * Fixtures for trying the SDK and for tests: a development PKI ({@link org.fmishare.testkit.TestPki}: CAs,
 * signing, TLS and receipt certificates issued in memory) and sample documents ({@link
 * org.fmishare.testkit.SampleData}, the same documents as the repository's {@code samples/} folder).
 *
 * <p>Never for production: no production module of the SDK depends on this one (an architecture test enforces
 * it), and certificates issued here are for loopback and test harnesses only.
 */
package org.fmishare.testkit;
