package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.expr.ExpressionContext;
import dev.dynamite.local.internal.value.Value;
import dev.dynamite.local.internal.value.Values;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What item operations share: keys, items and expression parameters read and checked as DynamoDB does. */
final class Requests {
    static final int MAX_ITEM_SIZE = 400 * 1024;

    private Requests() {
    }

    /**
     * Checks that the placeholder maps come with expressions that can use them: names with any expression, values
     * with any expression but a projection. Operations without value expressions (GetItem, BatchGetItem) have no
     * {@code ExpressionAttributeValues} member at all, and ignore it as DynamoDB ignores unknown members.
     *
     * @param expressions the operation's expression members, in DynamoDB's order, e.g. {@code UpdateExpression,
     *     ConditionExpression}
     */
    static void expressionParams(Params p, String... expressions) {
        boolean any = false;
        List<String> valueExpressions = new java.util.ArrayList<>(expressions.length);
        boolean anyValueExpression = false;
        for (String expression : expressions) {
            boolean present = p.raw(expression) != null;
            any |= present;
            if (!expression.equals("ProjectionExpression")) {
                valueExpressions.add(expression);
                anyValueExpression |= present;
            }
        }
        if (p.raw("ExpressionAttributeNames") != null && !any) {
            throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (!valueExpressions.isEmpty() && p.raw("ExpressionAttributeValues") != null && !anyValueExpression) {
            throw DynamoException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + (valueExpressions.size() > 1 ? " are" : " is")
                    + " null");
        }
    }

