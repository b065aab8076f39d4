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
    private static final List<String> PROJECTION_TYPES = List.of("ALL", "INCLUDE", "KEYS_ONLY");
    private static final List<String> ATTRIBUTE_TYPES = List.of("B", "N", "S");
    private static final List<String> KEY_TYPES = List.of("HASH", "RANGE");
    private static final java.math.BigDecimal MAX_CAPACITY = java.math.BigDecimal.valueOf(1_000_000_000_000L);

    private final Engine engine;

    TableOps(Engine engine) {
        this.engine = engine;
    }

    Map<String, Object> createTable(Map<String, Object> request) {
        String name = Params.requiredTableName(request);
        Params p = new Params(request);
        checkCreateParams(p);
        String billing = p.string("BillingMode") == null ? "PROVISIONED" : p.string("BillingMode");
        Map<String, Object> throughput = p.map("ProvisionedThroughput");
        if (billing.equals("PAY_PER_REQUEST")) {
            if (throughput != null) {
                throw invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST");
            }
        } else {
            if (throughput == null || throughput.get("ReadCapacityUnits") == null
                    || throughput.get("WriteCapacityUnits") == null) {
                throw invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is"
                        + " PROVISIONED");
            }
            checkCapacityBounds(throughput);
        }
        Map<String, String> definitions = new LinkedHashMap<>();
        for (Object o : p.list("AttributeDefinitions")) {
            Map<?, ?> d = (Map<?, ?>) o;
            definitions.put((String) d.get("AttributeName"), (String) d.get("AttributeType"));
        }
        List<Object> keySchema = p.list("KeySchema");
        KeySchema key = keySchema(keySchema, definitions, true);
        List<Object> lsis = p.list("LocalSecondaryIndexes");
        List<Object> gsis = p.list("GlobalSecondaryIndexes");
        if (lsis == null && gsis == null && keySchema.size() != p.list("AttributeDefinitions").size()) {
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
                KeySchema indexKey = keySchema(list(lsi.get("KeySchema")), definitions, false);
                if (indexKey.rangeName() == null) {
                    throw invalid("Index KeySchema does not have a range key for index: " + indexName);
                }
                if (!indexKey.hashName().equals(key.hashName())) {
                    throw invalid("Index KeySchema does not have the same leading hash key as table KeySchema for"
                            + " index: " + indexName + ". index hash key: " + indexKey.hashName() + ", table hash key: "
                            + key.hashName());
                }
                indexes.add(index(lsi, indexName, false, indexKey, billing, indexNames, 0));
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
                KeySchema indexKey = keySchema(list(gsi.get("KeySchema")), definitions, false);
                indexes.add(index(gsi, indexName, true, indexKey, billing, indexNames, 0));
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
        creating(description.get("GlobalSecondaryIndexes"));
        return Map.of("TableDescription", description);
    }

    /** Marks the indexes of a table being created as CREATING too, as DynamoDB answers CreateTable. */
    @SuppressWarnings("unchecked")
    private static void creating(@Nullable Object globalIndexes) {
        if (globalIndexes instanceof List<?> list) {
            for (Object index : list) {
                Map<String, Object> description = (Map<String, Object>) index;
                description.put("IndexStatus", "CREATING");
                description.remove("Backfilling");
            }
        }
    }

    /** The member constraints of CreateTable, in the order DynamoDB reports them. */
    private static void checkCreateParams(Params p) {
        List<Object> definitions = p.list("AttributeDefinitions");
        p.required("AttributeDefinitions");
        if (definitions != null) {
            for (int i = 0; i < definitions.size(); i++) {
                if (definitions.get(i) instanceof Map<?, ?> d) {
                    String at = "attributeDefinitions." + (i + 1) + ".member.";
                    p.notNullAt(d.get("AttributeName"), at + "attributeName");
                    p.notNullAt(d.get("AttributeType"), at + "attributeType");
                    p.oneOfAt(d.get("AttributeType"), at + "attributeType", ATTRIBUTE_TYPES);
                }
            }
        }
        p.patternAt(p.raw("TableName"), "tableName");
        p.oneOf("BillingMode", BILLING_MODES);
        checkThroughput(p, p.raw("ProvisionedThroughput"), "provisionedThroughput");
        checkKeySchema(p, p.raw("KeySchema"), "keySchema", true);
        checkIndexes(p, p.raw("LocalSecondaryIndexes"), "localSecondaryIndexes", false);
        checkIndexes(p, p.raw("GlobalSecondaryIndexes"), "globalSecondaryIndexes", true);
        p.check();
    }

    private static void checkThroughput(Params p, @Nullable Object throughput, String path) {
        if (throughput instanceof Map<?, ?> t) {
            for (String units : List.of("WriteCapacityUnits", "ReadCapacityUnits")) {
                p.notNullAt(t.get(units), path + "." + Params.member(units));
                p.minAt(t.get(units), path + "." + Params.member(units), 1);
            }
        }
    }

    private static void checkKeySchema(Params p, @Nullable Object keySchema, String path, boolean table) {
        p.notNullAt(keySchema, path);
        p.minLengthAt(keySchema, path, 1);
        p.maxLengthAt(keySchema, path, 2);
        if (keySchema instanceof List<?> elements) {
            for (int i = 0; i < elements.size(); i++) {
                if (elements.get(i) instanceof Map<?, ?> e) {
                    String at = path + "." + (i + 1) + ".member.";
                    p.notNullAt(e.get("AttributeName"), at + "attributeName");
                    p.notNullAt(e.get("KeyType"), at + "keyType");
                    if (table) {
                        p.oneOfAt(e.get("KeyType"), at + "keyType", KEY_TYPES);
                    }
                }
            }
        }
    }

    private static void checkIndexes(Params p, @Nullable Object indexes, String path, boolean global) {
        if (!(indexes instanceof List<?> list)) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> index)) {
                continue;
            }
            String at = path + "." + (i + 1) + ".member.";
            p.notNullAt(index.get("IndexName"), at + "indexName");
            p.nameAt(index.get("IndexName"), at + "indexName");
            checkKeySchema(p, index.get("KeySchema"), at + "keySchema", false);
            Object projection = index.get("Projection");
            p.notNullAt(projection, at + "projection");
            if (projection instanceof Map<?, ?> pr) {
                p.oneOfAt(pr.get("ProjectionType"), at + "projection.projectionType", PROJECTION_TYPES);
                p.minLengthAt(pr.get("NonKeyAttributes"), at + "projection.nonKeyAttributes", 1);
            }
            if (global) {
                checkThroughput(p, index.get("ProvisionedThroughput"), at + "provisionedThroughput");
            }
        }
    }

    private static void checkCapacityBounds(Map<String, Object> throughput) {
        for (String units : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            if (throughput.get(units) instanceof java.math.BigDecimal n && n.compareTo(MAX_CAPACITY) > 0) {
                throw DynamoException.validation("Given value " + n.toPlainString() + " for " + units
                        + " is out of bounds");
            }
        }
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
        // DynamoDB drops the global indexes first: DeleteTable's answer no longer lists them
        description.remove("GlobalSecondaryIndexes");
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
        String name = Params.requiredTableName(request);
        Params p = new Params(request);
        p.patternAt(name, "tableName");
        checkThroughput(p, p.raw("ProvisionedThroughput"), "provisionedThroughput");
        p.oneOf("BillingMode", BILLING_MODES);
        List<Object> updates = p.list("GlobalSecondaryIndexUpdates");
        if (updates != null) {
            for (int i = 0; i < updates.size(); i++) {
                if (!(updates.get(i) instanceof Map<?, ?> update)) {
                    continue;
                }
                String at = "globalSecondaryIndexUpdates." + (i + 1) + ".member.";
                if (update.get("Update") instanceof Map<?, ?> u) {
                    p.notNullAt(u.get("IndexName"), at + "update.indexName");
                    p.nameAt(u.get("IndexName"), at + "update.indexName");
                    p.notNullAt(u.get("ProvisionedThroughput"), at + "update.provisionedThroughput");
                    checkThroughput(p, u.get("ProvisionedThroughput"), at + "update.provisionedThroughput");
                }
                if (update.get("Create") instanceof Map<?, ?> c) {
                    p.notNullAt(c.get("Projection"), at + "create.projection");
                    if (c.get("Projection") instanceof Map<?, ?> pr) {
                        p.oneOfAt(pr.get("ProjectionType"), at + "create.projection.projectionType",
                                PROJECTION_TYPES);
                        p.minLengthAt(pr.get("NonKeyAttributes"), at + "create.projection.nonKeyAttributes", 1);
                    }
                    p.notNullAt(c.get("IndexName"), at + "create.indexName");
                    p.nameAt(c.get("IndexName"), at + "create.indexName");
                    checkThroughput(p, c.get("ProvisionedThroughput"), at + "create.provisionedThroughput");
                    checkKeySchema(p, c.get("KeySchema"), at + "create.keySchema", false);
                }
                if (update.get("Delete") instanceof Map<?, ?> d) {
                    p.notNullAt(d.get("IndexName"), at + "delete.indexName");
                    p.nameAt(d.get("IndexName"), at + "delete.indexName");
                }
            }
        }
        p.check();
        String billing = p.string("BillingMode");
        Map<String, Object> throughput = p.map("ProvisionedThroughput");
        if (throughput == null && billing == null && (updates == null || updates.isEmpty())
                && request.get("StreamSpecification") == null && request.get("SSESpecification") == null) {
            throw DynamoException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
                    + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        if ("PROVISIONED".equals(billing) && throughput == null) {
            throw invalid("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        if (throughput != null) {
            checkCapacityBounds(throughput);
        }
        if (updates != null) {
            Set<String> updated = new LinkedHashSet<>();
            for (Object o : updates) {
                Map<?, ?> update = (Map<?, ?>) o;
                Map<?, ?> action = update.get("Update") instanceof Map<?, ?> u ? u
                        : update.get("Create") instanceof Map<?, ?> c ? c
                        : update.get("Delete") instanceof Map<?, ?> d ? d : null;
                if (action == null) {
                    throw invalid("One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
                            + " GlobalSecondaryIndexUpdate.Delete must not be null");
                }
                if (!updated.add(String.valueOf(action.get("IndexName")))) {
                    throw invalid("Only one global secondary index update per index is allowed simultaneously."
                            + " Index: " + action.get("IndexName"));
                }
            }
        }
        TableState table = lookup(name);
        if (table == null) {
            throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
        }
        long now = engine.now();
        if (!table.status(now).equals("ACTIVE")) {
            throw DynamoException.inUse("Attempt to change a resource which is still in use: Table is being "
                    + (table.status(now).equals("CREATING") ? "created" : "updated") + ": " + name);
        }
        String effectiveBilling = billing == null ? table.billingMode : billing;
        if (throughput != null && effectiveBilling.equals("PAY_PER_REQUEST")) {
            throw invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                    + " PAY_PER_REQUEST");
        }
        boolean switching = billing != null && !billing.equals(table.billingMode);
        Map<String, Object> oldThroughput = table.provisionedThroughput;
        if (throughput != null && !switching && oldThroughput != null
                && sameNumber(throughput.get("ReadCapacityUnits"), oldThroughput.get("ReadCapacityUnits"))
                && sameNumber(throughput.get("WriteCapacityUnits"), oldThroughput.get("WriteCapacityUnits"))) {
            throw DynamoException.validation("The provisioned throughput for the table will not change. The requested"
                    + " value equals the current value. Current ReadCapacityUnits provisioned for the table: "
                    + text(oldThroughput.get("ReadCapacityUnits")) + ". Requested ReadCapacityUnits: "
                    + text(throughput.get("ReadCapacityUnits")) + ". Current WriteCapacityUnits provisioned for the"
                    + " table: " + text(oldThroughput.get("WriteCapacityUnits")) + ". Requested WriteCapacityUnits: "
                    + text(throughput.get("WriteCapacityUnits")) + ". Refer to the Amazon DynamoDB Developer Guide for"
                    + " current limits and how to request higher limits.");
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
        String created = null;
        Map<String, Object> deleted = null;
        if (updates != null) {
            int changes = 0;
            for (Object o : updates) {
                Map<?, ?> update = (Map<?, ?>) o;
                if (update.get("Create") != null || update.get("Delete") != null) {
                    changes++;
                }
            }
            if (changes > 1) {
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
                    KeySchema indexKey = keySchema(list(create.get("KeySchema")), definitions, false);
                    IndexState index = index(create, indexName, true, indexKey, effectiveBilling,
                            new LinkedHashSet<>(table.indexes.keySet()), now + delay);
                    table.attributeTypes.putAll(definitions);
                    table.indexes.put(indexName, index);
                    table.items.forEach((k, item) -> index.add(item.item(), item, k, table.key));
                    created = indexName;
                } else if (delete != null) {
                    String indexName = (String) delete.get("IndexName");
                    IndexState removed = table.indexes.get(indexName);
                    if (removed == null || !removed.global) {
                        throw DynamoException.notFound("Requested resource not found: Index: " + indexName
                                + " not found for table: " + name);
                    }
                    deleted = globalDescription(table.describe(now), indexName);
                    table.indexes.remove(indexName);
                }
            }
        }
        if (billing != null) {
            table.billingMode = billing;
            if (billing.equals("PAY_PER_REQUEST")) {
                table.provisionedThroughput = null;
            }
        }
        if (throughput != null) {
            table.provisionedThroughput = throughput;
        }
        table.updatingUntil = now + delay;
        Map<String, Object> description = table.describe(now);
        description.put("TableStatus", "UPDATING");
        if (created != null && description.get("GlobalSecondaryIndexes") instanceof List<?> globals) {
            for (Object o : globals) {
                @SuppressWarnings("unchecked")
                Map<String, Object> index = (Map<String, Object>) o;
                if (created.equals(index.get("IndexName"))) {
                    // the answer describes the index as it starts: being created, not yet backfilled
                    index.put("IndexStatus", "CREATING");
                    index.put("Backfilling", Boolean.FALSE);
                    index.put("IndexSizeBytes", java.math.BigDecimal.ZERO);
                    index.put("ItemCount", java.math.BigDecimal.ZERO);
                }
            }
        }
        if (deleted != null) {
            // the answer still describes the index, as being deleted
            deleted.put("IndexStatus", "DELETING");
            @SuppressWarnings("unchecked")
            List<Object> globals = (List<Object>) description.computeIfAbsent("GlobalSecondaryIndexes",
                    k -> new ArrayList<>());
            globals.add(deleted);
        }
        if (throughput != null && !switching && oldThroughput != null) {
            // the new capacity applies once the update completes: the answer still shows the old one
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = (Map<String, Object>) description.get("ProvisionedThroughput");
            shown.put("ReadCapacityUnits", oldThroughput.get("ReadCapacityUnits"));
            shown.put("WriteCapacityUnits", oldThroughput.get("WriteCapacityUnits"));
            boolean increase = compare(throughput, oldThroughput, "ReadCapacityUnits") > 0
                    || compare(throughput, oldThroughput, "WriteCapacityUnits") > 0;
            boolean decrease = compare(throughput, oldThroughput, "ReadCapacityUnits") < 0
                    || compare(throughput, oldThroughput, "WriteCapacityUnits") < 0;
            if (increase) {
                shown.put("LastIncreaseDateTime", TableState.seconds(now));
            }
            if (decrease) {
                shown.put("LastDecreaseDateTime", TableState.seconds(now));
            }
        }
        return Map.of("TableDescription", description);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> globalDescription(Map<String, Object> table, String indexName) {
        if (table.get("GlobalSecondaryIndexes") instanceof List<?> globals) {
            for (Object index : globals) {
                if (indexName.equals(((Map<String, Object>) index).get("IndexName"))) {
                    return (Map<String, Object>) index;
                }
            }
        }
        return null;
    }

    private static boolean sameNumber(@Nullable Object a, @Nullable Object b) {
        return a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y && x.compareTo(y) == 0;
    }

    private static int compare(Map<String, Object> a, Map<String, Object> b, String units) {
        return ((java.math.BigDecimal) a.get(units)).compareTo((java.math.BigDecimal) b.get(units));
    }

    private static String text(@Nullable Object number) {
        return number instanceof java.math.BigDecimal n ? n.toPlainString() : String.valueOf(number);
    }

    Map<String, Object> updateTimeToLive(Map<String, Object> request) {
        String name = Params.requiredTableName(request);
        Params p = new Params(request);
        p.patternAt(name, "tableName");
        p.required("TimeToLiveSpecification");
        Map<String, Object> given = p.map("TimeToLiveSpecification");
        if (given != null) {
            Map<String, Object> spec = given;
            p.notNullAt(spec.get("AttributeName"), "timeToLiveSpecification.attributeName");
            p.minLengthAt(spec.get("AttributeName"), "timeToLiveSpecification.attributeName", 1);
            p.maxLengthAt(spec.get("AttributeName"), "timeToLiveSpecification.attributeName", 255);
            p.notNullAt(spec.get("Enabled"), "timeToLiveSpecification.enabled");
        }
        p.check();
        TableState table = lookup(name);
        if (table == null) {
            throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
        }
        Map<String, Object> spec = p.map("TimeToLiveSpecification");
        String attribute = (String) spec.get("AttributeName");
        boolean enabled = Boolean.TRUE.equals(spec.get("Enabled"));
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
        String name = Params.requiredTableName(request);
        Params p = new Params(request);
        p.patternAt(name, "tableName");
        p.check();
        return name;
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

    private static KeySchema keySchema(List<Object> elements, Map<String, String> definitions, boolean table) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Object o : elements) {
            Map<?, ?> e = (Map<?, ?>) o;
            names.add((String) e.get("AttributeName"));
            types.add((String) e.get("KeyType"));
        }
        if (table && names.size() > definitions.size()) {
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
        String range = names.size() == 2 ? names.get(1) : null;
        return new KeySchema(names.get(0), definitions.get(names.get(0)), range,
                range == null ? null : definitions.get(range));
    }

    private static IndexState index(Map<String, Object> spec, String indexName, boolean global, KeySchema key,
                                    String billing, Set<String> names, long activeAt) {
        Map<?, ?> projection = (Map<?, ?>) spec.get("Projection");
        String projectionType = projection == null ? null : (String) projection.get("ProjectionType");
        if (projectionType == null) {
            throw invalid("Unknown ProjectionType: null");
        }
        List<String> nonKey = new ArrayList<>();
        Object attributes = projection.get("NonKeyAttributes");
        if (attributes instanceof List<?> l) {
            if (!projectionType.equals("INCLUDE")) {
                throw invalid("ProjectionType is " + projectionType + ", but NonKeyAttributes is specified");
            }
            l.forEach(a -> nonKey.add((String) a));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> throughput = global ? (Map<String, Object>) spec.get("ProvisionedThroughput") : null;
        if (global && billing.equals("PAY_PER_REQUEST") && throughput != null) {
            throw invalid("ProvisionedThroughput should not be specified for index: " + indexName
                    + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!names.add(indexName)) {
            throw invalid("Duplicate index name: " + indexName);
        }
        if (global && billing.equals("PROVISIONED") && throughput == null) {
            throw invalid("ProvisionedThroughput must be specified for index: " + indexName);
        }
        return new IndexState(indexName, global, key, projectionType, nonKey, throughput, activeAt);
    }
}
