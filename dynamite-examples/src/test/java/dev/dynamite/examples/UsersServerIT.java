package dev.dynamite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.examples.http.UsersServer;
import dev.dynamite.examples.model.Order;
import dev.dynamite.examples.model.User;
import dev.dynamite.local.DynamoDbLocal;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP example over a real socket, on the embedded engine. */
class UsersServerIT {
    private final DynamoDbLocal local = DynamoDbLocal.create();
    private Dynamite dynamite;
    private UsersServer server;

    @BeforeEach
    void start() throws Exception {
        dynamite = new Dynamite(DynamiteConfig.builder().configure(local::configure).tables(User.class, Order.class)
                .build());
        dynamite.connect();
        dynamite.sync();
        server = UsersServer.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
        dynamite.disconnect();
        local.close();
    }

    /** One response: status, content type, body. */
    private record Response(int statusCode, String contentType, String body) {
    }

    /** A request over a real socket (HttpURLConnection: java.base, which the example module reads). */
    private Response send(String method, String path, String body) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.port() + path)
                .toURL().openConnection();
        connection.setRequestMethod(method);
        if (body != null) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Response(status, connection.getContentType(), new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void createsAndListsUsers() throws Exception {
        Response created = send("POST", "/users", "{\"name\":\"Ada\",\"email\":\" ADA@example.com \"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.contentType()).isEqualTo("application/json");
        assertThat(created.body()).contains("\"name\":\"Ada\"", "\"email\":\"ada@example.com\"",
                "\"role\":\"customer\"");
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        Response list = send("GET", "/users", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).startsWith("[{").contains("\"id\":\"" + id + "\"", "\"name\":\"Ada\"");
        assertThat(send("GET", "/users/" + id, null).body()).contains("\"email\":\"ada@example.com\"");
        assertThat(send("GET", "/users/nobody", null).statusCode()).isEqualTo(404);
    }

    @Test
    void answersValidationErrorsWith400AndTheMessage() throws Exception {
        Response invalid = send("POST", "/users", "{\"name\":\"Bob\",\"email\":\"not-an-address\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).isEqualTo("{\"error\":\"User.email: 'not-an-address' is not an e-mail address\"}");
        assertThat(send("POST", "/users", "{\"nickname\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/users", "not json").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/users", "{\"email\":\"c@example.com\"}").body())
                .contains("a user needs a name");
        assertThat(send("GET", "/users", null).body()).isEqualTo("[]");
        send("POST", "/users", "{\"id\":\"u1\",\"name\":\"Cy\",\"email\":\"cy@example.com\"}");
        assertThat(send("POST", "/users", "{\"id\":\"u1\",\"name\":\"Dup\",\"email\":\"d@example.com\"}")
                .statusCode()).isEqualTo(409);
    }
}
