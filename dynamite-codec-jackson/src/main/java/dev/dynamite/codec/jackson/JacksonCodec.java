package dev.dynamite.codec.jackson;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dynamite.spi.AttributeCodec;
import java.io.IOException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Encodes through a Jackson tree; decodes the tree with a reader bound to the field's full generic type. */
final class JacksonCodec<T> implements AttributeCodec<T> {
    private final ObjectMapper mapper;
    private final JavaType type;
    private final ObjectReader reader;

    JacksonCodec(ObjectMapper mapper, JavaType type) {
        this.mapper = mapper;
        this.type = type;
        this.reader = mapper.readerFor(type);
    }

    @Override
    public AttributeValue encode(T value) {
        JsonNode tree;
        if (value instanceof JsonNode node) {
            tree = node;
        } else {
            try {
                tree = mapper.valueToTree(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot convert a " + value.getClass().getName()
                        + " to JSON with Jackson: " + e.getMessage(), e);
            }
        }
        return JsonTrees.toAttributeValue(tree);
    }

    @Override
    public T decode(AttributeValue value) {
        JsonNode tree = JsonTrees.toJsonNode(value, mapper.getNodeFactory());
        if (type.isTypeOrSubTypeOf(JsonNode.class)) {
            if (!type.getRawClass().isInstance(tree)) {
                throw new IllegalArgumentException("a stored " + value.type() + " cannot be read as "
                        + type.getRawClass().getSimpleName());
            }
            @SuppressWarnings("unchecked")
            T node = (T) tree;
            return node;
        }
        try {
            return reader.readValue(tree);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read a stored " + value.type() + " as " + type.toCanonical()
                    + " with Jackson: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JacksonCodec[" + type.toCanonical() + "]";
    }
}
