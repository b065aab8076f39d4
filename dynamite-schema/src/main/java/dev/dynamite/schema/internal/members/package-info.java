/**
 * A model's fields as Dynamite reads them: from the processor's generated description where there is one, else by
 * reflection. Exported to {@code dev.dynamite.core} only.
 */
@NullMarked
package dev.dynamite.schema.internal.members;

import org.jspecify.annotations.NullMarked;
