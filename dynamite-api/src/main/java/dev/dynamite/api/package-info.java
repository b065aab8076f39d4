/**
 * Dynamite's value types and its typed exceptions, all rooted at {@link dev.dynamite.api.DynamiteException}.
 */
@NullMarked
package dev.dynamite.api;

import org.jspecify.annotations.NullMarked;
