/**
 * Jackson-backed codecs: nested POJOs, records, {@code Map<String, Object>} and {@code JsonNode} trees stored as
 * native DynamoDB maps and lists.
 *
 * <p>{@link dev.dynamite.codec.jackson.JacksonCodecProvider} is discovered with {@link java.util.ServiceLoader}; a
 * value is turned into a {@code JsonNode} tree and the tree into an {@code AttributeValue}: objects become {@code M},
 * arrays {@code L}, strings {@code S}, numbers {@code N} (full precision), booleans {@code BOOL}, nulls {@code NULL}
 * and binary {@code B}.
 */
@NullMarked
package dev.dynamite.codec.jackson;

import org.jspecify.annotations.NullMarked;
