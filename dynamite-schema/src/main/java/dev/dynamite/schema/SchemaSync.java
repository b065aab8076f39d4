package dev.dynamite.schema;

import dev.dynamite.api.SyncTimeoutException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Brings DynamoDB's tables in line with a {@link Schema}: creates missing tables with their keys and indexes, adds
 * missing global secondary indexes to existing tables, and waits until everything is {@code ACTIVE}.
 *
 * <p>Sync is idempotent: on tables that match, it only reads ({@code DescribeTable}). An existing index with the
 * wanted key schema is reused whatever its name. Keys of an existing table are never changed; a mismatch is reported
 * as a {@link TableChange.KeyMismatch} and logged. A {@code ResourceInUseException} from {@code CreateTable} (another
 * process created the table first) is expected and followed by a wait for {@code ACTIVE}; every other AWS error is
 * rethrown as it is. Waits poll {@code DescribeTable} with a growing delay (50 ms up to 2 s) and end with a
 * {@link SyncTimeoutException} after the timeout. Thread-safe if the client is.
 *
 * <pre>{@code
 * SyncPlan done = new SchemaSync(dynamoDb, Duration.ofMinutes(5)).apply(schema);
 * }</pre>
 */
public final class SchemaSync {
    private static final System.Logger LOG = System.getLogger(SchemaSync.class.getName());
    private static final long FIRST_DELAY_MS = 50;
    private static final long MAX_DELAY_MS = 2_000;

    private final DynamoDbClient client;
    private final Duration timeout;

    /**
     * Creates a synchronizer.
     *
     * @param client the DynamoDB client to read and change tables with
     * @param timeout how long to wait for one table (and its new indexes) to become {@code ACTIVE}
     */
    public SchemaSync(DynamoDbClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * Returns what {@link #apply} would do, changing nothing (only {@code DescribeTable} calls).
     *
     * @param schema the wanted tables
     * @return the plan
     * @throws software.amazon.awssdk.core.exception.SdkException any AWS error but "table not found", unchanged
     */
    public SyncPlan plan(Schema schema) {
        List<TableChange> changes = new ArrayList<>();
        for (TableDefinition table : schema.tables()) {
            changes.addAll(compare(table, describe(table.name())));
        }
        return new SyncPlan(changes);
    }

    /**
     * Creates what is missing and waits until every table and index is {@code ACTIVE}.
     *
     * @param schema the wanted tables
     * @return what was done
     * @throws SyncTimeoutException if a table or index is not {@code ACTIVE} within the timeout
     * @throws software.amazon.awssdk.core.exception.SdkException any AWS error but the expected ones, unchanged
     */
    public SyncPlan apply(Schema schema) {
        List<TableChange> done = new ArrayList<>();
        List<TableDefinition> created = new ArrayList<>();
        Map<TableDefinition, @Nullable TableDescription> seen = new LinkedHashMap<>();
        for (TableDefinition table : schema.tables()) {
            TableDescription description = describe(table.name());
            if (description == null && create(table)) {
                created.add(table);
                done.add(new TableChange.CreateTable(table));
            } else {
                seen.put(table, description);
            }
        }
        for (TableDefinition table : created) {
            awaitActive(table, null);
        }
        for (Map.Entry<TableDefinition, @Nullable TableDescription> entry : seen.entrySet()) {
            TableDefinition table = entry.getKey();
            TableDescription description = entry.getValue();
            if (description == null || pending(description, null) != null) {
                Waited waited = awaitActive(table, null);
                description = waited.description();
                if (waited.created()) {
                    done.add(new TableChange.CreateTable(table));
                    continue;
                }
            }
            for (TableChange change : compare(table, description)) {
                if (change instanceof TableChange.AddIndex add) {
                    addIndex(table, add.index());
                } else if (change instanceof TableChange.KeyMismatch mismatch) {
                    LOG.log(Level.WARNING, "{0}", mismatch);
                }
                done.add(change);
            }
        }
        return new SyncPlan(done);
    }

    /** Returns true if this call created the table, false if another process had just created it. */
    private boolean create(TableDefinition table) {
        List<KeySchemaElement> keySchema = new ArrayList<>();
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        keySchema.add(key(table.partitionKey(), KeyType.HASH, attributes));
        table.rangeKey().ifPresent(sk -> keySchema.add(key(sk, KeyType.RANGE, attributes)));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (IndexDefinition index : table.indexes()) {
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(key(index.partitionKey(), KeyType.HASH, attributes))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        try {
            client.createTable(b -> b.tableName(table.name())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(keySchema)
                    .attributeDefinitions(attributes.values())
                    .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes));
            LOG.log(Level.INFO, "Creating table {0}", table);
            return true;
        } catch (ResourceInUseException e) {
            LOG.log(Level.DEBUG, "Table {0} was created concurrently: {1}", table.name(), e.getMessage());
            return false;
        }
    }

    private void addIndex(TableDefinition table, IndexDefinition index) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        KeySchemaElement hash = key(index.partitionKey(), KeyType.HASH, attributes);
        try {
            client.updateTable(b -> b.tableName(table.name())
                    .attributeDefinitions(attributes.values())
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                            .create(CreateGlobalSecondaryIndexAction.builder()
                                    .indexName(index.name())
                                    .keySchema(hash)
                                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                                    .build())
                            .build()));
            LOG.log(Level.INFO, "Adding index {0} to table {1}", index, table.name());
        } catch (DynamoDbException e) {
            // Another process may have added the same index between our DescribeTable and UpdateTable.
            TableDescription now = awaitActive(table, null).description();
            if (findIndex(now, index.partitionKey().name()).isEmpty()) {
                throw e;
            }
            LOG.log(Level.DEBUG, "Index on {0}.{1} was added concurrently", table.name(), index.partitionKey().name());
        }
        awaitActive(table, index.partitionKey().name());
    }

