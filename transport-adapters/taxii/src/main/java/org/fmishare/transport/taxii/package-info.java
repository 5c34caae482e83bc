/**
 * TAXII 2.1 (OASIS, "TAXII Version 2.1", 2021) client for exchanging fmi-share threat shares as STIX 2.1 content.
 *
 * <p>{@link org.fmishare.transport.taxii.TaxiiClient} implements discovery, API root information, collections,
 * objects (with {@code added_after}, {@code match[...]}, {@code limit} and paging by {@code next}/{@code more}),
 * add objects with status polling, manifest and object versions, over {@link java.net.http.HttpClient} with HTTP
 * Basic authentication or mutual TLS. {@link org.fmishare.transport.taxii.TaxiiClient#publish publish} splits a
 * set of objects by the API root's {@code max_content_length}, polls each status resource to completion and
 * reports a typed outcome per object. Every failure is a {@link org.fmishare.transport.taxii.TaxiiException}.
 *
 * <p>The STIX mapping of shares lives in {@link org.fmishare.transport.taxii.stix}; an in-process TAXII server for
 * tests and harnesses in {@code org.fmishare.transport.taxii.testserver}; {@link org.fmishare.transport.taxii.TaxiiShares}
 * joins the two for the common "publish a share, read it back" flow; {@link
 * org.fmishare.transport.taxii.TaxiiPuller} follows a collection's shares with their corrections and retractions into
 * share states, and {@link org.fmishare.transport.taxii.TaxiiResponses} carries companies' responses.
 */
package org.fmishare.transport.taxii;
