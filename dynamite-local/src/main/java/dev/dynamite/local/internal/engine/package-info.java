/** Internals of the embedded engine; not exported. */
@NullMarked
package dev.dynamite.local.internal.engine;

import org.jspecify.annotations.NullMarked;
