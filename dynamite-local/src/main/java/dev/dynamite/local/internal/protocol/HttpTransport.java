package dev.dynamite.local.internal.protocol;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Serves a {@link JsonProtocol} over HTTP/1.1, on every path: a loopback server of its own, one thread per
 * connection, so that a request is read, answered and written on one thread with no hand-off (the JDK's
 * {@code HttpServer} hands each exchange from its dispatcher to a worker, which cost a quarter of a small request's
 * time). Connections are kept alive as HTTP/1.1 keeps them; request bodies come with a {@code Content-Length} or
 * chunked; {@code Expect: 100-continue} is answered. Any number of clients may wait on injected latency at once, each
 * on its own connection. Thread-safe; uses no AWS SDK type.
 */
public final class HttpTransport implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
    private static final AtomicInteger SERVERS = new AtomicInteger();
    /** The longest request line or header line read; DynamoDB's requests use a few hundred bytes. */
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final JsonProtocol protocol;
    private final ServerSocket listener;
    private final URI endpoint;
    private final String name;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private HttpTransport(JsonProtocol protocol, ServerSocket listener, URI endpoint, String name) {
        this.protocol = protocol;
        this.listener = listener;
        this.endpoint = endpoint;
        this.name = name;
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
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        InetAddress bound = listener.getInetAddress();
        String hostText = bound.isAnyLocalAddress() ? "localhost" : bound.getHostAddress();
        if (hostText.indexOf(':') >= 0) {
            hostText = "[" + hostText + "]"; // IPv6 literal
        }
        URI endpoint = URI.create("http://" + hostText + ":" + listener.getLocalPort());
        HttpTransport transport = new HttpTransport(protocol, listener, endpoint,
                "dynamite-local-http-" + SERVERS.incrementAndGet());
        Thread acceptor = new Thread(transport::accept, transport.name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.log(System.Logger.Level.DEBUG, "DynamoDB-compatible server listening on {0}", endpoint);
        return transport;
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
        return listener.getLocalPort();
    }

    /** Stops accepting connections and closes open ones, which ends their threads. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "HTTP server on " + endpoint + " stopped accepting", e);
                }
                return;
            }
            open.add(socket);
            if (closed) {   // close() may have run between accept and add
                closeQuietly(socket);
                return;
            }
            Thread worker = new Thread(() -> serve(socket), name + "-" + connections.incrementAndGet());
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Answers the requests of one connection, one after another, until either side closes it. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);   // small answers go out at once, not after Nagle's delay
            Input in = new Input(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!closed && exchange(in, out)) {
                out.flush();
            }
            out.flush();
        } catch (InterruptedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "HTTP connection dropped: the server is stopping");
        } catch (IOException e) {
            // the client went away or sent what is not HTTP: its connection ends, the server goes on
            LOG.log(System.Logger.Level.DEBUG, "HTTP connection ended", e);
        } finally {
            open.remove(socket);
        }
    }

    /**
     * Reads one request and writes its response.
     *
     * @return whether the connection stays open for another request
     */
    private boolean exchange(Input in, OutputStream out) throws IOException {
        String requestLine = in.readLine();
        if (requestLine == null) {
            return false;   // the client closed the connection between requests
        }
        if (requestLine.isEmpty()) {
            return true;    // a stray line break between requests, which HTTP/1.1 allows
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            writeBare(out, 400, "Bad Request");
            return false;
        }
        Map<String, String> headers = readHeaders(in);
        if (headers == null) {
            writeBare(out, 431, "Request Header Fields Too Large");
            return false;
        }
        boolean http10 = parts[2].equals("HTTP/1.0");
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write(CONTINUE);
            out.flush();
        }
        byte[] body = readBody(in, headers);
        if (body == null) {
            writeBare(out, 413, "Request Entity Too Large");
            return false;
        }
        String target = parts[1];
        int question = target.indexOf('?');
        String query = question < 0 ? null : target.substring(question + 1);
        ProtocolResponse response = protocol.handle(new ProtocolRequest(parts[0], query,
                header -> headers.get(header.toLowerCase(Locale.ROOT)), body));
        boolean head = parts[0].equalsIgnoreCase("HEAD");
        write(out, response, head, keepAlive);
        return keepAlive;
    }

    /** The headers, by lower-case name, up to the empty line; null when there are too many. */
    private static @Nullable Map<String, String> readHeaders(Input in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed inside the request headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            if (count == MAX_HEADERS) {
                return null;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (first, next) -> first + ", " + next);
        }
    }

    /** The request body, by its length or its chunks; null when it is larger than the protocol accepts. */
    private static byte @Nullable [] readBody(Input in, Map<String, String> headers) throws IOException {
        String encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = in.readLine();
                if (sizeLine == null) {
                    throw new IOException("connection closed inside a chunked body");
                }
                int extension = sizeLine.indexOf(';');
                int size;
                try {
                    size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("malformed chunk size: " + sizeLine, e);
                }
                if (size == 0) {
                    while (true) {   // trailers, up to the empty line
                        String trailer = in.readLine();
                        if (trailer == null || trailer.isEmpty()) {
                            return body.toByteArray();
                        }
                    }
                }
                if (size < 0 || body.size() + (long) size > JsonProtocol.MAX_REQUEST_BYTES) {
                    return null;
                }
                body.write(in.readExactly(size));
                in.readLine();   // the line break after the chunk
            }
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        long declared;
        try {
            declared = Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new IOException("malformed Content-Length: " + length, e);
        }
        if (declared < 0 || declared > JsonProtocol.MAX_REQUEST_BYTES) {
            return null;
        }
        return in.readExactly((int) declared);
    }

    /** A connection's input, buffered, read by lines and by lengths with no lock per byte. */
    private static final class Input {
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;

        Input(InputStream in) {
            this.in = in;
        }

        /** Whether bytes are buffered, reading more if none are; false at the end of the stream. */
        private boolean fill() throws IOException {
            if (position < limit) {
                return true;
            }
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        /** A line without its line break (CRs dropped); null at the end of the stream before any byte. */
        @Nullable String readLine() throws IOException {
            StringBuilder line = null;
            while (fill()) {
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                boolean complete = position < limit;
                String part = new String(buffer, start, position - start, StandardCharsets.ISO_8859_1);
                if (complete) {
                    position++;   // past the LF
                    if (line == null) {
                        return withoutCr(part);   // the common case: the whole line was buffered
                    }
                }
                if (line == null) {
                    line = new StringBuilder(part.length() * 2);
                }
                line.append(part);
                if (line.length() > MAX_LINE) {
                    throw new IOException("request line or header longer than " + MAX_LINE + " bytes");
                }
                if (complete) {
                    return withoutCr(line.toString());
                }
            }
            return line == null ? null : withoutCr(line.toString());
        }

        private static String withoutCr(String line) {
            return line.indexOf('\r') < 0 ? line : line.replace("\r", "");
        }

        byte[] readExactly(int length) throws IOException {
            byte[] bytes = new byte[length];
            int have = Math.min(length, limit - position);
            System.arraycopy(buffer, position, bytes, 0, have);
            position += have;
            int more = in.readNBytes(bytes, have, length - have);
            if (have + more != length) {
                throw new IOException("connection closed inside the request body");
            }
            return bytes;
        }
    }

    private static void write(OutputStream out, ProtocolResponse response, boolean head, boolean keepAlive)
            throws IOException {
        byte[] body = response.body();
        StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(JsonProtocol.reasonPhrase(response.status())).append("\r\n");
        response.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        text.append("Content-Length: ").append(body.length).append("\r\n");
        if (!keepAlive) {
            text.append("Connection: close\r\n");
        }
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
    }

    /** A response of the server itself, with no body, to a request it cannot read; the connection then closes. */
    private static void writeBare(OutputStream out, int status, String reason) throws IOException {
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.TRACE, "socket already closed", e);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing " + closeable + " failed", e);
        }
    }
}
