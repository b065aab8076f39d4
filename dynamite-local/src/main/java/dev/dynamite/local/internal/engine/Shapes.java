package dev.dynamite.local.internal.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON types of each operation's request members, checked before anything else as DynamoDB's deserializer does:
 * a member of the wrong JSON type fails the request with a {@code SerializationException} naming what could not be
 * converted ({@code NUMBER_VALUE cannot be converted to String}). Members not listed here are ignored, as DynamoDB
 * ignores unknown members. Booleans given as the strings {@code true}, {@code 1} or {@code yes} (and their opposites)
 * are read as booleans and integers are truncated, as DynamoDB's deserializer does, by rewriting the member in place.
 */
final class Shapes {
    private static final String MODEL = "com.amazonaws.dynamodb.v20120810.";

    private Shapes() {
    }

    /** A JSON type a member may have. */
    private sealed interface Shape permits Scalar, ListOf, MapOf, Struct, AttributeValue {
    }

    private enum Scalar implements Shape {
        STRING("String"), BOOLEAN("Boolean"), INTEGER("Integer"), LONG("Long"), BLOB("Blob");

        final String java;

        Scalar(String java) {
            this.java = java;
        }
    }

    /**
     * A list.
     *
     * @param element the shape of its elements
     * @param parameterized whether the model declares it as a parameterized type (the lists of BatchWriteItem), which
     *     changes the message for a scalar in its place
     */
    private record ListOf(Shape element, boolean parameterized) implements Shape {
    }

    /**
     * A map from strings.
     *
     * @param valueType the Java type of its values, as messages name it
     * @param value the shape of its values
     * @param parameterized whether the model declares it as a parameterized type (the keys of BatchGetItem)
     */
    private record MapOf(String valueType, Shape value, boolean parameterized) implements Shape {
    }

    /**
     * A structure.
     *
     * @param name its model name
     * @param value whether it is a value of a list or map (its messages differ from those of a member)
     * @param members the members, in the order they are checked
     */
    private record Struct(String name, boolean value, Map<String, Shape> members) implements Shape {
    }

    /**
     * An attribute value ({@code {"S": "x"}}).
     *
     * @param value whether it is a value of a list or map rather than a member
     */
    private record AttributeValue(boolean value) implements Shape {
    }

    private static final AttributeValue VALUE = new AttributeValue(true);
    private static final MapOf ATTRIBUTE_MAP = new MapOf(MODEL + "AttributeValue", VALUE, false);
    private static final MapOf NAMES = new MapOf("java.lang.String", Scalar.STRING, false);
    private static final ListOf STRINGS = new ListOf(Scalar.STRING, false);
    private static final Map<String, Shape> ATTRIBUTE_VALUE_MEMBERS = members(
            "S", Scalar.STRING, "B", Scalar.BLOB, "N", Scalar.STRING, "BOOL", Scalar.BOOLEAN, "NULL", Scalar.BOOLEAN,
            "BS", new ListOf(Scalar.BLOB, false), "NS", STRINGS, "SS", STRINGS, "L", new ListOf(VALUE, false),
            "M", ATTRIBUTE_MAP);
    private static final Struct THROUGHPUT = field("ProvisionedThroughput",
            "WriteCapacityUnits", Scalar.LONG, "ReadCapacityUnits", Scalar.LONG);
    private static final ListOf KEY_SCHEMA = new ListOf(value("KeySchemaElement",
            "AttributeName", Scalar.STRING, "KeyType", Scalar.STRING), false);
    private static final Struct PROJECTION = field("Projection",
            "ProjectionType", Scalar.STRING, "NonKeyAttributes", STRINGS);
    private static final ListOf DEFINITIONS = new ListOf(value("AttributeDefinition",
            "AttributeName", Scalar.STRING, "AttributeType", Scalar.STRING), false);

