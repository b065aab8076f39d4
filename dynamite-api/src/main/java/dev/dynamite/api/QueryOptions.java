package dev.dynamite.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The options of a query: how many matching items to skip and return, their order, which attributes to load, which
 * relations to include, and whether soft-deleted items are seen. Immutable and thread-safe; built with
 * {@link #builder()}.
 *
 * <pre>{@code
 * List<Order> recent = Order.model.where(Map.of("userId", id),
 *         QueryOptions.builder().order(Order.DESC).limit(10).attributes("total", "status").build());
 * }</pre>
 *
 * <p>{@code limit} and {@code skip} count matching items, not items DynamoDB examined.
 */
public final class QueryOptions {
    private static final QueryOptions NONE = builder().build();

    private final @Nullable Integer limit;
    private final int skip;
    private final @Nullable Order order;
    private final List<String> attributes;
    private final Map<String, Include> includes;
    private final boolean withTrashed;
    private final boolean onlyTrashed;
    private final @Nullable String after;
    private final boolean allowScan;
    private final int segments;

    private QueryOptions(Builder b) {
        this.limit = b.limit;
        this.skip = b.skip;
        this.order = b.order;
        this.attributes = List.copyOf(b.attributes);
        this.includes = Collections.unmodifiableMap(new LinkedHashMap<>(b.includes));
        this.withTrashed = b.withTrashed;
        this.onlyTrashed = b.onlyTrashed;
        this.after = b.after;
        this.allowScan = b.allowScan;
        this.segments = b.segments;
    }

    /**
     * Starts a set of options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the options that change nothing.
     *
     * @return no limit, no skip, natural order, every attribute, no include, soft-deleted items excluded
     */
    public static QueryOptions none() {
        return NONE;
    }

    /**
     * Returns a builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.limit = limit;
        b.skip = skip;
        b.order = order;
        b.attributes.addAll(attributes);
        b.includes.putAll(includes);
        b.withTrashed = withTrashed;
        b.onlyTrashed = onlyTrashed;
        b.after = after;
        b.allowScan = allowScan;
        b.segments = segments;
        return b;
    }

    /**
     * Returns the most matching items to return.
     *
     * @return the limit, or empty for all
     */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /**
     * Returns how many matching items are skipped before the first one returned.
     *
     * @return the skip, 0 by default
     */
    public int skip() {
        return skip;
    }

    /**
     * Returns the order.
     *
     * @return the order, or empty for DynamoDB's (ascending sort key on a Query)
     */
    public Optional<Order> order() {
        return Optional.ofNullable(order);
    }

    /**
     * Returns the attributes to load.
     *
     * @return Java field names; empty for all. Keys are always loaded.
     */
    public List<String> attributes() {
        return attributes;
    }

    /**
     * Returns the relations to include.
     *
     * @return relation field names to what to load of them, in the order given
     */
    public Map<String, Include> includes() {
        return includes;
    }

    /**
     * Tells whether soft-deleted items are seen too.
     *
     * @return true after {@link Builder#withTrashed()}
     */
    public boolean withTrashed() {
        return withTrashed;
    }

    /**
     * Tells whether only soft-deleted items are seen.
     *
     * @return true after {@link Builder#onlyTrashed()}
     */
    public boolean onlyTrashed() {
        return onlyTrashed;
    }

    /**
     * Returns the cursor a paged query resumes after.
     *
     * @return the cursor of the previous page, or empty to start at the first item
     */
    public Optional<String> after() {
        return Optional.ofNullable(after);
    }

    /**
     * Tells whether the query may scan the table even where the client's scan policy refuses scans.
     *
     * @return true after {@link Builder#allowScan()}
     */
    public boolean allowScan() {
        return allowScan;
    }

    /**
     * Returns how many parallel segments a query whose plan is a scan is read in.
     *
     * @return 1 (one scan) unless {@link Builder#parallel(int)} said otherwise
     */
    public int segments() {
        return segments;
    }

    @Override
    public String toString() {
        return "QueryOptions[limit=" + limit + ", skip=" + skip + ", order=" + order + ", attributes=" + attributes
                + ", includes=" + includes.keySet() + ", withTrashed=" + withTrashed + ", onlyTrashed=" + onlyTrashed
                + (after == null ? "" : ", after=" + after) + (allowScan ? ", allowScan" : "")
                + (segments > 1 ? ", parallel=" + segments : "") + "]";
    }

    /** Builds {@link QueryOptions}; setters return the builder, {@link #build()} checks everything. Not thread-safe. */
    public static final class Builder {
        private @Nullable Integer limit;
        private int skip;
        private @Nullable Order order;
        private final List<String> attributes = new ArrayList<>();
        private final Map<String, Include> includes = new LinkedHashMap<>();
        private boolean withTrashed;
        private boolean onlyTrashed;
        private @Nullable String after;
        private boolean allowScan;
        private int segments = 1;

        private Builder() {
        }

        /**
         * Returns at most {@code limit} matching items.
         *
         * @param limit at least 0
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Skips the first {@code skip} matching items.
         *
         * @param skip at least 0
         * @return this builder
         */
        public Builder skip(int skip) {
            this.skip = skip;
            return this;
        }

        /**
         * Skips the first {@code offset} matching items: the same as {@link #skip(int)}.
         *
         * @param offset at least 0
         * @return this builder
         */
        public Builder offset(int offset) {
            return skip(offset);
        }

        /**
         * Orders the results by key.
         *
         * @param order ascending or descending
         * @return this builder
         */
        public Builder order(Order order) {
            this.order = Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * Loads only these attributes (and the keys, always).
         *
         * @param attributes Java field names
         * @return this builder
         */
        public Builder attributes(String... attributes) {
            this.attributes.clear();
            this.attributes.addAll(List.of(attributes));
            return this;
        }

        /**
         * Includes a relation, whole.
         *
         * @param relation the relation field name
         * @return this builder
         */
        public Builder include(String relation) {
            return include(relation, Include.all());
        }

        /**
         * Includes a relation, with options of its own.
         *
         * @param relation the relation field name
         * @param include what to load of it
         * @return this builder
         */
        public Builder include(String relation, Include include) {
            includes.put(Objects.requireNonNull(relation, "relation"), Objects.requireNonNull(include, "include"));
            return this;
        }

        /**
         * Sees soft-deleted items too.
         *
         * @return this builder
         */
        public Builder withTrashed() {
            this.withTrashed = true;
            return this;
        }

        /**
         * Sees only soft-deleted items.
         *
         * @return this builder
         */
        public Builder onlyTrashed() {
            this.onlyTrashed = true;
            return this;
        }

        /**
         * Resumes a paged query exactly after the last item of the page that gave the cursor ({@code Page.cursor()}).
         * The cursor is checked when the query runs: one made by another query, truncated or altered is refused with
         * {@link InvalidCursorException} before any request.
         *
         * @param cursor the cursor of the previous page
         * @return this builder
         */
        public Builder after(String cursor) {
            this.after = Objects.requireNonNull(cursor, "cursor");
            return this;
        }

        /**
         * Lets the query scan the table even where the client's scan policy ({@link ScanPolicy#REFUSE}) refuses
         * scans, and keeps it out of the {@link ScanPolicy#WARN} log: the query means to read every item.
         *
         * @return this builder
         */
        public Builder allowScan() {
            this.allowScan = true;
            return this;
        }

        /**
         * Reads a query whose plan is a scan as that many parallel segments ({@code Segment}/{@code TotalSegments}),
         * at most {@code DynamiteConfig.readConcurrency} at once; a query on a key ignores it. The items then come
         * in no particular order.
         *
         * @param segments 1 (one scan) to 1,000,000
         * @return this builder
         */
        public Builder parallel(int segments) {
            this.segments = segments;
            return this;
        }

        /**
         * Applies a customization to this builder, for reusable option sets.
         *
         * @param change changes this builder
         * @return this builder
         */
        public Builder apply(Consumer<Builder> change) {
            change.accept(this);
            return this;
        }

        /**
         * Checks the options and builds them.
         *
         * @return the options
         * @throws InvalidQueryException listing every problem: a negative limit or skip, a blank attribute name, both
         *     {@code withTrashed} and {@code onlyTrashed}
         */
        public QueryOptions build() {
            List<String> problems = new ArrayList<>();
            if (limit != null && limit < 0) {
                problems.add("limit must be at least 0, was " + limit);
            }
            if (skip < 0) {
                problems.add("skip must be at least 0, was " + skip);
            }
            if (attributes.stream().anyMatch(a -> a == null || a.isBlank())) {
                problems.add("attributes must be field names, not blank");
            }
            if (after != null && after.isBlank()) {
                problems.add("after needs the cursor of a page, not a blank string");
            }
            if (segments < 1 || segments > 1_000_000) {
                problems.add("parallel takes 1 to 1,000,000 segments, was " + segments);
            }
            if (withTrashed && onlyTrashed) {
                problems.add("withTrashed and onlyTrashed exclude each other; give one");
            }
            if (!problems.isEmpty()) {
                throw new InvalidQueryException("Invalid query options: " + String.join("; ", problems));
            }
            return new QueryOptions(this);
        }
    }
}
