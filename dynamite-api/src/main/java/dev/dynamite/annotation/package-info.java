/**
 * The annotations a model class is declared with: keys, names, relations and non-persisted fields.
 *
 * <p>Every annotation is retained at run time and read once per class by {@code dev.dynamite.schema.EntityMetadata}.
 */
@NullMarked
package dev.dynamite.annotation;

import org.jspecify.annotations.NullMarked;
