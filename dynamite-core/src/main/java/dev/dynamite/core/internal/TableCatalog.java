package dev.dynamite.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The global secondary indexes of each table as DynamoDB describes them, read once ({@code DescribeTable}) when the
 * planner first needs them and kept until {@link #clear()} ({@code sync()} calls it). The real indexes are used, not
 * the ones the models imply, so an index that {@code sync()} reused under another name is found too. Thread-safe.
 */
public final class TableCatalog {
    /**
     * One ACTIVE index.
     *
     * @param name the index name
     * @param partition the attribute of its partition key
     * @param sort the attribute of its sort key, or null
     * @param projectsAll whether every attribute is projected
     * @param projected the projected non-key attributes when not all are (the table's keys always are)
     */
    public record Index(String name, String partition, @Nullable String sort, boolean projectsAll,
                        Set<String> projected) {
    }

    private final ConcurrentMap<String, List<Index>> indexes = new ConcurrentHashMap<>();

    /** Creates an empty catalog. */
    public TableCatalog() {
    }

    /**
     * Returns the ACTIVE global secondary indexes of a table, describing it on first use.
     *
     * @param client the client to describe the table with
     * @param table the table name
     * @return the indexes, possibly empty
     */
    public List<Index> indexes(DynamoDbClient client, String table) {
        List<Index> known = indexes.get(table);
        if (known == null) {
            known = describe(client, table);
            indexes.put(table, known);
        }
        return known;
    }

    /** Forgets every table, so that the next query describes them again. */
    public void clear() {
        indexes.clear();
    }

    private static List<Index> describe(DynamoDbClient client, String table) {
        TableDescription description = client.describeTable(b -> b.tableName(table)).table();
        List<Index> found = new ArrayList<>();
        for (GlobalSecondaryIndexDescription gsi : description.globalSecondaryIndexes()) {
            if (gsi.indexStatus() != null && gsi.indexStatus() != IndexStatus.ACTIVE) {
                continue;
            }
            String partition = null;
            String sort = null;
            for (KeySchemaElement key : gsi.keySchema()) {
                if (key.keyType() == KeyType.HASH) {
                    partition = key.attributeName();
                } else {
                    sort = key.attributeName();
                }
            }
            if (partition == null) {
                continue;
            }
            ProjectionType projection = gsi.projection() == null ? ProjectionType.ALL
                    : gsi.projection().projectionType();
            Set<String> projected = gsi.projection() == null || !gsi.projection().hasNonKeyAttributes() ? Set.of()
                    : Set.copyOf(gsi.projection().nonKeyAttributes());
            found.add(new Index(gsi.indexName(), partition, sort, projection == ProjectionType.ALL, projected));
        }
        return List.copyOf(found);
    }
}
