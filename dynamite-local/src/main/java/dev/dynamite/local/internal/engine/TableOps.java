package dev.dynamite.local.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** CreateTable, DescribeTable, DeleteTable, ListTables, UpdateTable and the TTL operations. */
final class TableOps {
    private static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
    private static final List<String> PROJECTION_TYPES = List.of("ALL", "KEYS_ONLY", "INCLUDE");

    private final Engine engine;

    TableOps(Engine engine) {
        this.engine = engine;
    }

    Map<String, Object> createTable(Map<String, Object> request) {
        Params p = new Params(request);
        p.required("AttributeDefinitions").required("TableName").tableName("TableName").required("KeySchema")
                .oneOf("BillingMode", BILLING_MODES);
        List<Object> keySchema = p.list("KeySchema");
        if (keySchema != null && (keySchema.isEmpty() || keySchema.size() > 2)) {
            p.violation(String.valueOf(keySchema), "KeySchema", keySchema.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 2");
        }
        p.check();
        String name = p.string("TableName");
        String billing = p.string("BillingMode") == null ? "PROVISIONED" : p.string("BillingMode");
        Map<String, Object> throughput = p.map("ProvisionedThroughput");
        if (billing.equals("PAY_PER_REQUEST") && throughput != null) {
            throw invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                    + " PAY_PER_REQUEST");
        }
        if (billing.equals("PROVISIONED") && (throughput == null || throughput.get("ReadCapacityUnits") == null
                || throughput.get("WriteCapacityUnits") == null)) {
            throw invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is"
                    + " PROVISIONED");
        }
        Map<String, String> definitions = new LinkedHashMap<>();
        for (Object o : p.list("AttributeDefinitions")) {
            Map<?, ?> d = (Map<?, ?>) o;
            definitions.put((String) d.get("AttributeName"), (String) d.get("AttributeType"));
        }
        KeySchema key = keySchema(keySchema, definitions);
        List<Object> lsis = p.list("LocalSecondaryIndexes");
        List<Object> gsis = p.list("GlobalSecondaryIndexes");
        if (lsis == null && gsis == null && keySchema.size() != definitions.size()) {
            throw invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in"
                    + " AttributeDefinitions");
        }
        long now = engine.now();
        Set<String> indexNames = new LinkedHashSet<>();
        List<IndexState> indexes = new ArrayList<>();
        if (lsis != null) {
            if (lsis.isEmpty()) {
                throw invalid("List of LocalSecondaryIndexes is empty");
            }
            if (key.rangeName() == null) {
                throw invalid("Table KeySchema does not have a range key, which is required when specifying a"
                        + " LocalSecondaryIndex");
            }
            for (Object o : lsis) {
                @SuppressWarnings("unchecked")
                Map<String, Object> lsi = (Map<String, Object>) o;
                String indexName = (String) lsi.get("IndexName");
                KeySchema indexKey = keySchema(list(lsi.get("KeySchema")), definitions);
                if (indexKey.rangeName() == null) {
                    throw invalid("Index KeySchema does not have a range key for index: " + indexName);
                }
                if (!indexKey.hashName().equals(key.hashName())) {
                    throw invalid("Index KeySchema does not have the same leading hash key as table KeySchema for"
                            + " index: " + indexName + ". index hash key: " + indexKey.hashName() + ", table hash key: "
                            + key.hashName());
                }
                indexes.add(index(lsi, indexName, false, indexKey, null, indexNames, 0));
            }
            if (lsis.size() > 5) {
                throw invalid("Number of LocalSecondaryIndexes exceeds per-table limit of 5");
            }
        }
        if (gsis != null) {
            if (gsis.isEmpty()) {
                throw invalid("List of GlobalSecondaryIndexes is empty");
            }
            for (Object o : gsis) {
                @SuppressWarnings("unchecked")
                Map<String, Object> gsi = (Map<String, Object>) o;
                String indexName = (String) gsi.get("IndexName");
                KeySchema indexKey = keySchema(list(gsi.get("KeySchema")), definitions);
                @SuppressWarnings("unchecked")
                Map<String, Object> indexThroughput = (Map<String, Object>) gsi.get("ProvisionedThroughput");
                if (billing.equals("PAY_PER_REQUEST") && indexThroughput != null) {
                    throw invalid("ProvisionedThroughput should not be specified for index: " + indexName
                            + " when BillingMode is PAY_PER_REQUEST");
                }
                if (billing.equals("PROVISIONED") && indexThroughput == null) {
                    throw invalid("ProvisionedThroughput must be specified for index: " + indexName);
                }
                indexes.add(index(gsi, indexName, true, indexKey, indexThroughput, indexNames, 0));
            }
            if (gsis.size() > 20) {
                throw invalid("GlobalSecondaryIndex count exceeds the per-table limit of 20");
            }
        }
        Set<String> used = new LinkedHashSet<>();
        used.add(key.hashName());
        if (key.rangeName() != null) {
            used.add(key.rangeName());
        }
        indexes.forEach(i -> used.addAll(i.keyAttributes()));
        if (!used.containsAll(definitions.keySet()) || used.size() != definitions.size()) {
            throw invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in"
                    + " AttributeDefinitions");
        }
        if (lookup(name) != null) {
            throw DynamoException.inUse("Table already exists: " + name);
        }
        TableState table = new TableState(name, UUID.randomUUID().toString(), key, definitions, billing,
                throughput, now, now + engine.options.createTableDelay().toMillis());
        indexes.forEach(i -> table.indexes.put(i.name, i));
        engine.tables.put(name, table);
        Map<String, Object> description = table.describe(now);
        description.put("TableStatus", "CREATING");
        return Map.of("TableDescription", description);
    }

    Map<String, Object> describeTable(Map<String, Object> request) {
        String name = tableNameParam(request);
        TableState table = lookup(name);
        if (table == null) {
            throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
        }
        long now = engine.now();
        Map<String, Object> description = table.describe(now);
        if (table.deletingSince != Long.MAX_VALUE) {
            description.put("TableStatus", "DELETING");
        }
        return Map.of("Table", description);
    }

    Map<String, Object> deleteTable(Map<String, Object> request) {
        String name = tableNameParam(request);
        TableState table = lookup(name);
        if (table == null) {
            throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
        }
        long now = engine.now();
        String status = table.status(now);
        if (!status.equals("ACTIVE") || table.deletingSince != Long.MAX_VALUE) {
            throw DynamoException.inUse("Attempt to change a resource which is still in use: Table is being "
                    + (table.deletingSince != Long.MAX_VALUE ? "deleted" : status.equals("CREATING") ? "created"
                    : "updated") + ": " + name);
        }
        Map<String, Object> description = table.describe(now);
        description.put("TableStatus", "DELETING");
        long delay = engine.options.deleteTableDelay().toMillis();
        if (delay == 0) {
            engine.tables.remove(name);
        } else {
            table.deletingSince = now;
            table.deletedAt = now + delay;
        }
        return Map.of("TableDescription", description);
    }

    Map<String, Object> listTables(Map<String, Object> request) {
        Params p = new Params(request);
        p.range("Limit", 1, 100).tableName("ExclusiveStartTableName");
        p.check();
        Integer limit = p.integer("Limit");
        String start = p.string("ExclusiveStartTableName");
        TreeSet<String> names = new TreeSet<>();
        for (String name : engine.tables.keySet()) {
            if (lookup(name) != null) {
                names.add(name);
            }
        }
        List<Object> page = new ArrayList<>();
        int max = limit == null ? 100 : limit;
        for (String name : start == null ? names : names.tailSet(start, false)) {
            if (page.size() == max) {
                break;
            }
            page.add(name);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("TableNames", page);
        if (page.size() == max && !page.isEmpty() && names.higher((String) page.get(page.size() - 1)) != null) {
            response.put("LastEvaluatedTableName", page.get(page.size() - 1));
        }
        return response;
    }

    Map<String, Object> updateTable(Map<String, Object> request) {
        Params p = new Params(request);
        p.required("TableName").tableName("TableName").oneOf("BillingMode", BILLING_MODES);
        p.check();
        String name = p.string("TableName");
        TableState table = lookup(name);
        if (table == null) {
            throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
        }
        long now = engine.now();
        if (!table.status(now).equals("ACTIVE")) {
            throw DynamoException.inUse("Attempt to change a resource which is still in use: Table is being "
                    + (table.status(now).equals("CREATING") ? "created" : "updated") + ": " + name);
        }
        List<Object> updates = p.list("GlobalSecondaryIndexUpdates");
        String billing = p.string("BillingMode");
        Map<String, Object> throughput = p.map("ProvisionedThroughput");
        if (updates == null && billing == null && throughput == null) {
            throw DynamoException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
                    + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        Map<String, String> definitions = new LinkedHashMap<>(table.attributeTypes);
        List<Object> newDefinitions = p.list("AttributeDefinitions");
        if (newDefinitions != null) {
            for (Object o : newDefinitions) {
                Map<?, ?> d = (Map<?, ?>) o;
                String attribute = (String) d.get("AttributeName");
                String type = (String) d.get("AttributeType");
                String existing = definitions.putIfAbsent(attribute, type);
                if (existing != null && !existing.equals(type)) {
                    throw invalid("Cannot change the type of an existing attribute: " + attribute);
                }
            }
        }
        long delay = engine.options.updateTableDelay().toMillis();
        String effectiveBilling = billing == null ? table.billingMode : billing;
        if (updates != null) {
            if (updates.size() > 1) {
                throw new DynamoException("LimitExceededException", "Subscriber limit exceeded: Only 1 online index"
                        + " can be created or deleted simultaneously per table", 400);
            }
            for (Object o : updates) {
                Map<?, ?> update = (Map<?, ?>) o;
                @SuppressWarnings("unchecked")
                Map<String, Object> create = (Map<String, Object>) update.get("Create");
                Map<?, ?> delete = (Map<?, ?>) update.get("Delete");
                if (create != null) {
                    String indexName = (String) create.get("IndexName");
                    if (table.indexes.containsKey(indexName)) {
                        throw invalid("Attempting to create an index which already exists");
                    }
                    KeySchema indexKey = keySchema(list(create.get("KeySchema")), definitions);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> indexThroughput = (Map<String, Object>) create.get("ProvisionedThroughput");
                    if (effectiveBilling.equals("PAY_PER_REQUEST") && indexThroughput != null) {
                        throw invalid("ProvisionedThroughput should not be specified for index: " + indexName
                                + " when BillingMode is PAY_PER_REQUEST");
                    }
                    if (effectiveBilling.equals("PROVISIONED") && indexThroughput == null) {
                        throw invalid("ProvisionedThroughput must be specified for index: " + indexName);
                    }
                    IndexState index = index(create, indexName, true, indexKey, indexThroughput,
                            new LinkedHashSet<>(table.indexes.keySet()), now + delay);
                    table.attributeTypes.putAll(definitions);
                    table.indexes.put(indexName, index);
                    table.items.forEach((k, item) -> index.add(item, k, table.key));
                } else if (delete != null) {
                    String indexName = (String) delete.get("IndexName");
                    IndexState removed = table.indexes.get(indexName);
                    if (removed == null || !removed.global) {
                        throw DynamoException.notFound("Requested resource not found: Index: " + indexName
                                + " not found for table: " + name);
                    }
                    table.indexes.remove(indexName);
                }
            }
        }
        if (billing != null) {
            table.billingMode = billing;
        }
        if (throughput != null) {
            table.provisionedThroughput = throughput;
        }
        table.updatingUntil = now + delay;
        Map<String, Object> description = table.describe(now);
        description.put("TableStatus", "UPDATING");
        return Map.of("TableDescription", description);
    }

    Map<String, Object> updateTimeToLive(Map<String, Object> request) {
        Params p = new Params(request);
        p.required("TableName").tableName("TableName").required("TimeToLiveSpecification");
        p.check();
        TableState table = engine.activeTable(p.string("TableName"));
        Map<String, Object> spec = p.map("TimeToLiveSpecification");
        String attribute = (String) spec.get("AttributeName");
        boolean enabled = Boolean.TRUE.equals(spec.get("Enabled"));
        if (attribute == null || attribute.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value null at"
                    + " 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null");
        }
        if (enabled == table.ttlEnabled) {
            throw DynamoException.validation("TimeToLive is already " + (enabled ? "enabled" : "disabled"));
        }
        table.ttlEnabled = enabled;
        table.ttlAttribute = attribute;
        table.lastSweep = 0;
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("Enabled", enabled);
        echo.put("AttributeName", attribute);
        return Map.of("TimeToLiveSpecification", echo);
    }

    Map<String, Object> describeTimeToLive(Map<String, Object> request) {
        String name = tableNameParam(request);
        TableState table = lookup(name);
        if (table == null) {
            throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("TimeToLiveStatus", table.ttlEnabled ? "ENABLED" : "DISABLED");
        if (table.ttlEnabled && table.ttlAttribute != null) {
            description.put("AttributeName", table.ttlAttribute);
        }
        return Map.of("TimeToLiveDescription", description);
    }

    /** The table of that name, forgetting tables whose deletion has completed. */
    @Nullable TableState lookup(String name) {
        TableState table = engine.tables.get(name);
        if (table != null && engine.now() >= table.deletedAt) {
            engine.tables.remove(name, table);
            return null;
        }
        return table;
    }

    private static String tableNameParam(Map<String, Object> request) {
        Params p = new Params(request);
        p.required("TableName").tableName("TableName");
        p.check();
        return p.string("TableName");
    }

    private static DynamoException invalid(String message) {
        return DynamoException.validation("One or more parameter values were invalid: " + message);
    }

    private static List<Object> list(@Nullable Object o) {
        if (o instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) l;
            return list;
        }
        throw DynamoException.validation("1 validation error detected: Value null at 'keySchema' failed to satisfy"
                + " constraint: Member must not be null");
    }

    private static KeySchema keySchema(List<Object> elements, Map<String, String> definitions) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Object o : elements) {
            Map<?, ?> e = (Map<?, ?>) o;
            names.add((String) e.get("AttributeName"));
            types.add((String) e.get("KeyType"));
        }
        if (names.size() > definitions.size()) {
            throw DynamoException.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        for (String n : names) {
            if (!definitions.containsKey(n)) {
                throw invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                        + String.join(", ", names) + "], AttributeDefinitions: ["
                        + String.join(", ", definitions.keySet()) + "]");
            }
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have the"
                    + " same name");
        }
        if (!"HASH".equals(types.get(0))) {
            throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (names.size() == 2 && !"RANGE".equals(types.get(1))) {
            throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        for (String n : names) {
            String type = definitions.get(n);
            if (!List.of("S", "N", "B").contains(type)) {
                throw invalid("Member must satisfy enum value set: [B, N, S]");
            }
        }
        String range = names.size() == 2 ? names.get(1) : null;
        return new KeySchema(names.get(0), definitions.get(names.get(0)), range,
                range == null ? null : definitions.get(range));
    }

    private static IndexState index(Map<String, Object> spec, String indexName, boolean global, KeySchema key,
                                    @Nullable Map<String, Object> throughput, Set<String> names, long activeAt) {
        Map<?, ?> projection = (Map<?, ?>) spec.get("Projection");
        String projectionType = projection == null ? null : (String) projection.get("ProjectionType");
        if (projectionType == null) {
            throw invalid("Unknown ProjectionType: null");
        }
        if (!PROJECTION_TYPES.contains(projectionType)) {
            throw invalid("Unknown ProjectionType: " + projectionType);
        }
        List<String> nonKey = new ArrayList<>();
        Object attributes = projection.get("NonKeyAttributes");
        if (attributes instanceof List<?> l) {
            if (!projectionType.equals("INCLUDE")) {
                throw invalid("ProjectionType is " + projectionType + ", but NonKeyAttributes is specified");
            }
            l.forEach(a -> nonKey.add((String) a));
        }
        if (!names.add(indexName)) {
            throw invalid("Duplicate index name: " + indexName);
        }
        return new IndexState(indexName, global, key, projectionType, nonKey, throughput, activeAt);
    }
}
