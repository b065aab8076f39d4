package dev.dynamite.codec.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts between Jackson trees and DynamoDB attribute values, recursively and without loss. */
final class JsonTrees {
    private static final AttributeValue NULL = AttributeValue.fromNul(true);

    private JsonTrees() {
    }

    /**
     * Converts a tree to an attribute value: object to M, array to L, text to S, number to N, boolean to BOOL, null
     * to NULL, binary to B.
     */
    static AttributeValue toAttributeValue(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, AttributeValue> m = new LinkedHashMap<>(node.size() * 4 / 3 + 1);
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    m.put(field.getKey(), toAttributeValue(field.getValue()));
                }
                return AttributeValue.fromM(m);
            }
            case ARRAY: {
                List<AttributeValue> l = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    l.add(toAttributeValue(element));
                }
                return AttributeValue.fromL(l);
            }
            case STRING:
                return AttributeValue.fromS(node.textValue());
            case NUMBER:
                return AttributeValue.fromN(number(node));
            case BOOLEAN:
                return AttributeValue.fromBool(node.booleanValue());
            case NULL:
                return NULL;
            case BINARY:
                return AttributeValue.fromB(SdkBytes.fromByteArray(binary(node)));
            case POJO:
                throw new IllegalArgumentException("a value of " + pojoType(node)
                        + " was not turned into JSON by Jackson; register a serializer for it");
            case MISSING:
            default:
                throw new IllegalArgumentException("a missing JSON node cannot be stored");
        }
    }

    /**
     * Converts an attribute value to a tree: M to object, L to array, S to text, N to an integer or exact decimal
     * node, BOOL to boolean, NULL to null, B to binary; the sets SS, NS and BS become arrays.
     */
    static JsonNode toJsonNode(AttributeValue value, JsonNodeFactory factory) {
        switch (value.type()) {
            case M: {
                ObjectNode object = factory.objectNode();
                for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                    object.set(entry.getKey(), toJsonNode(entry.getValue(), factory));
                }
                return object;
            }
            case L: {
                ArrayNode array = factory.arrayNode(value.l().size());
                for (AttributeValue element : value.l()) {
                    array.add(toJsonNode(element, factory));
                }
                return array;
            }
            case S:
                return TextNode.valueOf(value.s());
            case N:
                return number(value.n());
            case BOOL:
                return BooleanNode.valueOf(Boolean.TRUE.equals(value.bool()));
            case NUL:
                return NullNode.getInstance();
            case B:
                return BinaryNode.valueOf(value.b().asByteArray());
            case SS: {
                ArrayNode array = factory.arrayNode(value.ss().size());
                value.ss().forEach(s -> array.add(TextNode.valueOf(s)));
                return array;
            }
            case NS: {
                ArrayNode array = factory.arrayNode(value.ns().size());
                value.ns().forEach(n -> array.add(number(n)));
                return array;
            }
            case BS: {
                ArrayNode array = factory.arrayNode(value.bs().size());
                value.bs().forEach(b -> array.add(BinaryNode.valueOf(b.asByteArray())));
                return array;
            }
            case UNKNOWN_TO_SDK_VERSION:
            default:
                throw new IllegalArgumentException(
                        "an attribute value of unknown type cannot be read as JSON: " + value);
        }
    }

    // DynamoDB numbers are decimal strings; BigDecimal's own form keeps every digit and the scale
    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.isBigInteger() ? node.bigIntegerValue().toString() : Long.toString(node.longValue());
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().toString();
        }
        double d = node.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("DynamoDB numbers are finite; cannot store " + d);
        }
        return BigDecimal.valueOf(d).toString();
    }

    private static JsonNode number(String n) {
        try {
            if (n.indexOf('.') >= 0 || n.indexOf('e') >= 0 || n.indexOf('E') >= 0) {
                return DecimalNode.valueOf(new BigDecimal(n));
            }
            BigInteger integer = new BigInteger(n);
            int bits = integer.bitLength();
            if (bits < Integer.SIZE) {
                return IntNode.valueOf(integer.intValue());
            }
            if (bits < Long.SIZE) {
                return LongNode.valueOf(integer.longValue());
            }
            return BigIntegerNode.valueOf(integer);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + n + "'", e);
        }
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable binary JSON node", e);
        }
    }

    private static String pojoType(JsonNode node) {
        Object pojo = ((com.fasterxml.jackson.databind.node.POJONode) node).getPojo();
        return pojo == null ? "null" : pojo.getClass().getName();
    }
}
