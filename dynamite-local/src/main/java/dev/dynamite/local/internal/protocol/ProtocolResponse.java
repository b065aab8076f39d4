package dev.dynamite.local.internal.protocol;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP response of the protocol: status, headers (without {@code Content-Length}, which the transport sets) and
 * body.
 *
 * @param status the HTTP status
 * @param headers the headers, in the order to send them
 * @param body the body bytes; not copied, do not modify
 */
public record ProtocolResponse(int status, Map<String, String> headers, byte[] body) {

    /**
     * Returns a header value.
     *
     * @param name the exact header name as the protocol set it
     * @return the value, or {@code null}
     */
    public @Nullable String header(String name) {
        return headers.get(name);
    }
}
