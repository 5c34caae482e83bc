package org.fmishare.transport.taxii.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fmishare.transport.taxii.TaxiiException;
import org.fmishare.transport.taxii.TaxiiStatus;
import org.fmishare.transport.taxii.stix.StixObject;

/**
 * Chunking for {@link org.fmishare.transport.taxii.TaxiiClient#publish}: splitting objects into add-objects
 * requests that respect the server's {@code max_content_length}, writing their envelopes, and matching status
 * entries back to the objects sent.
 */
public final class AddChunks {
    private AddChunks() {}

    /**
     * Finds an object in a status resource's list.
     *
     * @param details the status's successes, failures or pendings
     * @param o the object sent
     * @return the entry reporting on it, matched by id and (when the object has one) version as an instant
     */
    public static Optional<TaxiiStatus.Detail> find(List<TaxiiStatus.Detail> details, StixObject o) {
        // Objects without modified/created are versioned by the server's date added, which we cannot know.
        return details.stream().filter(d -> d.id().equals(o.id())
                && (o.version().isEmpty() || sameInstant(d.version(), o.version().get()))).findFirst();
    }

    private static boolean sameInstant(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return StixJson.parseTimestamp(a).equals(StixJson.parseTimestamp(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @param id a STIX id
     * @param version its version, or {@code null} when it has none
     * @return the key identifying the object version within one publish
     */
    public static String key(String id, String version) {
        return id + "|" + (version == null ? "" : version);
    }

    /**
     * Splits objects into requests whose add-objects envelope is at most {@code max} bytes, keeping their order.
     *
     * @param objects the objects
     * @param max the API root's {@code max_content_length}
     * @return the chunks
     * @throws TaxiiException.ContentTooLarge when one object cannot fit in a request on its own
     */
    public static List<List<StixObject>> split(List<StixObject> objects, long max) {
        final int overhead = "{\"objects\":[]}".length();
        List<List<StixObject>> out = new ArrayList<>();
        List<StixObject> current = new ArrayList<>();
        long size = overhead;
        for (StixObject o : objects) {
            long len = o.json().getBytes(StandardCharsets.UTF_8).length;
            if (overhead + len > max) {
                throw new TaxiiException.ContentTooLarge("object " + o.id() + " needs " + (overhead + len)
                        + " bytes in a request, more than the server's max_content_length of " + max);
            }
            long add = (current.isEmpty() ? 0 : 1) + len;
            if (size + add > max) {
                out.add(current);
                current = new ArrayList<>();
                size = overhead;
                add = len;
            }
            current.add(o);
            size += add;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /**
     * @param objects the objects of one chunk
     * @return the add-objects envelope {@code {"objects":[...]}} holding them, as UTF-8
     */
    public static byte[] envelope(List<StixObject> objects) {
        StringBuilder sb = new StringBuilder("{\"objects\":[");
        for (int i = 0; i < objects.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(objects.get(i).json());
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
