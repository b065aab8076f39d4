/**
 * The query side of the model runtime: filters and their conditions, the planner, the reader (pages, cursors,
 * parallel scans, batch reads), the scan guard and relation loading. Works on a model context; not exported.
 */
@NullMarked
package dev.dynamite.core.internal.query;

import org.jspecify.annotations.NullMarked;
