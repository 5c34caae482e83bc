/**
 * The JSON form of the domain model: {@link org.fmishare.core.json.FmiJson}, one strictly configured Jackson 3
 * mapper behind a small read/write API, and its typed errors. The JSON Schema (draft 2020-12) of the
 * {@code ThreatShare} and {@code Meeting} documents ships as the resources
 * {@code org/fmishare/core/schema/threat-share.schema.json} and {@code .../meeting.schema.json}.
 */
package org.fmishare.core.json;
