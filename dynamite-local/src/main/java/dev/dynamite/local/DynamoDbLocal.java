package dev.dynamite.local;

import dev.dynamite.local.internal.engine.Engine;
import dev.dynamite.local.internal.engine.EngineOptions;
import dev.dynamite.local.internal.protocol.FaultInjector;
import dev.dynamite.local.internal.protocol.HttpTransport;
import dev.dynamite.local.internal.protocol.InProcessHttpClient;
import dev.dynamite.local.internal.protocol.JsonProtocol;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * An embedded, in-memory, DynamoDB-compatible engine, reachable in-process through an AWS SDK
 * {@link SdkHttpClient} (no socket) and, on demand, over HTTP so that any DynamoDB client can talk to it.
 *
 * <pre>{@code
 * try (DynamoDbLocal local = DynamoDbLocal.create()) {
 *     DynamoDbClient dynamo = local.client();                 // in-process
 *     dynamo.createTable(...);
 *     URI endpoint = local.startHttp(0);                      // e.g. http://127.0.0.1:49321, for other clients
 *     local.faults().on("PutItem").throttle().times(2);       // test retries
 * }
 * }</pre>
 *
 * <p>The data lives in memory and is lost on {@link #close()}. Every client, in-process or over HTTP, sees the same
 * tables. Thread-safe.
 */
public final class DynamoDbLocal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DynamoDbLocal.class.getName());
    private static final URI IN_PROCESS_ENDPOINT = URI.create("http://localhost:8000");

    private final String host;
    private final InProcessHttpClient httpClient;
    private final JsonProtocol protocol;
    private final Faults faults;
    private final Object lock = new Object();
    private @Nullable DynamoDbClient client;
    private @Nullable HttpTransport server;
    private boolean closed;

    private DynamoDbLocal(Builder builder) {
        this.host = builder.host;
        FaultInjector injector = new FaultInjector();
        Clock clock = builder.clock;
        Engine engine = new Engine(new EngineOptions(builder.createTableDelay, builder.updateTableDelay,
                builder.deleteTableDelay, clock::millis));
        this.protocol = new JsonProtocol(engine, injector);
        this.httpClient = new InProcessHttpClient(protocol);
        this.faults = new Faults(injector);
    }

    /**
     * Creates an empty engine with the defaults: tables become ACTIVE at once, the system clock.
     *
     * @return the engine, ready for {@link #client()}
     */
    public static DynamoDbLocal create() {
        return builder().build();
    }

    /**
     * Starts a builder for an engine with other options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the in-process HTTP client: hand it to any AWS SDK {@code DynamoDbClient} builder, with any region,
     * endpoint and (non-anonymous) credentials. Closing it does nothing.
     *
     * @return the client, the same on every call
     */
    public SdkHttpClient httpClient() {
        return httpClient;
    }

    /**
     * Returns a {@code DynamoDbClient} wired to the in-process HTTP client (region {@code us-east-1}, static dummy
     * credentials, endpoint {@code http://localhost:8000}, the SDK's default retries). Created on first use, closed by
     * {@link #close()}.
     *
     * @return the client, the same on every call
     * @throws IllegalStateException if this engine is closed
     */
    public DynamoDbClient client() {
        synchronized (lock) {
            checkOpen();
            if (client == null) {
                client = clientBuilder().build();
            }
            return client;
        }
    }

    /**
     * Returns a new {@code DynamoDbClient} builder configured as {@link #client()}, to change some setting (e.g.
     * {@code overrideConfiguration}) before building. The caller closes the clients it builds.
     *
     * @return a pre-configured builder
     */
    public DynamoDbClientBuilder clientBuilder() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder();
        configure(builder);
        return builder;
    }

    /**
     * Points an SDK client builder at this engine, in-process: its HTTP client, region {@code us-east-1}, static
     * dummy credentials and a placeholder endpoint. The one line that puts any code built on the AWS SDK, Dynamite
     * included, on the embedded engine:
     *
     * <pre>{@code
     * DynamoDbLocal local = DynamoDbLocal.create();
     * Dynamite dynamite = new Dynamite(DynamiteConfig.builder().tables(User.class).configure(local::configure).build());
     * }</pre>
     *
     * @param builder the builder to change; other settings are left as they are
     * @throws IllegalStateException if this engine is closed
     */
    public void configure(DynamoDbClientBuilder builder) {
        synchronized (lock) {
            checkOpen();
        }
        builder.httpClient(httpClient)
                .region(Region.US_EAST_1)
                .endpointOverride(IN_PROCESS_ENDPOINT)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    /**
     * Starts serving the DynamoDB HTTP protocol on the builder's host (loopback by default).
     *
     * @param port the port, 0 for a free one
     * @return the endpoint to give clients, e.g. {@code http://127.0.0.1:8000}
     * @throws IllegalStateException if already serving, or closed
     * @throws IllegalArgumentException if the port is outside [0, 65535]
     * @throws UncheckedIOException if the port cannot be bound
     */
    public URI startHttp(int port) {
        synchronized (lock) {
            checkOpen();
            if (server != null) {
                throw new IllegalStateException("already serving HTTP on " + server.endpoint()
                        + "; call stopHttp() first");
            }
            HttpTransport started = HttpTransport.start(protocol, host, port);
            server = started;
            LOG.log(System.Logger.Level.DEBUG, "DynamoDB-compatible endpoint: {0}", started.endpoint());
            return started.endpoint();
        }
    }

    /**
     * Returns the HTTP endpoint while serving.
     *
     * @return the endpoint, or empty when not serving
     */
    public Optional<URI> httpEndpoint() {
        synchronized (lock) {
            return server == null ? Optional.empty() : Optional.of(server.endpoint());
        }
    }

    /** Stops serving HTTP, closing open connections; does nothing when not serving. The data stays. */
    public void stopHttp() {
        HttpTransport stopping;
        synchronized (lock) {
            stopping = server;
            server = null;
        }
        if (stopping != null) {
            stopping.close();
        }
    }

    /**
     * Returns the fault injection of this engine, which applies to in-process and HTTP calls alike.
     *
     * @return the faults, the same on every call
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Stops serving HTTP, closes {@link #client()} and removes all faults. The in-process HTTP client keeps
     * answering, but nothing can be started any more. Idempotent.
     */
    @Override
    public void close() {
        DynamoDbClient closing;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closing = client;
            client = null;
        }
        stopHttp();
        if (closing != null) {
            closing.close();
        }
        faults.clear();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this DynamoDbLocal is closed");
        }
    }

    /** Options of a {@link DynamoDbLocal}; every one has a default. Not thread-safe. */
    public static final class Builder {
        private Duration createTableDelay = Duration.ZERO;
        private Duration updateTableDelay = Duration.ZERO;
        private Duration deleteTableDelay = Duration.ZERO;
        private Clock clock = Clock.systemUTC();
        private String host = "127.0.0.1";

        private Builder() {
        }

        /**
         * Sets how long a new table stays {@code CREATING} before it becomes {@code ACTIVE}, to exercise waiters.
         *
         * @param delay zero (the default) or positive
         * @return this builder
         */
        public Builder createTableDelay(Duration delay) {
            this.createTableDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * Sets how long an updated table stays {@code UPDATING} (and a new index {@code CREATING}).
         *
         * @param delay zero (the default) or positive
         * @return this builder
         */
        public Builder updateTableDelay(Duration delay) {
            this.updateTableDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * Sets how long a deleted table stays {@code DELETING}.
         *
         * @param delay zero (the default) or positive
         * @return this builder
         */
        public Builder deleteTableDelay(Duration delay) {
            this.deleteTableDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * Sets the clock of table state changes and time to live, e.g. a fixed or adjustable clock in tests.
         *
         * @param clock the clock; the system clock by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the address {@link DynamoDbLocal#startHttp(int)} binds.
         *
         * @param host a host name or IP address; {@code 127.0.0.1} (loopback) by default, {@code 0.0.0.0} for every
         *     interface
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Creates the engine.
         *
         * @return a new, empty engine
         * @throws IllegalArgumentException if a delay is negative or the host is blank
         */
        public DynamoDbLocal build() {
            StringBuilder problems = new StringBuilder();
            checkDelay("createTableDelay", createTableDelay, problems);
            checkDelay("updateTableDelay", updateTableDelay, problems);
            checkDelay("deleteTableDelay", deleteTableDelay, problems);
            if (host.isBlank()) {
                problems.append("; host must not be blank");
            }
            if (problems.length() > 0) {
                throw new IllegalArgumentException("invalid DynamoDbLocal options: " + problems.substring(2));
            }
            return new DynamoDbLocal(this);
        }

        private static void checkDelay(String name, Duration delay, StringBuilder problems) {
            if (delay.isNegative()) {
                problems.append("; ").append(name).append(" must be zero or positive, got ").append(delay);
            }
        }
    }
}
