package dev.dynamite.schema;

import java.util.Objects;

/**
 * A global secondary index Dynamite wants on a table: a partition key only, projection {@code ALL}.
 *
 * @param name the index name, {@code GSI{N}_{attribute}}
 * @param partitionKey the index's partition key
 */
public record IndexDefinition(String name, KeyAttribute partitionKey) {
    /**
     * Checks that no component is null.
     *
     * @param name the index name, {@code GSI{N}_{attribute}}
     * @param partitionKey the index's partition key
     */
    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
    }

    @Override
    public String toString() {
        return name + " on " + partitionKey;
    }
}
