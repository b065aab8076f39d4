/**
 * The codec registry and Dynamite's built-in codecs; not exported. {@link dev.dynamite.core.internal.codec.Codecs}
 * picks a field's codec: {@code @Codec} on the field, then {@code CodecProvider}s, then the built-ins.
 */
@NullMarked
package dev.dynamite.core.internal.codec;

import org.jspecify.annotations.NullMarked;
