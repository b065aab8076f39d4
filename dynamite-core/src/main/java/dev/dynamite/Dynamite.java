package dev.dynamite;

import dev.dynamite.core.internal.errors.Failures;
import dev.dynamite.api.NoClientException;
import dev.dynamite.core.internal.Owner;
import dev.dynamite.core.internal.GlobalRegistry;
import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.core.internal.mapping.Mappers;
import dev.dynamite.core.internal.observe.Operations;
import dev.dynamite.core.internal.observe.RequestCounter;
import dev.dynamite.core.internal.TableCatalog;
import dev.dynamite.schema.Schema;
import dev.dynamite.schema.SchemaSync;
import dev.dynamite.schema.SyncPlan;
import dev.dynamite.tx.TransactionCallback;
import dev.dynamite.tx.TransactionOptions;
import dev.dynamite.tx.Transactions;
import java.lang.System.Logger.Level;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The Dynamite client: owns one AWS SDK {@link DynamoDbClient}, creates the tables of its models, and can serve as the
 * process-wide global client that models use.
 *
 * <p>Typical use is one instance per application:
 * <pre>{@code
 * Dynamite dynamite = new Dynamite(DynamiteConfig.builder()
 *         .region("us-east-1")
 *         .tables(User.class, Order.class)
 *         .build());
 * dynamite.connect();   // User.model, Order.model now use this client
 * dynamite.sync();      // tables, keys and indexes exist and are ACTIVE
 * ...
 * dynamite.disconnect();
 * }</pre>
 *
 * <p>The SDK client is built in the constructor, so a bad configuration (no region anywhere, say) fails there with
 * the SDK's own exception. {@link #disconnect()} closes it; a later {@link #connect()} builds a new one. AWS errors are
 * never swallowed: they propagate as the SDK's exceptions, error code readable. Thread-safe.
 */
public final class Dynamite implements AutoCloseable {
    /** The logger, looked up on first use: finding the logging backend costs a cold start milliseconds. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(Dynamite.class.getName());
    }

    private final DynamiteConfig config;
    private final Object lock = new Object();
    private @Nullable DynamoDbClient client;
    private volatile boolean connected;
    private volatile boolean synced;
    private volatile @Nullable Schema schema;
    private volatile @Nullable Mappers mappers;
    private final TableCatalog catalog = new TableCatalog();
    private final Operations operations;
    /** Whose client the handles of {@link #model} and their entities use: this one, at each call. */
    private final Owner owner = new Owner(this::binding,
            "Dynamite@" + Integer.toHexString(System.identityHashCode(this)));

    /**
     * Creates a client from a configuration and builds its SDK client.
     *
     * @param config the configuration
     * @throws software.amazon.awssdk.core.exception.SdkClientException if the SDK cannot build a client (for example
     *     no region is configured anywhere)
     */
    public Dynamite(DynamiteConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.operations = Operations.of(config.listeners(), config.slowOperationThreshold().orElse(null));
        this.client = buildClient(config, operations);
    }

    /**
     * Makes this client the global client that models use ({@link Table#model(Class)}), replacing any other.
     * Idempotent. After {@link #disconnect()}, builds a new SDK client first.
     */
    public void connect() {
        synchronized (lock) {
            DynamoDbClient current = client;
            if (current == null) {
                current = buildClient(config, operations);
                client = current;
            }
            GlobalRegistry.set(binding(current));
            connected = true;
        }
    }

    /**
     * Creates every table of the configured models that does not exist, with its keys and global secondary indexes,
     * adds missing indexes to existing tables, and waits until all are ACTIVE. Idempotent: when everything exists it
     * only reads ({@code DescribeTable}). Key mismatches on existing tables are logged and left alone (see
     * {@link #plan()}). Does not require {@link #connect()}.
     *
     * @throws dev.dynamite.api.ModelNotRegisteredException if a model has no partition key
     * @throws dev.dynamite.api.InvalidModelException if a model is declared wrongly
     * @throws dev.dynamite.api.SyncTimeoutException if a table or index is not ACTIVE within
     *     {@link DynamiteConfig#syncTimeout()}
     * @throws NoClientException if this client was disconnected
     * @throws software.amazon.awssdk.core.exception.SdkException any AWS error, unchanged
     */
    public void sync() {
        SyncPlan done = new SchemaSync(getClient(), config.syncTimeout()).apply(schema());
        catalog.clear();   // sync may have added indexes
        Log.LOG.log(Level.DEBUG, "sync done:\n{0}", done);
        synced = true;
    }

