/**
 * An in-process TAXII 2.1 server for tests, harnesses and demos, on the JDK's {@code com.sun.net.httpserver}.
 *
 * <p>{@link org.fmishare.transport.taxii.testserver.TaxiiTestServer} implements discovery, one API root, collections,
 * objects (filters, paging by {@code next}), add objects with status resources, manifest and versions, checks media
 * types (406/415), HTTP Basic authentication (401) and, when started with an {@link javax.net.ssl.SSLContext},
 * TLS with optional mandatory client certificates. It keeps everything in memory and is not a production server.
 */
package org.fmishare.transport.taxii.testserver;
