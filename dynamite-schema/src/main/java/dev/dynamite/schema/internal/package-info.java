/** Internals of the schema module; not exported. */
@NullMarked
package dev.dynamite.schema.internal;

import org.jspecify.annotations.NullMarked;
