/**
 * The writes of entities (create, save, update, destroy, restore, bulk loads), their counters, and their map and JSON
 * views: what {@code Model} and {@code Table} call, built on the model context, the query side (to find the targets
 * of a bulk write) and the write path. Not exported.
 */
@NullMarked
package dev.dynamite.core.internal.entity;

import org.jspecify.annotations.NullMarked;
