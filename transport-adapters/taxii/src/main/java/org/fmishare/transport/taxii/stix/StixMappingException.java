package org.fmishare.transport.taxii.stix;

import java.util.Objects;
import org.fmishare.core.FmiShareException;

/**
 * STIX content does not map to (or from) the fmi-share model: a missing or unexpected object, a missing
 * extension, or a property whose value the model refuses. Names the STIX object id and the property path.
 *
 * <p>A family of its own (not a {@link org.fmishare.transport.taxii.TaxiiException}): it judges content, not the
 * exchange with a server, and is always an input rejection that no retry can cure.
 */
public final class StixMappingException extends FmiShareException {
    private static final long serialVersionUID = 1L;
    private final String objectId;
    private final String property;

    /**
     * @param objectId the STIX id of the offending object (or the share id when no object exists)
     * @param property the property path within the object, for example {@code object_refs[3]}
     * @param message what is wrong
     */
    public StixMappingException(String objectId, String property, String message) {
        this(objectId, property, message, null);
    }

    /**
     * @param objectId the STIX id of the offending object
     * @param property the property path within the object
     * @param message what is wrong
     * @param cause the underlying failure, may be null
     */
    public StixMappingException(String objectId, String property, String message, Throwable cause) {
        super(Kind.INPUT_REJECTED, "STIX object " + Objects.requireNonNull(objectId, "objectId") + ", property "
                + Objects.requireNonNull(property, "property") + ": " + Objects.requireNonNull(message, "message"),
                cause);
        this.objectId = objectId;
        this.property = property;
    }

    /** {@return the STIX id of the offending object} */
    public String objectId() {
        return objectId;
    }

    /** {@return the property path within that object} */
    public String property() {
        return property;
    }
}