    private static final Map<String, Map<String, Shape>> OPERATIONS = Map.ofEntries(
            Map.entry("CreateTable", members(
                    "AttributeDefinitions", DEFINITIONS, "TableName", Scalar.STRING, "BillingMode", Scalar.STRING,
                    "ProvisionedThroughput", THROUGHPUT, "KeySchema", KEY_SCHEMA,
                    "LocalSecondaryIndexes", new ListOf(value("LocalSecondaryIndex", "IndexName", Scalar.STRING,
                            "KeySchema", KEY_SCHEMA, "Projection", PROJECTION), false),
                    "GlobalSecondaryIndexes", new ListOf(value("GlobalSecondaryIndex", "IndexName", Scalar.STRING,
                            "KeySchema", KEY_SCHEMA, "Projection", PROJECTION, "ProvisionedThroughput", THROUGHPUT),
                            false))),
            Map.entry("DescribeTable", members("TableName", Scalar.STRING)),
            Map.entry("DeleteTable", members("TableName", Scalar.STRING)),
            Map.entry("DescribeTimeToLive", members("TableName", Scalar.STRING)),
            Map.entry("UpdateTimeToLive", members("TableName", Scalar.STRING, "TimeToLiveSpecification",
                    field("TimeToLiveSpecification", "AttributeName", Scalar.STRING, "Enabled", Scalar.BOOLEAN))),
            Map.entry("ListTables", members("Limit", Scalar.INTEGER, "ExclusiveStartTableName", Scalar.STRING)),
            Map.entry("UpdateTable", members(
                    "TableName", Scalar.STRING, "AttributeDefinitions", DEFINITIONS,
                    "ProvisionedThroughput", THROUGHPUT, "BillingMode", Scalar.STRING,
                    "GlobalSecondaryIndexUpdates", new ListOf(value("GlobalSecondaryIndexUpdate",
                            "Update", field("UpdateGlobalSecondaryIndexAction", "IndexName", Scalar.STRING,
                                    "ProvisionedThroughput", THROUGHPUT),
                            "Create", field("CreateGlobalSecondaryIndexAction", "Projection", PROJECTION,
                                    "IndexName", Scalar.STRING, "ProvisionedThroughput", THROUGHPUT,
                                    "KeySchema", KEY_SCHEMA),
                            "Delete", field("DeleteGlobalSecondaryIndexAction", "IndexName", Scalar.STRING)),
                            false))),
            Map.entry("PutItem", members(
                    "ReturnConsumedCapacity", Scalar.STRING, "TableName", Scalar.STRING, "Item", ATTRIBUTE_MAP,
                    "ReturnValues", Scalar.STRING, "ReturnItemCollectionMetrics", Scalar.STRING,
                    "ReturnValuesOnConditionCheckFailure", Scalar.STRING, "ConditionExpression", Scalar.STRING,
                    "ExpressionAttributeValues", ATTRIBUTE_MAP, "ExpressionAttributeNames", NAMES)),
            Map.entry("GetItem", members(
                    "ReturnConsumedCapacity", Scalar.STRING, "TableName", Scalar.STRING, "Key", ATTRIBUTE_MAP,
                    "ConsistentRead", Scalar.BOOLEAN, "ProjectionExpression", Scalar.STRING,
                    "ExpressionAttributeNames", NAMES)),
            Map.entry("DeleteItem", members(
                    "ReturnConsumedCapacity", Scalar.STRING, "TableName", Scalar.STRING, "ReturnValues", Scalar.STRING,
                    "ReturnItemCollectionMetrics", Scalar.STRING, "ReturnValuesOnConditionCheckFailure",
                    Scalar.STRING, "Key", ATTRIBUTE_MAP, "ConditionExpression", Scalar.STRING,
                    "ExpressionAttributeValues", ATTRIBUTE_MAP, "ExpressionAttributeNames", NAMES)),
            Map.entry("UpdateItem", members(
                    "ReturnConsumedCapacity", Scalar.STRING, "TableName", Scalar.STRING,
                    "ReturnItemCollectionMetrics", Scalar.STRING, "ReturnValues", Scalar.STRING,
                    "ReturnValuesOnConditionCheckFailure", Scalar.STRING, "Key", ATTRIBUTE_MAP,
                    "ConditionExpression", Scalar.STRING, "UpdateExpression", Scalar.STRING,
                    "ExpressionAttributeValues", ATTRIBUTE_MAP, "ExpressionAttributeNames", NAMES)),
            Map.entry("Query", members(
                    "Select", Scalar.STRING, "IndexName", Scalar.STRING, "ReturnConsumedCapacity", Scalar.STRING,
                    "TableName", Scalar.STRING, "Limit", Scalar.INTEGER, "ExclusiveStartKey", ATTRIBUTE_MAP,
                    "ConsistentRead", Scalar.BOOLEAN, "ScanIndexForward", Scalar.BOOLEAN,
                    "KeyConditionExpression", Scalar.STRING, "FilterExpression", Scalar.STRING,
                    "ProjectionExpression", Scalar.STRING, "ExpressionAttributeValues", ATTRIBUTE_MAP,
                    "ExpressionAttributeNames", NAMES)),
            Map.entry("Scan", members(
                    "Select", Scalar.STRING, "IndexName", Scalar.STRING, "TotalSegments", Scalar.INTEGER,
                    "ReturnConsumedCapacity", Scalar.STRING, "TableName", Scalar.STRING, "Segment", Scalar.INTEGER,
                    "Limit", Scalar.INTEGER, "ExclusiveStartKey", ATTRIBUTE_MAP, "ConsistentRead", Scalar.BOOLEAN,
                    "FilterExpression", Scalar.STRING, "ProjectionExpression", Scalar.STRING,
                    "ExpressionAttributeValues", ATTRIBUTE_MAP, "ExpressionAttributeNames", NAMES)),
            Map.entry("BatchGetItem", members(
                    "ReturnConsumedCapacity", Scalar.STRING,
                    "RequestItems", new MapOf(MODEL + "KeysAndAttributes", value("KeysAndAttributes",
                            "Keys", new ListOf(new MapOf(MODEL + "AttributeValue", VALUE, true), false),
                            "ConsistentRead", Scalar.BOOLEAN, "ProjectionExpression", Scalar.STRING,
                            "ExpressionAttributeNames", NAMES), false))),
            Map.entry("BatchWriteItem", members(
                    "ReturnConsumedCapacity", Scalar.STRING, "ReturnItemCollectionMetrics", Scalar.STRING,
                    "RequestItems", new MapOf("java.util.List<" + MODEL + "WriteRequest>", new ListOf(
                            value("WriteRequest",
                                    "DeleteRequest", field("DeleteRequest", "Key", ATTRIBUTE_MAP),
                                    "PutRequest", field("PutRequest", "Item", ATTRIBUTE_MAP)), true), false))),
            Map.entry("TransactGetItems", members(
                    "ReturnConsumedCapacity", Scalar.STRING,
                    "TransactItems", new ListOf(value("TransactGetItem", "Get", field("Get",
                            "TableName", Scalar.STRING, "Key", ATTRIBUTE_MAP, "ProjectionExpression", Scalar.STRING,
                            "ExpressionAttributeNames", NAMES)), false))),
            Map.entry("TransactWriteItems", members(
                    "ReturnConsumedCapacity", Scalar.STRING, "ReturnItemCollectionMetrics", Scalar.STRING,
                    "ClientRequestToken", Scalar.STRING,
                    "TransactItems", new ListOf(value("TransactWriteItem",
                            "ConditionCheck", field("ConditionCheck", "TableName", Scalar.STRING,
                                    "Key", ATTRIBUTE_MAP, "ConditionExpression", Scalar.STRING,
                                    "ReturnValuesOnConditionCheckFailure", Scalar.STRING,
                                    "ExpressionAttributeValues", ATTRIBUTE_MAP, "ExpressionAttributeNames", NAMES),
                            "Put", field("Put", "TableName", Scalar.STRING, "Item", ATTRIBUTE_MAP,
                                    "ConditionExpression", Scalar.STRING,
                                    "ReturnValuesOnConditionCheckFailure", Scalar.STRING,
                                    "ExpressionAttributeValues", ATTRIBUTE_MAP, "ExpressionAttributeNames", NAMES),
                            "Delete", field("Delete", "TableName", Scalar.STRING, "Key", ATTRIBUTE_MAP,
                                    "ConditionExpression", Scalar.STRING,
                                    "ReturnValuesOnConditionCheckFailure", Scalar.STRING,
                                    "ExpressionAttributeValues", ATTRIBUTE_MAP, "ExpressionAttributeNames", NAMES),
                            "Update", field("Update", "TableName", Scalar.STRING, "Key", ATTRIBUTE_MAP,
                                    "UpdateExpression", Scalar.STRING, "ConditionExpression", Scalar.STRING,
                                    "ReturnValuesOnConditionCheckFailure", Scalar.STRING,
                                    "ExpressionAttributeValues", ATTRIBUTE_MAP, "ExpressionAttributeNames", NAMES)),
                            false))));

