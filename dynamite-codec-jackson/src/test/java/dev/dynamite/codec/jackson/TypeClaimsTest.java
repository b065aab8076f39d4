package dev.dynamite.codec.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynamite.codec.jackson.model.Address;
import dev.dynamite.codec.jackson.model.Line;
import dev.dynamite.codec.jackson.model.Order;
import dev.dynamite.spi.AttributeCodec;
import dev.dynamite.spi.CodecLookup;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Which declared types the provider takes, and which it leaves to Dynamite's built-in codecs. */
class TypeClaimsTest {
    private static final CodecLookup NO_LOOKUP = new CodecLookup() {
        @Override
        public <T> AttributeCodec<T> codecFor(Type type) {
            throw new AssertionError("not expected: " + type);
        }
    };
    private final JacksonCodecProvider provider = new JacksonCodecProvider();

    /** A user interface: Jackson cannot instantiate it without type information. */
    public interface Shape {
    }

    /** An abstract user class. */
    public abstract static class AbstractShape {
    }

    /** A user enum: built in. */
    public enum Color { RED }

    /** A non-static inner class: Jackson cannot instantiate it. */
    public class Inner {
    }

    /** A generic user class. */
    public static final class Page<T> {
        public List<T> items = List.of();
    }

    static Stream<Type> builtInOrUnsupported() {
        return Stream.of(String.class, Integer.class, int.class, long.class, Long.class, double.class, Double.class,
                BigDecimal.class, BigInteger.class, boolean.class, Boolean.class, byte[].class, Color.class,
                TimeUnit.class, UUID.class, Instant.class, LocalDate.class, LocalDateTime.class, OffsetDateTime.class,
                ZonedDateTime.class, Duration.class, Date.class, Object.class, Optional.class, String[].class,
                Address[].class, SdkBytes.class, AttributeValue.class, Shape.class, AbstractShape.class, Inner.class,
                List.class, Set.class,
                new TypeReference<List<String>>() { }.getType(),
                new TypeReference<List<Integer>>() { }.getType(),
                new TypeReference<Set<String>>() { }.getType(),
                new TypeReference<Set<BigDecimal>>() { }.getType(),
                new TypeReference<List<byte[]>>() { }.getType(),
                new TypeReference<List<Instant>>() { }.getType(),
                new TypeReference<List<Color>>() { }.getType(),
                new TypeReference<Map<String, String>>() { }.getType(),
                new TypeReference<Map<String, Instant>>() { }.getType(),
                new TypeReference<Map<String, List<String>>>() { }.getType(),
                new TypeReference<Map<Integer, Object>>() { }.getType(),
                new TypeReference<Map<Object, Address>>() { }.getType(),
                new TypeReference<Optional<Address>>() { }.getType(),
                new TypeReference<List<Shape>>() { }.getType(),
                new TypeReference<List<? super Address>>() { }.getType());
    }

    static Stream<Type> claimed() {
        return Stream.of(JsonNode.class, ObjectNode.class, ArrayNode.class, TextNode.class, Map.class, Order.class,
                Line.class, Address.class, Page.class,
                new TypeReference<Page<Address>>() { }.getType(),
                new TypeReference<Map<String, Object>>() { }.getType(),
                new TypeReference<Map<String, ?>>() { }.getType(),
                new TypeReference<Map<? extends String, ? extends Object>>() { }.getType(),
                new TypeReference<List<Object>>() { }.getType(),
                new TypeReference<List<?>>() { }.getType(),
                new TypeReference<Collection<Object>>() { }.getType(),
                new TypeReference<List<Address>>() { }.getType(),
                new TypeReference<List<? extends Address>>() { }.getType(),
                new TypeReference<Set<Order>>() { }.getType(),
                new TypeReference<List<JsonNode>>() { }.getType(),
                new TypeReference<List<Map<String, Object>>>() { }.getType(),
                new TypeReference<Map<String, Address>>() { }.getType(),
                new TypeReference<Map<String, List<Order>>>() { }.getType());
    }

    @ParameterizedTest
    @MethodSource("builtInOrUnsupported")
    void leavesBuiltInAndUnsupportedTypesAlone(Type type) {
        assertThat(provider.codecFor(type, NO_LOOKUP)).as("%s", type.getTypeName()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("claimed")
    void claimsDocumentTypes(Type type) {
        assertThat(provider.codecFor(type, NO_LOOKUP)).as("%s", type.getTypeName()).isPresent();
    }
}
