/**
 * The model context: per-model state (type, mapper, rules, metadata, table name, binding), entity state and dirty
 * tracking, data annotations and hooks, value coercion. The query, relation and entity packages work on it. Not
 * exported.
 */
@NullMarked
package dev.dynamite.core.internal.model;

import org.jspecify.annotations.NullMarked;
