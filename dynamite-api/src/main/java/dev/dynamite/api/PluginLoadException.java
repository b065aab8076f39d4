package dev.dynamite.api;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a plugin found through {@link java.util.ServiceLoader} cannot be loaded or instantiated, or when a
 * plugin asked for by name does not exist.
 */
public final class PluginLoadException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which plugin, which service, and what went wrong
     * @param cause the {@code ServiceConfigurationError} or other failure, or {@code null}
     */
    public PluginLoadException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
