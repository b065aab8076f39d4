package dev.dynamite.benchmarks.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Answers every request with the response a delegate gave to the first request of the same operation: no engine
 * work at all. Measures what the AWS SDK itself costs per call, the ceiling of any in-process backend.
 */
final class ReplayHttpClient implements SdkHttpClient {
    private record Recorded(SdkHttpResponse response, byte[] body) {
    }

    private final SdkHttpClient delegate;
    private final Map<String, Recorded> recorded = new ConcurrentHashMap<>();

    ReplayHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                Recorded r = recorded.computeIfAbsent(target, t -> record(request));
                return HttpExecuteResponse.builder().response(r.response())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(r.body()))).build();
            }

            @Override
            public void abort() {
                // a replay completes at once: nothing to abort
            }
        };
    }

    private Recorded record(HttpExecuteRequest request) {
        try {
            HttpExecuteResponse response = delegate.prepareRequest(request).call();
            byte[] body = response.responseBody().orElseThrow().readAllBytes();
            return new Recorded(response.httpResponse(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return "Replay";
    }

    @Override
    public void close() {
        delegate.close();
    }
}
