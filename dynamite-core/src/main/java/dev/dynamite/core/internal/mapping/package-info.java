/**
 * Entity ↔ item mapping; not exported. {@link dev.dynamite.core.internal.mapping.EntityMapper} is built once per model
 * class (cached by {@link dev.dynamite.core.internal.mapping.Mappers}) from prepared method handles and codecs, so
 * mapping an entity does no reflection lookups.
 */
@NullMarked
package dev.dynamite.core.internal.mapping;

import org.jspecify.annotations.NullMarked;