    private List<TableChange> compare(TableDefinition table, @Nullable TableDescription description) {
        if (description == null) {
            return List.of(new TableChange.CreateTable(table));
        }
        List<TableChange> changes = new ArrayList<>();
        String keyProblem = keyProblem(table, description);
        if (keyProblem != null) {
            changes.add(new TableChange.KeyMismatch(table.name(), keyProblem));
        }
        List<String> usedNames = new ArrayList<>();
        description.globalSecondaryIndexes().forEach(i -> usedNames.add(i.indexName()));
        for (IndexDefinition wanted : table.indexes()) {
            Optional<GlobalSecondaryIndexDescription> found = findIndex(description, wanted.partitionKey().name());
            if (found.isEmpty()) {
                IndexDefinition add = freeName(wanted, usedNames);
                usedNames.add(add.name());
                changes.add(new TableChange.AddIndex(table.name(), add));
                continue;
            }
            String actual = typeOf(description, wanted.partitionKey().name());
            if (actual != null && !actual.equals(wanted.partitionKey().type().toString())) {
                changes.add(new TableChange.KeyMismatch(table.name(), "index " + found.get().indexName() + " is on "
                        + wanted.partitionKey().name() + " (" + actual + "), the model declares " + wanted.partitionKey()));
            }
        }
        if (changes.isEmpty()) {
            changes.add(new TableChange.UpToDate(table.name()));
        }
        return changes;
    }

    private static IndexDefinition freeName(IndexDefinition wanted, List<String> usedNames) {
        if (!usedNames.contains(wanted.name())) {
            return wanted;
        }
        int n = usedNames.size() + 1;
        while (usedNames.contains("GSI" + n + "_" + wanted.partitionKey().name())) {
            n++;
        }
        return new IndexDefinition("GSI" + n + "_" + wanted.partitionKey().name(), wanted.partitionKey());
    }

