package dev.dynamite.local.internal.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An AWS SDK {@link SdkHttpClient} that hands each request to a {@link JsonProtocol} on the calling thread, with no
 * socket and no thread hop. The host and port of the request are ignored. Thread-safe; closing it does nothing (the
 * engine outlives its clients).
 */
public final class InProcessHttpClient implements SdkHttpClient {
    private static final byte[] EMPTY = new byte[0];

    private final JsonProtocol protocol;

    /**
     * Creates a client over a protocol.
     *
     * @param protocol the protocol that answers every request
     */
    public InProcessHttpClient(JsonProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new Call(protocol, request);
    }

    @Override
    public String clientName() {
        return "DynamiteLocal";
    }

    @Override
    public void close() {
        // nothing to release: the engine belongs to its DynamoDbLocal
    }

    /** One prepared request, run on the caller's thread by {@link #call()}. */
    private static final class Call implements ExecutableHttpRequest {
        private final JsonProtocol protocol;
        private final HttpExecuteRequest request;
        private volatile boolean aborted;

        Call(JsonProtocol protocol, HttpExecuteRequest request) {
            this.protocol = protocol;
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            if (aborted) {
                throw new IOException("request aborted");
            }
            SdkHttpRequest http = request.httpRequest();
            byte[] body = read(request.contentStreamProvider(),
                    http.firstMatchingHeader("Content-Length").map(Integer::parseInt).orElse(-1));
            ProtocolResponse response = protocol.handle(new ProtocolRequest(http.method().name(),
                    http.encodedQueryParameters().orElse(null), name -> http.firstMatchingHeader(name).orElse(null),
                    body));
            SdkHttpResponse.Builder builder = SdkHttpResponse.builder()
                    .statusCode(response.status())
                    .statusText(JsonProtocol.reasonPhrase(response.status()));
            response.headers().forEach(builder::putHeader);
            builder.putHeader("Content-Length", Integer.toString(response.body().length));
            return HttpExecuteResponse.builder()
                    .response(builder.build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
                    .build();
        }

        @Override
        public void abort() {
            aborted = true;
        }

        /** Reads the body; with a Content-Length, into one array of that size (no growing 8 KB chunks). */
        private static byte[] read(Optional<ContentStreamProvider> provider, int length) throws IOException {
            if (provider.isEmpty()) {
                return EMPTY;
            }
            try (InputStream in = provider.get().newStream()) {
                if (length < 0) {
                    return in.readAllBytes();
                }
                byte[] body = in.readNBytes(length);
                if (body.length != length || in.read() != -1) {
                    throw new IOException("request body does not match its Content-Length of " + length);
                }
                return body;
            }
        }
    }
}