    /**
     * Checks the JSON types of a request's members.
     *
     * @param operation the operation
     * @param request the parsed request; booleans given as strings and fractional integers are rewritten in place
     * @throws DynamoException a {@code SerializationException} for the first member of the wrong type
     */
    static void check(String operation, Map<String, Object> request) {
        Map<String, Shape> shape = OPERATIONS.get(operation);
        if (shape != null) {
            members(shape, request);
        }
    }

    private static void members(Map<String, Shape> shape, Map<?, ?> object) {
        for (Map.Entry<String, Shape> member : shape.entrySet()) {
            Object value = object.get(member.getKey());
            if (value != null) {
                Object checked = check(value, member.getValue());
                if (checked != value) {
                    @SuppressWarnings("unchecked")
                    Map<Object, Object> writable = (Map<Object, Object>) object;
                    writable.put(member.getKey(), checked);
                }
            }
        }
    }

    /** Checks one value, returning it, or its converted form when DynamoDB converts it. */
    private static Object check(Object value, Shape shape) {
        if (shape instanceof Scalar scalar) {
            return scalar(value, scalar);
        }
        if (shape instanceof ListOf list) {
            if (value instanceof List<?> elements) {
                for (int i = 0; i < elements.size(); i++) {
                    Object element = elements.get(i);
                    if (element != null) {
                        Object checked = check(element, list.element());
                        if (checked != element) {
                            @SuppressWarnings("unchecked")
                            List<Object> writable = (List<Object>) elements;
                            writable.set(i, checked);
                        }
                    }
                }
                return value;
            }
            if (value instanceof Map<?, ?>) {
                throw error("Start of structure or map found where not expected");
            }
            throw error(list.parameterized() ? PARAMETERIZED : "Unexpected field type");
        }
        if (shape instanceof MapOf map) {
            if (value instanceof Map<?, ?> entries) {
                for (Map.Entry<?, ?> e : entries.entrySet()) {
                    if (e.getValue() != null) {
                        Object checked = check(e.getValue(), map.value());
                        if (checked != e.getValue()) {
                            @SuppressWarnings("unchecked")
                            Map.Entry<Object, Object> writable = (Map.Entry<Object, Object>) e;
                            writable.setValue(checked);
                        }
                    }
                }
                return value;
            }
            if (value instanceof List<?>) {
                throw error("Unrecognized collection type java.util.Map<java.lang.String, " + map.valueType() + ">");
            }
            throw error(map.parameterized() ? PARAMETERIZED : "Unexpected field type");
        }
        boolean asValue = shape instanceof Struct s ? s.value() : ((AttributeValue) shape).value();
        String name = shape instanceof Struct s ? s.name() : "AttributeValue";
        if (value instanceof Map<?, ?> object) {
            members(shape instanceof Struct s ? s.members() : ATTRIBUTE_VALUE_MEMBERS, object);
            return value;
        }
        if (value instanceof List<?>) {
            throw error("Unrecognized collection type class " + MODEL + name);
        }
        throw error(asValue ? "Unexpected value type in payload" : "Unexpected field type");
    }

