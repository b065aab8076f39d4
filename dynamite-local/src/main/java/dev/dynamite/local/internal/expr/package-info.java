/** Internals of the embedded engine; not exported. */
@NullMarked
package dev.dynamite.local.internal.expr;

import org.jspecify.annotations.NullMarked;
