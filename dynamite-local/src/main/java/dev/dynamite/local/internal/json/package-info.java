/** Internals of the embedded engine; not exported. */
@NullMarked
package dev.dynamite.local.internal.json;

import org.jspecify.annotations.NullMarked;
