package dev.dynamite.benchmarks.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal keep-alive HTTP/1.1 server that answers each operation with the response a real server gave to its
 * first request: no engine and almost no server work. Measures what the AWS SDK, its HTTP client and a loopback
 * round trip cost per call, the ceiling of any HTTP backend on this machine.
 */
final class ReplayHttpServer implements AutoCloseable {
    private static final HttpClient FORWARD = HttpClient.newHttpClient();
    private static final String[] FORWARDED = {"Content-Type", "X-Amz-Target", "X-Amz-Date", "Authorization"};

    private final URI origin;
    private final ServerSocket socket;
    private final Map<String, byte[]> recorded = new ConcurrentHashMap<>();

    ReplayHttpServer(URI origin) throws IOException {
        this.origin = origin;
        this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "replay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                Thread worker = new Thread(() -> serve(connection), "replay-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;   // close() ends the accept loop
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            while (true) {
                Map<String, String> headers = new LinkedHashMap<>();
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                while (!(line = readLine(in)).isEmpty()) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                String target = headers.getOrDefault("x-amz-target", "");
                out.write(recorded.computeIfAbsent(target, t -> record(headers, body)));
                out.flush();
            }
        } catch (IOException e) {
            // the client closed its connection: nothing left to serve on it
        }
    }

    private byte[] record(Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(origin).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED) {
            String value = headers.get(name.toLowerCase(Locale.ROOT));
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            HttpResponse<byte[]> response = FORWARD.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.statusCode()).append(" OK\r\n");
            response.headers().map().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("date")
                        && !name.equalsIgnoreCase("transfer-encoding") && !name.startsWith(":")) {
                    head.append(name).append(": ").append(values.get(0)).append("\r\n");
                }
            });
            head.append("Content-Length: ").append(response.body().length).append("\r\n\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[h.length + response.body().length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(response.body(), 0, all, h.length, response.body().length);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return c == -1 && line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
