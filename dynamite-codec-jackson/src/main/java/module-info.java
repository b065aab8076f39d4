import dev.dynamite.codec.jackson.JacksonCodecProvider;
import dev.dynamite.spi.CodecProvider;

/**
 * Stores nested POJOs, records, {@code Map<String, Object>} and Jackson {@code JsonNode} trees as native DynamoDB
 * maps and lists (not as JSON strings), converting them with Jackson.
 *
 * <p>Adding this module to the module path (or class path) is all it takes: Dynamite finds its provider with
 * {@link java.util.ServiceLoader}. Jackson reads and writes your value classes by reflection, so a named module whose
 * value classes are stored this way opens their package to Jackson:
 * {@code opens com.example.model to com.fasterxml.jackson.databind;}.
 *
 * @provides dev.dynamite.spi.CodecProvider with {@link dev.dynamite.codec.jackson.JacksonCodecProvider}, asked after
 *     user providers (priority {@code -10})
 */
module dev.dynamite.codec.jackson {
    requires transitive dev.dynamite.api;
    requires transitive com.fasterxml.jackson.databind;
    requires static transitive org.jspecify;

    exports dev.dynamite.codec.jackson;

    provides CodecProvider with JacksonCodecProvider;
}
