package dev.dynamite.codec.jackson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dynamite.spi.AttributeCodec;
import dev.dynamite.spi.CodecLookup;
import dev.dynamite.spi.CodecProvider;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies Jackson-backed codecs that store nested POJOs, records, {@code Map<String, Object>} and {@code JsonNode}
 * trees as native DynamoDB maps and lists, never as JSON strings.
 *
 * <p>A value is converted to a {@code JsonNode} tree with {@link ObjectMapper#valueToTree(Object)}, and the tree to an
 * {@code AttributeValue}: objects become {@code M}, arrays {@code L}, strings {@code S}, numbers {@code N} with every
 * digit kept, booleans {@code BOOL}, nulls {@code NULL} and binary {@code B}. Reading reverses this and binds the tree
 * to the field's full generic type ({@code List<Order>}, {@code Map<String, Address>}); stored sets ({@code SS},
 * {@code NS}, {@code BS}) are read as arrays.
 *
 * <p>Claimed types: {@code JsonNode} and its subtypes; records and concrete classes outside {@code java.*},
 * {@code javax.*}, {@code jdk.*}, the AWS SDK and Jackson (not enums, arrays, interfaces, abstract or non-static inner
 * classes, nor Dynamite models); raw {@code Map} and {@code Map<String, Object>}; and {@code List}, {@code Set},
 * {@code Collection} or {@code Map<String, X>} whose element type X is {@code Object} or itself claimed. Every other
 * type, such as {@code String}, numbers, {@code List<String>} or {@code Map<String, Instant>}, is left to Dynamite's
 * built-in codecs. Its {@link #priority()} is {@code -10}, so that providers of the application are asked first.
 *
 * <p>Found with {@link java.util.ServiceLoader}: add the {@code dynamite-codec-jackson} artifact, nothing else. A
 * named module whose classes are stored this way opens their package to Jackson, which reads them by reflection:
 * {@code opens com.example.model to com.fasterxml.jackson.databind;}. To use another configuration, such as
 * {@code java.time} support, wrap an instance in a provider of your own:
 *
 * <pre>{@code
 * public final class MyJacksonCodecs implements CodecProvider {
 *     private final JacksonCodecProvider delegate = new JacksonCodecProvider(
 *             JacksonCodecProvider.mapperBuilder().addModule(new JavaTimeModule()).build());
 *
 *     public Optional<AttributeCodec<?>> codecFor(Type type, CodecLookup lookup) {
 *         return delegate.codecFor(type, lookup);
 *     }
 *
 *     public int priority() {
 *         return 0;
 *     }
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe, as are the codecs they supply, provided that the mapper is not
 * reconfigured after it is handed over.
 */
public final class JacksonCodecProvider implements CodecProvider {
    /** The priority of this provider: below the default {@code 0} of application providers. */
    public static final int PRIORITY = -10;

    private final ObjectMapper mapper;

    /** Creates a provider with the mapper of {@link #mapperBuilder()}; the constructor {@code ServiceLoader} uses. */
    public JacksonCodecProvider() {
        this(mapperBuilder().build());
    }

    /**
     * Creates a provider that converts values with the given mapper.
     *
     * <p>Numbers keep every digit when the mapper reads floating-point values as {@code BigDecimal}, as the mapper of
     * {@link #mapperBuilder()} does; start from it to add modules or features.
     *
     * @param mapper the mapper; not reconfigured afterwards
     * @throws NullPointerException if {@code mapper} is null
     */
    public JacksonCodecProvider(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Returns a builder of the mapper the no-arg constructor uses, for adding modules or features to it.
     *
     * <p>Its settings: floating-point numbers are read as exact {@code BigDecimal}s, with trailing zeros kept;
     * properties unknown to a class are ignored when reading, so that stored items outlive removed fields; dates of
     * registered date modules are written as ISO-8601 text, not as timestamps.
     *
     * @return a new builder
     */
    public static JsonMapper.Builder mapperBuilder() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /**
     * Returns a Jackson-backed codec for a claimed type (see the class description), or empty for every other type.
     *
     * @param type a class or a parameterized type, as declared on the field
     * @param lookup not used: Jackson converts element types itself
     * @return the codec, or empty when the type is left to other codecs
     */
    @Override
    public Optional<AttributeCodec<?>> codecFor(Type type, CodecLookup lookup) {
        if (!TypeRules.claims(type)) {
            return Optional.empty();
        }
        return Optional.of(new JacksonCodec<>(mapper, mapper.getTypeFactory().constructType(type)));
    }

    /**
     * Returns {@value #PRIORITY}, so that the application's own providers are asked first.
     *
     * @return {@value #PRIORITY}
     */
    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public String toString() {
        return "JacksonCodecProvider";
    }
}
