/**
 * Operation events: the scope of each model operation, carried to the threads that work for it, and the SDK
 * interceptor that counts its requests for the {@link dev.dynamite.spi.OperationListener}s.
 */
@NullMarked
package dev.dynamite.core.internal.observe;

import org.jspecify.annotations.NullMarked;