    /**
     * The expression context of a request, with DynamoDB's checks of the two maps: not empty, well-formed
     * placeholders, valid values.
     *
     * @param withValues whether the operation has an {@code ExpressionAttributeValues} member (GetItem has not)
     */
    static ExpressionContext context(Params p, boolean withValues) {
        Map<String, Object> names = p.map("ExpressionAttributeNames");
        Map<String, Object> values = withValues ? p.map("ExpressionAttributeValues") : null;
        Map<String, String> nameMap = null;
        if (names != null) {
            if (names.isEmpty()) {
                throw DynamoException.validation("ExpressionAttributeNames must not be empty");
            }
            nameMap = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : names.entrySet()) {
                if (!placeholder(e.getKey(), '#')) {
                    throw DynamoException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key:"
                            + " \"" + e.getKey() + "\"");
                }
                nameMap.put(e.getKey(), (String) e.getValue());
            }
        }
        Map<String, Value> valueMap = null;
        if (values != null) {
            if (values.isEmpty()) {
                throw DynamoException.validation("ExpressionAttributeValues must not be empty");
            }
            for (String key : values.keySet()) {
                if (!placeholder(key, ':')) {
                    throw DynamoException.validation("ExpressionAttributeValues contains invalid key: Syntax error;"
                            + " key: \"" + key + "\"");
                }
            }
            valueMap = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                try {
                    valueMap.put(e.getKey(), Values.value(e.getValue()));
                } catch (DynamoException invalid) {
                    throw DynamoException.validation("ExpressionAttributeValues contains invalid value: "
                            + invalid.getMessage() + " for key " + e.getKey());
                }
            }
        }
        return new ExpressionContext(nameMap, valueMap);
    }

    /** {@code #name} or {@code :value}: the sigil, then one or more letters, digits or underscores. */
    private static boolean placeholder(String key, char sigil) {
        if (key.length() < 2 || key.charAt(0) != sigil) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Checks a key (already read as values) against the table's key schema. */
    static Map<String, Value> key(KeySchema schema, Map<String, Value> key) {
        int expected = schema.rangeName() == null ? 1 : 2;
        if (key.size() != expected) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        checkKeyPiece(key, schema.hashName(), schema.hashType(), true, false);
        if (schema.rangeName() != null) {
            checkKeyPiece(key, schema.rangeName(), schema.rangeType(), false, false);
        }
        return key;
    }

    /** Checks the size of an item to be written, at most 400 KB, and returns it. */
    static int checkSize(Map<String, Value> item) {
        int size = Value.itemSize(item);
        if (size > MAX_ITEM_SIZE) {
            throw DynamoException.validation("Item size has exceeded the maximum allowed size");
        }
        return size;
    }

    /** Checks an item to be written: key present and typed, index keys typed (its size: {@link #checkSize}). */
    static void checkItem(TableState table, Map<String, Value> item) {
        checkKeyPiece(item, table.key.hashName(), table.key.hashType(), true, true);
        if (table.key.rangeName() != null) {
            checkKeyPiece(item, table.key.rangeName(), table.key.rangeType(), false, true);
        }
        for (IndexState index : table.indexes.values()) {
            checkIndexKey(item, index, index.key.hashName(), index.key.hashType());
            if (index.key.rangeName() != null) {
                checkIndexKey(item, index, index.key.rangeName(), index.key.rangeType());
            }
        }
    }

    private static void checkIndexKey(Map<String, Value> item, IndexState index, String attribute, String type) {
        Value v = item.get(attribute);
        if (v != null && !v.type().equals(type)) {
            throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + attribute + " Expected: " + type + " Actual: " + v.type() + " IndexName: " + index.name);
        }
        if (v instanceof Value.S s && s.value().isEmpty()) {
            throw DynamoException.validation("One or more parameter values are not valid. A value specified for a"
                    + " secondary index key is not supported. The AttributeValue for a key attribute cannot contain an"
                    + " empty string value. IndexName: " + index.name + ", IndexKey: " + attribute);
        }
    }

    static void checkKeyPiece(Map<String, Value> item, String attribute, String type, boolean hash,
                                      boolean inItem) {
        Value v = item.get(attribute);
        if (v == null) {
            throw DynamoException.validation(inItem
                    ? "One or more parameter values were invalid: Missing the key " + attribute + " in the item"
                    : "The provided key element does not match the schema");
        }
        if (!v.type().equals(type)) {
            throw DynamoException.validation(inItem
                    ? "One or more parameter values were invalid: Type mismatch for key " + attribute + " expected: "
                            + type + " actual: " + v.type()
                    : "The provided key element does not match the schema");
        }
        boolean empty = (v instanceof Value.S s && s.value().isEmpty()) || (v instanceof Value.B b
                && b.value().length() == 0);
        if (empty) {
            throw DynamoException.validation((inItem ? "One or more parameter values are not valid." : "One or more"
                    + " parameter values were invalid:") + " The AttributeValue for a key attribute cannot contain an"
                    + " empty " + (type.equals("S") ? "string" : "binary") + " value. Key: " + attribute);
        }
        int size = v.size();
        if (hash && size > 2048) {
            throw DynamoException.validation("One or more parameter values were invalid: Size of hashkey has exceeded"
                    + " the maximum size limit of2048 bytes");
        }
        if (!hash && size > 1024) {
            throw DynamoException.validation("One or more parameter values were invalid: Aggregated size of all range"
                    + " keys has exceeded the size limit of 1024 bytes");
        }
    }

    /** The {@code ConsumedCapacity} of an operation, when the request asks for it. */
    static void consumed(Params p, Map<String, Object> response, String table, double units) {
        Map<String, Object> capacity = capacity(p, table, units);
        if (capacity != null) {
            response.put("ConsumedCapacity", capacity);
        }
    }

    /** Adds a table's {@code ConsumedCapacity} to a batch's list, when the request asks for it. */
    static void consumed(Params p, List<Object> perTable, String table, double units) {
        Map<String, Object> capacity = capacity(p, table, units);
        if (capacity != null) {
            perTable.add(capacity);
        }
    }

    private static @Nullable Map<String, Object> capacity(Params p, String table, double units) {
        String mode = p.string("ReturnConsumedCapacity");
        if (mode == null || mode.equals("NONE")) {
            return null;
        }
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("CapacityUnits", number(units));
        capacity.put("TableName", table);
        if (mode.equals("INDEXES")) {
            capacity.put("Table", Map.of("CapacityUnits", number(units)));
        }
        return capacity;
    }

    /** A capacity as DynamoDB writes it: {@code 1}, {@code 0.5}. */
    static BigDecimal number(double units) {
        BigDecimal n = BigDecimal.valueOf(units).stripTrailingZeros();
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    /** Write capacity units of a write that replaces {@code old} with {@code next}: 1 per KB, rounded up. */
    static double writeUnits(@Nullable Stored old, @Nullable Stored next) {
        return writeUnits(old, next == null ? 0 : next.size());
    }

    /** Write capacity units of a write that replaces {@code old} with an item of {@code next} bytes (0: none). */
    static double writeUnits(@Nullable Stored old, int next) {
        int size = Math.max(old == null ? 0 : old.size(), next);
        return Math.max(1, (size + 1023) / 1024);
    }

    /** Read capacity units: 1 per 4 KB, halved for eventually consistent reads. */
    static double readUnits(int size, boolean consistent) {
        double units = Math.max(1, (size + 4095) / 4096);
        return consistent ? units : units / 2;
    }
}
