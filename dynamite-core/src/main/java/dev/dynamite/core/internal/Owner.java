package dev.dynamite.core.internal;

import dev.dynamite.api.NoClientException;
import dev.dynamite.core.internal.errors.Failures;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Whose client a model handle, and every entity read or written through it, uses: one {@code Dynamite} (through a
 * supplier of its current binding) or the global registry, resolved at each call so that a globally bound handle
 * always uses the current global client.
 *
 * @param supplier the binding of the owning client, or null for the global client at each call
 * @param description how the owner is named in {@code toString()}
 */
public record Owner(@Nullable Supplier<GlobalRegistry.Binding> supplier, String description) {
    private static final Owner GLOBAL = new Owner(null, "global client");

    /**
     * Returns the owner that is the global client at each call.
     *
     * @return the global owner
     */
    public static Owner global() {
        return GLOBAL;
    }

    /**
     * Returns the binding in force now.
     *
     * @return the owner's binding, or the global one
     * @throws NoClientException if the owner is global and no global client is installed
     */
    public GlobalRegistry.Binding binding() {
        if (supplier != null) {
            return supplier.get();
        }
        GlobalRegistry.Binding binding = GlobalRegistry.current();
        if (binding == null) {
            throw Failures.noClient();
        }
        return binding;
    }
}
