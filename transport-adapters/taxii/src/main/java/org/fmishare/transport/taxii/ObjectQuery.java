package org.fmishare.transport.taxii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Filters for the objects, manifest and versions endpoints: {@code added_after}, {@code limit}, {@code match[id]},
 * {@code match[type]}, {@code match[version]} and {@code match[spec_version]}. An empty list means "no filter".
 *
 * @param addedAfter only objects the server added after this instant
 * @param limit the page size asked for (the server may return fewer)
 * @param ids {@code match[id]} values
 * @param types {@code match[type]} values
 * @param versions {@code match[version]} values: {@code last}, {@code first}, {@code all} or timestamps
 * @param specVersions {@code match[spec_version]} values
 */
public record ObjectQuery(Optional<Instant> addedAfter, OptionalInt limit, List<String> ids, List<String> types,
        List<String> versions, List<String> specVersions) {
    /** Validates: the limit is positive and no value is blank or contains a comma (TAXII's list separator). */
    public ObjectQuery {
        Objects.requireNonNull(addedAfter, "addedAfter");
        Objects.requireNonNull(limit, "limit");
        ids = checked("ids", ids);
        types = checked("types", types);
        versions = checked("versions", versions);
        specVersions = checked("specVersions", specVersions);
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit.getAsInt());
        }
    }

    private static List<String> checked(String name, List<String> values) {
        Objects.requireNonNull(values, name);
        for (String v : values) {
            Objects.requireNonNull(v, name + " element");
            if (v.isBlank() || v.contains(",")) {
                throw new IllegalArgumentException(name + ": '" + v + "' is blank or contains a comma");
            }
        }
        return List.copyOf(values);
    }

    /** {@return a query without filters} */
    public static ObjectQuery all() {
        return builder().build();
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a copy with another {@code added_after}} @param instant the new value */
    public ObjectQuery withAddedAfter(Instant instant) {
        return new ObjectQuery(Optional.of(instant), limit, ids, types, versions, specVersions);
    }

    /** Assembles a query; not thread-safe. */
    public static final class Builder {
        private Instant addedAfter;
        private Integer limit;
        private final List<String> ids = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> versions = new ArrayList<>();
        private final List<String> specVersions = new ArrayList<>();

        private Builder() {}

        /** @param instant objects added after this @return this builder */
        public Builder addedAfter(Instant instant) {
            this.addedAfter = Objects.requireNonNull(instant, "instant");
            return this;
        }

        /** @param limit the page size asked for, at least 1 @return this builder */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** @param ids STIX ids to match @return this builder */
        public Builder matchId(String... ids) {
            this.ids.addAll(List.of(ids));
            return this;
        }

        /** @param ids STIX ids to match @return this builder */
        public Builder matchIds(List<String> ids) {
            this.ids.addAll(ids);
            return this;
        }

        /** @param types STIX types to match @return this builder */
        public Builder matchType(String... types) {
            this.types.addAll(List.of(types));
            return this;
        }

        /** @param versions {@code last}, {@code first}, {@code all} or timestamps @return this builder */
        public Builder matchVersion(String... versions) {
            this.versions.addAll(List.of(versions));
            return this;
        }

        /** @param specVersions STIX spec versions to match @return this builder */
        public Builder matchSpecVersion(String... specVersions) {
            this.specVersions.addAll(List.of(specVersions));
            return this;
        }

        /** {@return the query} */
        public ObjectQuery build() {
            return new ObjectQuery(Optional.ofNullable(addedAfter),
                    limit == null ? OptionalInt.empty() : OptionalInt.of(limit), ids, types, versions, specVersions);
        }
    }
}
