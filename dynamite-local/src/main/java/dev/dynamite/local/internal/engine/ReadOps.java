package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.expr.CompiledCondition;
import dev.dynamite.local.internal.expr.Condition;
import dev.dynamite.local.internal.expr.ExpressionContext;
import dev.dynamite.local.internal.expr.Expressions;
import dev.dynamite.local.internal.expr.KeyCondition;
import dev.dynamite.local.internal.expr.Projection;
import dev.dynamite.local.internal.value.Value;
import dev.dynamite.local.internal.value.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;

/** Query and Scan: key conditions, filters, projections, Select, Limit, pagination, the 1 MB page and segments. */
final class ReadOps {
    static final int PAGE_BYTES = 1024 * 1024;
    private static final List<String> SELECTS = List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES",
            "ALL_PROJECTED_ATTRIBUTES");

    private final Engine engine;

    ReadOps(Engine engine) {
        this.engine = engine;
    }

    /** What Query and Scan share once parsed. */
    private record Read(TableState table, @Nullable IndexState index, @Nullable Condition filter,
                        @Nullable Projection projection, String select, @Nullable Integer limit, boolean consistent) {
        KeySchema schema() {
            return index == null ? table.key : index.key;
        }
    }

    Map<String, Object> query(Map<String, Object> request) {
        Params p = new Params(request);
        p.oneOf("Select", SELECTS).tableName("IndexName").oneOf("ReturnConsumedCapacity", ItemOps.CAPACITY)
                .required("TableName").tableName("TableName").range("Limit", 1, Integer.MAX_VALUE);
        p.check();
        Requests.expressionParams(p, "ProjectionExpression", "FilterExpression", "KeyConditionExpression");
        startKeyValues(p);
        String keyText = p.string("KeyConditionExpression");
        if (keyText == null) {
            throw DynamoException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        String filterText = p.string("FilterExpression");
        String projectionText = p.string("ProjectionExpression");
        ExpressionContext ctx = Requests.context(p, true);
        KeyCondition keyCondition = Expressions.keyCondition(keyText, ctx);
        CompiledCondition filter = filterText == null ? null
                : Expressions.condition(filterText, ctx, "FilterExpression");
        Projection projection = projectionText == null ? null : Expressions.projection(projectionText, ctx);
        ctx.checkAllUsed();
        Read read = read(p, filter, projection);
        KeySchema schema = read.schema();
        Map<String, Value> start = startKeyValues(read, p.map("ExclusiveStartKey"), false);
        keyCondition = checkKeyCondition(schema, keyCondition);
        Value hash = keyCondition.partitionValue();
        if (start != null) {
            Map<String, Value> tableStart = read.table().key.project(start);
            try {
                Requests.key(read.table().key, tableStart);
            } catch (DynamoException e) {
                throw DynamoException.validation("The provided starting key is invalid: " + e.getMessage());
            }
            boolean sameHash = Value.compareScalars(start.get(schema.hashName()), hash) == 0;
            if (keyCondition.sortOp() == null) {
                if (!sameHash) {
                    throw DynamoException.validation(
                            "The provided starting key is outside query boundaries based on provided conditions");
                }
            } else {
                if (!keyCondition.sortMatches(start.get(schema.rangeName()))) {
                    throw DynamoException.validation("The provided starting key does not match the range key"
                            + " predicate");
                }
                if (!sameHash) {
                    throw DynamoException.validation(
                            "The query can return at most one row and cannot be restarted");
                }
            }
        }
        if (filter != null) {
            for (String attribute : new String[] {schema.hashName(), schema.rangeName()}) {
                if (attribute != null && filter.topLevelAttributes().contains(attribute)) {
                    throw DynamoException.validation("Filter Expression can only contain non-primary key attributes:"
                            + " Primary key attribute: " + attribute);
                }
            }
        }
        checkProjectedSelect(read);
        NavigableMap<Key, Stored> range = range(source(read), hash, keyCondition);
        if (Boolean.FALSE.equals(p.raw("ScanIndexForward"))) {
            range = range.descendingMap();
        }
        if (start != null) {
            range = range.tailMap(position(read, start), false);
        }
        return page(read, range, keyCondition.sortOp() == KeyCondition.SortOp.BEGINS_WITH ? keyCondition : null, p);
    }

    Map<String, Object> scan(Map<String, Object> request) {
        Params p = new Params(request);
        p.oneOf("Select", SELECTS).tableName("IndexName").range("TotalSegments", 1, 1_000_000)
                .oneOf("ReturnConsumedCapacity", ItemOps.CAPACITY).required("TableName").tableName("TableName")
                .range("Segment", 0, 999_999).range("Limit", 1, Integer.MAX_VALUE);
        p.check();
        Requests.expressionParams(p, "ProjectionExpression", "FilterExpression");
        startKeyValues(p);
        Integer segment = p.integer("Segment");
        Integer total = p.integer("TotalSegments");
        if (segment != null && total == null) {
            throw DynamoException.validation("The TotalSegments parameter is required but was not present in the"
                    + " request when Segment parameter is present");
        }
        if (total != null && segment == null) {
            throw DynamoException.validation("The Segment parameter is required but was not present in the request"
                    + " when parameter TotalSegments is present");
        }
        if (segment != null && segment >= total) {
            throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter"
                    + " TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
        }
        String filterText = p.string("FilterExpression");
        String projectionText = p.string("ProjectionExpression");
        ExpressionContext ctx = Requests.context(p, true);
        Condition filter = filterText == null ? null : Expressions.condition(filterText, ctx, "FilterExpression");
        Projection projection = projectionText == null ? null : Expressions.projection(projectionText, ctx);
        ctx.checkAllUsed();
        Read read = read(p, filter, projection);
        Map<String, Value> start = startKeyValues(read, p.map("ExclusiveStartKey"), true);
        checkProjectedSelect(read);
        if (start != null) {
            Map<String, Value> tableStart = read.table().key.project(start);
            try {
                Requests.key(read.table().key, tableStart);
            } catch (DynamoException e) {
                throw DynamoException.validation("The provided starting key is invalid: " + e.getMessage());
            }
        }
        NavigableMap<Key, Stored> range = source(read);
        if (segment != null) {
            long width = (1L << 32) / total;
            long from = width * segment;
            long to = segment == total - 1 ? 1L << 32 : width * (segment + 1);
            range = segment(range, from, to);
        }
        if (start != null) {
            range = range.tailMap(position(read, start), false);
        }
        return page(read, range, null, p);
    }

    /** Checks the values of ExclusiveStartKey as DynamoDB does before looking at the table. */
    private static void startKeyValues(Params p) {
        Map<String, Object> start = p.map("ExclusiveStartKey");
        if (start == null) {
            return;
        }
        try {
            Values.item(start);
        } catch (DynamoException e) {
            String message = e.getMessage();
            boolean bare = message.contains("contains duplicates") || message.contains("number set")
                    || message.contains("numeric value") || message.contains("significant digits")
                    || message.contains("number with magnitude");
            throw bare ? e : DynamoException.validation("The provided starting key is invalid: " + message);
        }
    }

    private Read read(Params p, @Nullable Condition filter, @Nullable Projection projection) {
        TableState table = engine.activeTable(p.string("TableName"));
        String indexName = p.string("IndexName");
        IndexState index = null;
        if (indexName != null) {
            index = table.indexes.get(indexName);
            if (index == null) {
                throw DynamoException.validation("The table does not have the specified index: " + indexName);
            }
            if (index.global && p.bool("ConsistentRead")) {
                throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
            }
        }
        String select = p.string("Select");
        if (select == null) {
            select = projection != null ? "SPECIFIC_ATTRIBUTES" : index != null ? "ALL_PROJECTED_ATTRIBUTES"
                    : "ALL_ATTRIBUTES";
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is not valid"
                            + " when IndexName is not specified");
        }
        if (select.equals("SPECIFIC_ATTRIBUTES") && projection == null) {
            throw DynamoException.validation("One or more parameter values were invalid: Select type"
                    + " SPECIFIC_ATTRIBUTES requires ProjectionExpression or AttributesToGet");
        }
        if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoException.validation("One or more parameter values were invalid: Cannot specify the"
                    + " ProjectionExpression when choosing to get " + select);
        }
        if (index != null && index.global && !index.projectionType.equals("ALL")) {
            if (projection != null) {
                for (String attribute : projection.topLevelAttributes()) {
                    if (!index.projects(attribute, table.key)) {
                        throw DynamoException.validation("One or more parameter values were invalid: Global secondary"
                                + " index " + index.name + " does not project " + attribute);
                    }
                }
            }
        }
        return new Read(table, index, filter, projection, select, p.integer("Limit"), p.bool("ConsistentRead"));
    }

    private static NavigableMap<Key, Stored> source(Read read) {
        return read.index() == null ? read.table().items : read.index().entries;
    }

    private static NavigableMap<Key, Stored> range(NavigableMap<Key, Stored> source,
                                                               Value hash, KeyCondition condition) {
        Key low = Key.partitionBound(hash, -1);
        Key high = Key.partitionBound(hash, 1);
        KeyCondition.SortOp op = condition.sortOp();
        if (op == null) {
            return source.subMap(low, false, high, false);
        }
        Value v = condition.sortValue();
        return switch (op) {
            case EQ -> source.subMap(Key.rangeBound(hash, v, -1), false, Key.rangeBound(hash, v, 1), false);
            case LT -> source.subMap(low, false, Key.rangeBound(hash, v, -1), false);
            case LE -> source.subMap(low, false, Key.rangeBound(hash, v, 1), false);
            case GT -> source.subMap(Key.rangeBound(hash, v, 1), false, high, false);
            case GE -> source.subMap(Key.rangeBound(hash, v, -1), false, high, false);
            case BETWEEN -> {
                Value upper = condition.sortValue2();
                if (Value.compareScalars(v, upper) > 0) {
                    throw DynamoException.validation("Invalid KeyConditionExpression: The BETWEEN operator requires"
                            + " upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {"
                            + v.type() + ":" + text(v) + "}, upper bound operand: AttributeValue: {" + upper.type() + ":"
                            + text(upper) + "}");
                }
                yield source.subMap(Key.rangeBound(hash, v, -1), false, Key.rangeBound(hash, upper, 1), false);
            }
            case BEGINS_WITH -> source.subMap(Key.rangeBound(hash, v, -1), false, high, false);
        };
    }

    private static String text(Value v) {
        return v instanceof Value.N n ? n.text() : v instanceof Value.S s ? s.value() : v.toString();
    }

    private static NavigableMap<Key, Stored> segment(NavigableMap<Key, Stored> source,
                                                                 long from, long to) {
        NavigableMap<Key, Stored> result = new java.util.TreeMap<>();
        // entries are ordered by segment position first, so the segment is a contiguous run
        for (Map.Entry<Key, Stored> e : source.entrySet()) {
            long position = e.getKey().segmentPosition();
            if (position >= to) {
                break;
            }
            if (position >= from) {
                result.put(e.getKey(), e.getValue());
            }
        }
        return result;
    }

    /**
     * Checks an ExclusiveStartKey against the table's and the index's key, as DynamoDB does: the right number of
     * attributes, then each key attribute of the table or index present and of its type.
     *
     * @param scan whether the read is a Scan (whose wording differs for a table without index)
     * @return the start key, or null if the request has none
     */
    private static @Nullable Map<String, Value> startKeyValues(Read read, @Nullable Map<String, Object> json,
                                                               boolean scan) {
        if (json == null) {
            return null;
        }
        Map<String, Value> start = Values.item(json);
        KeySchema tableKey = read.table().key;
        int expected = tableKey.rangeName() == null ? 1 : 2;
        if (read.index() != null) {
            for (String attribute : read.index().keyAttributes()) {
                if (!tableKey.isKeyAttribute(attribute)) {
                    expected++;
                }
            }
        }
        if (start.size() != expected) {
            throw DynamoException.validation(scan && read.index() == null
                    ? "The provided starting key is invalid: The provided key element does not match the schema"
                    : "The provided starting key is invalid");
        }
        if (!scan || read.index() != null) {
            KeySchema schema = read.schema();
            checkStartPiece(start, schema.hashName(), schema.hashType(), true);
            if (schema.rangeName() != null) {
                checkStartPiece(start, schema.rangeName(), schema.rangeType(), false);
            }
        }
        return start;
    }

    private static void checkStartPiece(Map<String, Value> start, String attribute, String type, boolean hash) {
        if (!start.containsKey(attribute)) {
            throw DynamoException.validation("The provided starting key is invalid");
        }
        Requests.checkKeyPiece(start, attribute, type, hash, false);
    }

    /** The position of a checked start key in the table or index order. */
    private static Key position(Read read, Map<String, Value> start) {
        Key tablePosition = read.table().key.keyOf(start);
        return read.index() == null ? tablePosition : read.index().entryKey(start, tablePosition);
    }

    /**
     * Checks a key condition against the key schema of the table or index, attribute by attribute as DynamoDB does,
     * and returns it with its partition key condition first.
     */
    private static KeyCondition checkKeyCondition(KeySchema schema, KeyCondition condition) {
        String first = condition.partitionAttribute();
        String second = condition.sortAttribute();
        int count = second == null ? 1 : 2;
        if (schema.rangeName() == null && count > 1) {
            throw DynamoException.validation("Query key condition not supported");
        }
        if (!schema.hashName().equals(first) && !schema.hashName().equals(second)) {
            throw DynamoException.validation("Query condition missed key schema element: " + schema.hashName());
        }
        KeyCondition oriented = condition.orientedTo(schema.hashName());
        if (!oriented.partitionValue().type().equals(schema.hashType())) {
            throw typeMismatch();
        }
        if (oriented.sortAttribute() != null) {
            if (!oriented.sortAttribute().equals(schema.rangeName())) {
                throw DynamoException.validation("Query condition missed key schema element: " + schema.rangeName());
            }
            if (!oriented.sortValue().type().equals(schema.rangeType()) || (oriented.sortValue2() != null
                    && !oriented.sortValue2().type().equals(schema.rangeType()))) {
                throw typeMismatch();
            }
        }
        return oriented;
    }

    private static DynamoException typeMismatch() {
        return DynamoException.validation(
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    /** ALL_ATTRIBUTES cannot be read from a global index that does not project them all. */
    private static void checkProjectedSelect(Read read) {
        IndexState index = read.index();
        if (index != null && index.global && !index.projectionType.equals("ALL")
                && read.select().equals("ALL_ATTRIBUTES")) {
            throw DynamoException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES"
                    + " is not supported for global secondary index " + index.name
                    + " because its projection type is not ALL");
        }
    }

    private Map<String, Object> page(Read read, NavigableMap<Key, Stored> range,
                                     @Nullable KeyCondition beginsWith, Params p) {
        List<Object> items = new ArrayList<>();
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        int consumedBytes = 0;
        Stored last = null;
        boolean truncated = false;
        long now = engine.now();
        for (Map.Entry<Key, Stored> e : range.entrySet()) {
            Stored stored = e.getValue();
            if (beginsWith != null && !Key.beginsWith(e.getKey().range() == null ? new Value.Null()
                    : e.getKey().range(), beginsWith.sortValue())) {
                if (Boolean.FALSE.equals(p.raw("ScanIndexForward"))) {
                    continue;
                }
                break;
            }
            if (read.table().expired(stored, now)) {
                continue;
            }
            Stored item = stored;
            if (read.index() != null && !read.index().global && read.select().equals("ALL_ATTRIBUTES")) {
                item = read.table().stored(e.getKey().tail());
            }
            scanned++;
            int size = item.size();
            bytes += size;
            consumedBytes += size;
            last = item;
            // decoded only for what reads its attributes; else the stored JSON is the answer
            Map<String, Value> decoded = read.filter() != null || read.projection() != null ? item.item() : null;
            if (read.filter() == null || read.filter().test(decoded)) {
                count++;
                if (!read.select().equals("COUNT")) {
                    items.add(read.projection() == null ? item.json()
                            : Values.toJson(read.projection().apply(decoded)));
                }
            }
            if ((read.limit() != null && scanned >= read.limit()) || bytes >= PAGE_BYTES) {
                truncated = true;
                break;
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        if (!read.select().equals("COUNT")) {
            response.put("Items", items);
        }
        response.put("Count", BigDecimal.valueOf(count));
        response.put("ScannedCount", BigDecimal.valueOf(scanned));
        if (truncated && last != null) {
            Map<String, Value> lastItem = last.item();
            Map<String, Value> key = new LinkedHashMap<>(read.table().key.project(lastItem));
            if (read.index() != null) {
                key.putAll(read.index().key.project(lastItem));
            }
            response.put("LastEvaluatedKey", Values.toJson(key));
        }
        Requests.consumed(p, response, read.table().name, Requests.readUnits(consumedBytes, read.consistent()));
        return response;
    }
}