    private static final String PARAMETERIZED = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl"
            + " cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl"
            + " and java.lang.Class are in module java.base of loader 'bootstrap')";

    private static Object scalar(Object value, Scalar scalar) {
        if (value instanceof Map<?, ?>) {
            throw error("Start of structure or map found where not expected");
        }
        if (value instanceof List<?>) {
            throw error(scalar == Scalar.BLOB ? "Unrecognized collection type class java.nio.ByteBuffer"
                    : "Unrecognized collection type class java.lang." + scalar.java);
        }
        switch (scalar) {
            case STRING -> {
                if (value instanceof Boolean b) {
                    throw error((b ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to String");
                }
                if (value instanceof BigDecimal n) {
                    throw error(kind(n) + " cannot be converted to String");
                }
                return value;
            }
            case BOOLEAN -> {
                if (value instanceof BigDecimal n) {
                    throw error(kind(n) + " cannot be converted to Boolean");
                }
                if (value instanceof String s) {
                    return switch (s.toUpperCase(Locale.ROOT)) {
                        case "TRUE", "1", "YES" -> Boolean.TRUE;
                        case "FALSE", "0", "NO" -> Boolean.FALSE;
                        default -> throw error("Unexpected token received from parser");
                    };
                }
                return value;
            }
            case INTEGER, LONG -> {
                if (value instanceof Boolean b) {
                    throw error((b ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to " + scalar.java);
                }
                if (value instanceof String) {
                    throw error("STRING_VALUE cannot be converted to " + scalar.java);
                }
                BigDecimal n = (BigDecimal) value;
                return n.scale() > 0 ? n.setScale(0, RoundingMode.FLOOR) : value;
            }
            default -> {
                if (!(value instanceof String text)) {
                    throw error("only base-64-encoded strings are convertible to bytes");
                }
                if (text.length() % 4 != 0) {
                    throw error("Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
                }
                if (!canonicalBase64(text)) {
                    throw error("Invalid last non-pad Base64 character dectected");
                }
                return value;
            }
        }
    }

    /** Whether the text is Base64 that encodes back to itself (no stray bits, no invalid characters). */
    private static boolean canonicalBase64(String text) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text)).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String kind(BigDecimal n) {
        return n.stripTrailingZeros().scale() > 0 ? "DECIMAL_VALUE" : "NUMBER_VALUE";
    }

    private static DynamoException error(String message) {
        return new DynamoException("SerializationException", message, 400);
    }

    private static Map<String, Shape> members(Object... nameAndShape) {
        Map<String, Shape> members = new LinkedHashMap<>();
        for (int i = 0; i < nameAndShape.length; i += 2) {
            members.put((String) nameAndShape[i], (Shape) nameAndShape[i + 1]);
        }
        return members;
    }

    private static Struct field(String name, Object... nameAndShape) {
        return new Struct(name, false, members(nameAndShape));
    }

    private static Struct value(String name, Object... nameAndShape) {
        return new Struct(name, true, members(nameAndShape));
    }
}
