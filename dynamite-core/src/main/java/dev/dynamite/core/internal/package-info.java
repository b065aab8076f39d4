/** Internals of the core module; not exported. */
@NullMarked
package dev.dynamite.core.internal;

import org.jspecify.annotations.NullMarked;
