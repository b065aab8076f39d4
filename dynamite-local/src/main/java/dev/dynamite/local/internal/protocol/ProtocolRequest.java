package dev.dynamite.local.internal.protocol;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the protocol sees it, whatever transport carried it.
 *
 * @param method the HTTP method, upper case
 * @param rawQuery the raw query string without {@code ?}, or {@code null}
 * @param headers looks a header up by name, case-insensitively; {@code null} when absent
 * @param body the request body, empty when there is none
 */
public record ProtocolRequest(String method, @Nullable String rawQuery, Function<String, @Nullable String> headers,
        byte[] body) {

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or {@code null} when absent
     */
    public @Nullable String header(String name) {
        return headers.apply(name);
    }
}
