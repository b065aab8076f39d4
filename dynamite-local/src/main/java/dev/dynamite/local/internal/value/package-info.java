/** Internals of the embedded engine; not exported. */
@NullMarked
package dev.dynamite.local.internal.value;

import org.jspecify.annotations.NullMarked;