    /**
     * Returns what {@link #sync()} would do, changing nothing.
     *
     * @return the plan: tables to create, indexes to add, key mismatches, tables up to date
     * @throws dev.dynamite.api.InvalidModelException if a model is declared wrongly
     * @throws NoClientException if this client was disconnected
     * @throws software.amazon.awssdk.core.exception.SdkException any AWS error, unchanged
     */
    public SyncPlan plan() {
        return new SchemaSync(getClient(), config.syncTimeout()).plan(schema());
    }

    /**
     * Returns the underlying AWS SDK client, for calls Dynamite does not offer.
     *
     * @return the SDK client
     * @throws NoClientException if this client was disconnected (call {@link #connect()} again)
     */
    public DynamoDbClient getClient() {
        synchronized (lock) {
            if (client == null) {
                throw Failures.noClient("This Dynamite client is disconnected: call connect() to open it again");
            }
            return client;
        }
    }

    /**
     * Tells whether both {@link #connect()} and {@link #sync()} completed since the last {@link #disconnect()}.
     *
     * @return true when ready for model operations
     */
    public boolean isReady() {
        return connected && synced;
    }

    /**
     * Closes the SDK client, resets the connected and synced flags, and clears the global client if it is this
     * one. Safe to call repeatedly; a failure to close is logged, never thrown.
     */
    public void disconnect() {
        DynamoDbClient closing;
        synchronized (lock) {
            closing = client;
            client = null;
            connected = false;
            synced = false;
        }
        if (closing == null) {
            return;
        }
        GlobalRegistry.clearIf(closing);
        try {
            closing.close();
        } catch (RuntimeException e) {
            Log.LOG.log(Level.WARNING, "Closing the DynamoDB client failed", e);
        }
    }

    /** Same as {@link #disconnect()}, for try-with-resources. */
    @Override
    public void close() {
        disconnect();
    }

    /**
     * Runs a transaction: every write the callback queues on its context (model writes given the context, and the
     * context's own {@code add…} methods) is committed atomically with one {@code TransactWriteItems} when the
     * callback returns. If the callback throws, nothing is sent; if DynamoDB cancels the commit, nothing is written.
     * After-hooks run and entities become persisted only after the commit. One idempotency token per call, reused
     * by the SDK's retries.
     *
     * <pre>{@code
     * User user = dynamite.tx(tx -> {
     *     User u = User.model.create(Map.of("name", "Ada"), tx);
     *     Order.model.create(Map.of("userId", u.id, "total", 10.0), tx);
     *     return u;
     * });
     * }</pre>
     *
     * @param work the callback
     * @param <R> the result type
     * @return what the callback returned
     * @throws dev.dynamite.api.TransactionCanceledException if DynamoDB cancelled the commit, with each action's reason
     * @throws dev.dynamite.api.TransactionLimitException if the callback queued more than the limit (thrown by the
     *     overflowing action, before anything is sent)
     * @throws dev.dynamite.api.TransactionCallbackException if the callback threw a checked exception
     * @throws RuntimeException what the callback threw, unchanged
     */
    public <R> R tx(TransactionCallback<R> work) {
        return tx(TransactionOptions.defaults(), work);
    }

    /**
     * Runs a transaction with options: an idempotency token, stored items on failed conditions, a lower limit; see
     * {@link #tx(TransactionCallback)}.
     *
     * @param options the options; the limit is also capped by {@link DynamiteConfig#maxTransactionItems()}
     * @param work the callback
     * @param <R> the result type
     * @return what the callback returned
     * @throws dev.dynamite.api.TransactionCanceledException if DynamoDB cancelled the commit
     */
    public <R> R tx(TransactionOptions options, TransactionCallback<R> work) {
        TransactionOptions effective = options.maxActions() <= config.maxTransactionItems() ? options
                : options.toBuilder().maxActions(config.maxTransactionItems()).build();
        DynamoDbClient current = getClient();
        return operations.run(null, "tx", null, () -> Transactions.run(current, effective, work));
    }

    /**
     * Returns a handle on a model class bound to this client rather than to the global one. The class may extend
     * {@link Table} (active records, whose instances save themselves) or be a plain class with a no-arg constructor,
     * written through the handle ({@link Model#save(Object)}, {@link Model#update(Object, Map)},
     * {@link Model#delete(Object)}); Dynamite remembers what it read of either kind, so a save sends only what
     * changed.
     *
     * @param type the model class
     * @param <T> the model type
     * @return the handle
     */
    public <T> Model<T> model(Class<T> type) {
        return DefaultModel.of(type, owner);
    }

