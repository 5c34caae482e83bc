package org.fmishare.transport.taxii.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.fmishare.transport.taxii.ObjectQuery;
import org.fmishare.transport.taxii.PollResult;
import org.fmishare.transport.taxii.TaxiiException;
import org.fmishare.transport.taxii.stix.StixObject;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Paging through TAXII object envelopes for {@link org.fmishare.transport.taxii.TaxiiClient}: each page is parsed
 * as a stream, so memory does not grow with the page or the collection.
 */
public final class ObjectPages {
    private ObjectPages() {}

    /**
     * Reads every page of an objects endpoint, following {@code next} while {@code more} is true, and hands each
     * object to the consumer as it is parsed.
     *
     * <p>A server may reuse one {@code next} token for a whole paging session (medallion does; TAXII 2.1 does not
     * forbid it), so loops are detected by what comes back, never by the token's text: a page that announces
     * {@code more} but brings no object that was not already seen in this read is a protocol violation. Only a
     * 64-bit hash per object (id and version) is kept for that, not the objects.
     *
     * @param http the exchange bound to the client's origin
     * @param base the objects endpoint
     * @param query the filters and page size
     * @param consumer receives the objects in server order
     * @param limits the most pages one read follows and the largest single object
     * @return counts and the last {@code X-TAXII-Date-Added-Last} seen
     */
    public static PollResult readObjects(TaxiiHttp http, URI base, ObjectQuery query, Consumer<StixObject> consumer,
            Limits limits) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(consumer, "consumer");
        long count = 0;
        int pages = 0;
        Optional<Instant> last = Optional.empty();
        String next = null;
        Set<Long> seen = new HashSet<>();
        do {
            if (pages == limits.maxPages()) {
                // Every page brought new objects, or the loop check would have stopped it: a server can still page
                // for ever with fresh content, so the number of pages one read follows is bounded too.
                throw new TaxiiException.ProtocolViolation(base + ": more is still true after " + pages + " pages, "
                        + "the most one read follows (TaxiiClient.Builder.maxPages)");
            }
            URI uri = TaxiiUris.withQuery(base, query, next);
            HttpResponse<InputStream> resp = http.exchange("GET", uri, null, 200);
            pages++;
            Optional<Instant> pageLast = TaxiiJson.dateAddedLast(resp.headers(), uri);
            if (pageLast.isPresent()) {
                last = pageLast;
            }
            PageState page = new PageState(seen);
            try (GuardedBody in = http.body(resp); JsonParser p = StixJson.MAPPER.createParser(in)) {
                count += parsePage(uri, p, in, limits.maxObjectBytes(), page, consumer);
            } catch (IOException e) {
                throw new TaxiiException.ConnectionFailed("reading " + uri + " failed: " + e.getMessage(), e);
            } catch (JacksonException e) {
                IOException io = ioCause(e);
                if (io instanceof GuardedBody.WindowExceeded) {
                    throw new TaxiiException.ContentTooLarge(uri + ": objects[" + page.total + "] is larger than "
                            + limits.maxObjectBytes() + " bytes (TaxiiClient.Builder.maxObjectBytes); not read further");
                }
                if (io != null) {
                    throw new TaxiiException.ConnectionFailed("reading " + uri + " failed: " + io.getMessage(), io);
                }
                throw new TaxiiException.ProtocolViolation(uri + ": malformed envelope"
                        + (e.getLocation() == null ? "" : " at " + e.getLocation()) + ": " + e.getOriginalMessage(), e);
            }
            if (page.more && (page.next == null || page.next.isEmpty())) {
                throw new TaxiiException.ProtocolViolation(uri + ": more is true but the envelope has no next");
            }
            if (page.more && page.fresh == 0) {
                throw new TaxiiException.ProtocolViolation(uri + ": more is true but the page brought no object "
                        + "not already seen (" + page.total + " repeated): the server is paging in a loop");
            }
            next = page.more ? page.next : null;
        } while (next != null);
        return new PollResult(count, pages, last);
    }

    private static final class PageState {
        final Set<Long> seen;
        boolean more;
        String next;
        int total;
        int fresh;

        PageState(Set<Long> seen) {
            this.seen = seen;
        }

        void saw(StixObject o) {
            total++;
            if (seen.add(hash(o.id() + "|" + o.version().orElse("")))) {
                fresh++;
            }
        }
    }

    /** 64-bit FNV-1a: cheap, and a collision would have to cover a whole page to hide progress. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * Bounds of one read.
     *
     * @param maxPages the most pages followed
     * @param maxObjectBytes the largest object, in bytes of JSON
     */
    public record Limits(int maxPages, long maxObjectBytes) {
        /** Checks both are positive. */
        public Limits {
            if (maxPages < 1 || maxObjectBytes < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static long parsePage(URI uri, JsonParser p, GuardedBody body, long maxObjectBytes, PageState page,
            Consumer<StixObject> consumer) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new TaxiiException.ProtocolViolation(uri + ": the envelope must be a JSON object");
        }
        long count = 0;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "more" -> {
                    if (!t.isBoolean()) {
                        throw new TaxiiException.ProtocolViolation(uri + ": more must be a boolean");
                    }
                    page.more = p.getBooleanValue();
                }
                case "next" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        throw new TaxiiException.ProtocolViolation(uri + ": next must be a string");
                    }
                    page.next = p.getString();
                }
                case "objects" -> {
                    if (t != JsonToken.START_ARRAY) {
                        throw new TaxiiException.ProtocolViolation(uri + ": objects must be an array");
                    }
                    int index = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        // The parser reads ahead by one buffer, so the window is counted from here plus that.
                        body.startWindow(maxObjectBytes + StixJson.PARSER_BUFFER);
                        JsonNode node = StixJson.IN_STREAM.readTree(p);
                        body.endWindow();
                        StixObject o;
                        try {
                            o = StixObject.of(node);
                        } catch (IllegalArgumentException e) {
                            throw new TaxiiException.ProtocolViolation(uri + ": objects[" + index + "]: "
                                    + e.getMessage(), e);
                        }
                        page.saw(o);
                        consumer.accept(o);
                        count++;
                        index++;
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw new TaxiiException.ProtocolViolation(uri + ": content after the envelope");
        }
        return count;
    }
}
