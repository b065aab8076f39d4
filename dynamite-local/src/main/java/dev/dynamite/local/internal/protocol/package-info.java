/** Internals of the embedded engine; not exported. */
@NullMarked
package dev.dynamite.local.internal.protocol;

import org.jspecify.annotations.NullMarked;
