/**
 * Many-to-many pivot rows: attach, detach and sync, on the write path's operations. Not exported.
 */
@NullMarked
package dev.dynamite.core.internal.relation;

import org.jspecify.annotations.NullMarked;
