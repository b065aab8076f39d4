/**
 * The interfaces plugin authors implement, found with {@link java.util.ServiceLoader}.
 *
 * <p>An implementation has a public no-arg constructor, is cheap to construct and is thread-safe. Register it twice:
 * {@code provides dev.dynamite.spi.X with your.Impl;} in your {@code module-info.java} for the module path, and a
 * {@code META-INF/services/dev.dynamite.spi.X} file for the class path.
 */
@NullMarked
package dev.dynamite.spi;

import org.jspecify.annotations.NullMarked;
