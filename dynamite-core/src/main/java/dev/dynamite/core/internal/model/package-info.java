/**
 * The model runtime: entity state and dirty tracking, data annotations, hooks, and the reads and writes of
 * {@code Model} and {@code Table}. Not exported.
 */
@NullMarked
package dev.dynamite.core.internal.model;

import org.jspecify.annotations.NullMarked;
