package dev.dynamite.examples.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dynamite.api.ItemAlreadyExistsException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.UnknownFieldException;
import dev.dynamite.examples.model.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The seed's Express integration with the JDK's {@code HttpServer}: {@code GET /users}, {@code GET /users/{id}} and
 * {@code POST /users}. Validation errors answer 400 with the message, a taken key 409. Models go through the global
 * client, as in the seed.
 */
public final class UsersServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private UsersServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the server on a loopback port.
     *
     * @param port the port, 0 for any free one
     * @return the running server
     * @throws IOException if the port cannot be bound
     */
    public static UsersServer start(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        UsersServer server = new UsersServer(http);
        http.createContext("/users", server::handle);
        http.setExecutor(server.threads);
        http.start();
        return server;
    }

    /**
     * Returns the port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting requests, lets the running ones finish (up to a second), and stops. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/users") && method.equals("GET")) {
                List<User> users = User.model.where(Map.of());
                send(exchange, 200, "[" + String.join(",", users.stream().map(User::toJson).toList()) + "]");
            } else if (path.equals("/users") && method.equals("POST")) {
                create(exchange);
            } else if (path.startsWith("/users/") && method.equals("GET")) {
                Optional<User> user = User.model.find(path.substring("/users/".length()));
                if (user.isPresent()) {
                    send(exchange, 200, user.get().toJson());
                } else {
                    send(exchange, 404, error("no user " + path.substring("/users/".length())));
                }
            } else {
                send(exchange, 405, error(method + " " + path + " is not supported"));
            }
        } catch (RuntimeException e) {
            // the example answers what it cannot handle with a 500, as an Express error handler would
            send(exchange, 500, error(e.toString()));
        }
    }

    private static void create(HttpExchange exchange) throws IOException {
        Map<String, Object> body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readValue(in, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        } catch (IOException e) {
            send(exchange, 400, error("the body is not a JSON object: " + e.getMessage()));
            return;
        }
        try {
            User user = User.model.create(body);
            send(exchange, 201, user.toJson());
        } catch (ModelValidationException | UnknownFieldException e) {
            send(exchange, 400, error(e.getMessage()));
        } catch (ItemAlreadyExistsException e) {
            send(exchange, 409, error(e.getMessage()));
        }
    }

    private static String error(String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
