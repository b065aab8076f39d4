/** The bundled key type strategies; not exported, found through {@code ServiceLoader}. */
@NullMarked
package dev.dynamite.schema.internal.keys;

import org.jspecify.annotations.NullMarked;
