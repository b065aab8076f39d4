package dev.dynamite.local.internal.protocol;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a {@link JsonProtocol} over HTTP/1.1 with the JDK's {@code com.sun.net.httpserver}, on every path. Each
 * request runs on a thread of a cached pool, so any number of clients may wait on injected latency at once.
 * Thread-safe; uses no AWS SDK type.
 */
public final class HttpTransport implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;

    private HttpTransport(HttpServer server, ExecutorService executor, URI endpoint) {
        this.server = server;
        this.executor = executor;
        this.endpoint = endpoint;
    }

    /**
     * Binds and starts a server.
     *
     * @param protocol the protocol answering each request
     * @param host the address to bind, e.g. {@code 127.0.0.1} (loopback) or {@code 0.0.0.0} (all interfaces)
     * @param port the port, 0 for a free one
     * @return the running server
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static HttpTransport start(JsonProtocol protocol, String host, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within [0, 65535], got " + port);
        }
        // Answer small responses without waiting for Nagle's algorithm (the server's default is to wait), unless
        // the application chose otherwise; read once, when the JDK's server classes initialize.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        int id = SERVERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "dynamite-local-http-" + id + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService executor = Executors.newCachedThreadPool(factory);
        HttpServer server;
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            executor.shutdown();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/", exchange -> handle(protocol, exchange));
        server.setExecutor(executor);
        server.start();
        InetSocketAddress bound = server.getAddress();
        String hostText = bound.getAddress().isAnyLocalAddress() ? "localhost"
                : bound.getAddress().getHostAddress();
        if (hostText.indexOf(':') >= 0) {
            hostText = "[" + hostText + "]"; // IPv6 literal
        }
        URI endpoint = URI.create("http://" + hostText + ":" + bound.getPort());
        LOG.log(System.Logger.Level.DEBUG, "DynamoDB-compatible server listening on {0}", endpoint);
        return new HttpTransport(server, executor, endpoint);
    }

    /**
     * Returns the base URI clients connect to.
     *
     * @return e.g. {@code http://127.0.0.1:8000}
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Returns the bound port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting connections, closes open ones and stops the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "HTTP worker threads of {0} still running after stop", endpoint);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void handle(JsonProtocol protocol, HttpExchange exchange) throws IOException {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(JsonProtocol.MAX_REQUEST_BYTES + 1);
            }
            Headers requestHeaders = exchange.getRequestHeaders();
            ProtocolResponse response;
            try {
                response = protocol.handle(new ProtocolRequest(exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawQuery(), requestHeaders::getFirst, body));
            } catch (InterruptedIOException e) {
                return; // the server is stopping: drop the exchange
            }
            Headers headers = exchange.getResponseHeaders();
            response.headers().forEach(headers::set);
            byte[] out = response.body();
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), out.length == 0 || head ? -1 : out.length);
            if (out.length > 0 && !head) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "HTTP exchange failed", e);
            throw e;
        } finally {
            exchange.close();
        }
    }
}