    /**
     * Returns this client's configuration.
     *
     * @return the configuration
     */
    public DynamiteConfig config() {
        return config;
    }

    /**
     * Installs an SDK client as the global client, replacing any other (the seed's {@code setGlobalClient}).
     * {@link #connect()} calls this for its own client.
     *
     * @param client the client models should use
     */
    public static void setGlobalClient(DynamoDbClient client) {
        GlobalRegistry.set(GlobalRegistry.Binding.of(Objects.requireNonNull(client, "client")));
    }

    /**
     * Returns the global client.
     *
     * @return the client installed by the last {@link #connect()} or {@link #setGlobalClient}
     * @throws NoClientException if none is installed
     */
    public static DynamoDbClient getGlobalClient() {
        return requireClient();
    }

    /**
     * Tells whether a global client is installed.
     *
     * @return true if {@link #getGlobalClient()} would return one
     */
    public static boolean hasGlobalClient() {
        return GlobalRegistry.current() != null;
    }

    /**
     * Returns the global client or fails with the seed's message.
     *
     * @return the global client
     * @throws NoClientException "DynamoDB client not configured: call Dynamite.connect() first"
     */
    public static DynamoDbClient requireClient() {
        GlobalRegistry.Binding binding = GlobalRegistry.current();
        if (binding == null) {
            throw Failures.noClient();
        }
        return binding.client();
    }

    @Override
    public String toString() {
        return "Dynamite[" + config + ", connected=" + connected + ", synced=" + synced + "]";
    }

    private GlobalRegistry.Binding binding() {
        return binding(getClient());
    }

    private GlobalRegistry.Binding binding(DynamoDbClient current) {
        Mappers built = mappers;
        if (built == null) {
            built = new Mappers(Codecs.discover(), config.keyTypeStrategy(), config.tables());
            mappers = built;
        }
        return new GlobalRegistry.Binding(current, config.tablePrefix(), built, config.hooksByDefault(), catalog,
                config.writeConcurrency(), config.idempotentWrites(), config.batchRetryDeadline(),
                config.cursorSigningKey().orElse(null), config.scans(), config.readConcurrency(), operations);
    }

    private Schema schema() {
        Schema current = schema;
        if (current == null) {
            current = Schema.of(config.tables(), config.keyTypeStrategy(), config.tablePrefix());
            schema = current;
        }
        return current;
    }

    private static DynamoDbClient buildClient(DynamiteConfig config, Operations operations) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder();
        config.region().ifPresent(region -> builder.region(Region.of(region)));
        config.endpoint().ifPresent(builder::endpointOverride);
        if (config.hasStaticCredentials()) {
            String token = config.sessionToken();
            builder.credentialsProvider(StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())
                    : AwsSessionCredentials.create(config.accessKeyId(), config.secretAccessKey(), token)));
        }
        config.configurers().forEach(c -> c.accept(builder));
        // Merge into whatever override configuration a configurer set, so its interceptors survive and its own
        // timeout or retry settings win over ours.
        ClientOverrideConfiguration current = builder.overrideConfiguration();
        ClientOverrideConfiguration.Builder override = current == null
                ? ClientOverrideConfiguration.builder() : current.toBuilder();
        if (override.apiCallAttemptTimeout() == null) {
            config.requestTimeout().ifPresent(override::apiCallAttemptTimeout);
        }
        boolean retryConfigured = override.retryStrategy() != null || override.retryPolicy() != null
                || override.retryMode() != null || override.retryStrategyConfigurator() != null;
        if (!retryConfigured && config.retryMode().isPresent()) {
            var strategy = AwsRetryStrategy.forRetryMode(config.retryMode().get()).toBuilder();
            config.maxAttempts().ifPresent(strategy::maxAttempts);
            override.retryStrategy(strategy.build());
        } else if (!retryConfigured && config.maxAttempts().isPresent()) {
            int attempts = config.maxAttempts().get();
            override.retryStrategy(b -> b.maxAttempts(attempts));
        }
        if (operations.active()) {
            override.addExecutionInterceptor(new RequestCounter());
        }
        builder.overrideConfiguration(override.build());
        return builder.build();
    }
}
