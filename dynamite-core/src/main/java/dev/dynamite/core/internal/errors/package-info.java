/**
 * The factories of exceptions that the classes of a first read throw but seldom; not exported. A leaf package: every
 * other package may use it.
 */
@NullMarked
package dev.dynamite.core.internal.errors;

import org.jspecify.annotations.NullMarked;