    private static @Nullable String keyProblem(TableDefinition table, TableDescription description) {
        String actualHash = null;
        String actualRange = null;
        for (KeySchemaElement element : description.keySchema()) {
            String described = element.attributeName() + " (" + typeOf(description, element.attributeName()) + ")";
            if (element.keyType() == KeyType.HASH) {
                actualHash = described;
            } else {
                actualRange = described;
            }
        }
        String wantedHash = table.partitionKey().toString();
        String wantedRange = table.rangeKey().map(KeyAttribute::toString).orElse(null);
        List<String> problems = new ArrayList<>();
        if (!wantedHash.equals(actualHash)) {
            problems.add("HASH key is " + actualHash + ", the model declares " + wantedHash);
        }
        if (!Objects.equals(wantedRange, actualRange)) {
            problems.add("RANGE key is " + (actualRange == null ? "absent" : actualRange) + ", the model declares "
                    + (wantedRange == null ? "none" : wantedRange));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static Optional<GlobalSecondaryIndexDescription> findIndex(TableDescription description, String attribute) {
        return description.globalSecondaryIndexes().stream()
                .filter(i -> i.keySchema().size() == 1
                        && i.keySchema().get(0).keyType() == KeyType.HASH
                        && i.keySchema().get(0).attributeName().equals(attribute))
                .findFirst();
    }

    private static KeySchemaElement key(KeyAttribute attribute, KeyType type, Map<String, AttributeDefinition> defs) {
        defs.putIfAbsent(attribute.name(), AttributeDefinition.builder()
                .attributeName(attribute.name()).attributeType(attribute.type()).build());
        return KeySchemaElement.builder().attributeName(attribute.name()).keyType(type).build();
    }

    private @Nullable TableDescription describe(String table) {
        try {
            return client.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    /** What a wait found: the ACTIVE table, and whether the wait had to create it. */
    private record Waited(TableDescription description, boolean created) {
    }

    /**
     * Polls until the table is ACTIVE and, when {@code indexAttribute} is given, an index on it exists and is ACTIVE;
     * every index that exists must be ACTIVE too. A table that is missing (it was DELETING when we tried to create
     * it, or another process deleted it) is created again.
     */
    private Waited awaitActive(TableDefinition table, @Nullable String indexAttribute) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long delay = FIRST_DELAY_MS;
        boolean created = false;
        while (true) {
            TableDescription description = describe(table.name());
            if (description == null) {
                created |= create(table);
            }
            String pending = pending(description, indexAttribute);
            if (pending == null && description != null) {
                return new Waited(description, created);
            }
            if (System.nanoTime() + delay * 1_000_000 > deadline) {
                throw new SyncTimeoutException(table.name(), pending == null ? "not found" : pending,
                        Duration.ofNanos(System.nanoTime() - start));
            }
            sleep(delay);
            delay = Math.min(delay * 2, MAX_DELAY_MS);
        }
    }

    private static @Nullable String pending(@Nullable TableDescription description, @Nullable String indexAttribute) {
        if (description == null) {
            return "the table does not exist (yet)";
        }
        if (description.tableStatus() != TableStatus.ACTIVE) {
            return "table status is " + description.tableStatusAsString();
        }
        for (GlobalSecondaryIndexDescription index : description.globalSecondaryIndexes()) {
            if (index.indexStatus() != null && index.indexStatus() != IndexStatus.ACTIVE) {
                return "index " + index.indexName() + " is " + index.indexStatusAsString();
            }
        }
        if (indexAttribute != null && findIndex(description, indexAttribute).isEmpty()) {
            return "no index on " + indexAttribute + " is listed yet (the UpdateTable that adds it was accepted)";
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for DynamoDB tables to become ACTIVE", e);
        }
    }

    private static @Nullable String typeOf(TableDescription description, String attribute) {
        return description.attributeDefinitions().stream()
                .filter(d -> d.attributeName().equals(attribute))
                .map(AttributeDefinition::attributeTypeAsString)
                .findFirst().orElse(null);
    }
}
