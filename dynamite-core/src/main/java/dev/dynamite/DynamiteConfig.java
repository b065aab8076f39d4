package dev.dynamite;

import dev.dynamite.api.ConfigurationException;
import dev.dynamite.api.PluginLoadException;
import dev.dynamite.api.ScanPolicy;
import dev.dynamite.schema.KeyTypeStrategies;
import dev.dynamite.spi.KeyTypeStrategy;
import dev.dynamite.spi.OperationListener;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The configuration of a {@link Dynamite} client: where DynamoDB is, how to talk to it, and which model classes it
 * manages.
 *
 * <p>Every setting but {@link Builder#tables} is optional; unset values fall back to the AWS SDK's defaults (region and
 * credentials from the environment, the SDK's retry policy). Immutable and thread-safe; credentials never appear in
 * {@link #toString()}.
 *
 * <pre>{@code
 * DynamiteConfig config = DynamiteConfig.builder()
 *         .region("us-east-1")
 *         .endpoint("http://localhost:8000")
 *         .credentials("test", "test")
 *         .maxAttempts(3).requestTimeout(Duration.ofSeconds(3)).retryMode(RetryMode.ADAPTIVE)
 *         .tables(User.class, Order.class)
 *         .build();
 * }</pre>
 */
public final class DynamiteConfig {
    /** How long {@code sync()} waits for one table or index to become ACTIVE unless told otherwise. */
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofMinutes(5);

    /** How many per-item writes of one bulk call run at once unless configured. */
    public static final int DEFAULT_WRITE_CONCURRENCY = 16;

    /** How many batch reads or scan segments of one call run at once unless configured. */
    public static final int DEFAULT_READ_CONCURRENCY = 8;

    /** How long batch reads and writes retry what DynamoDB left unprocessed unless configured. */
    public static final Duration DEFAULT_BATCH_RETRY_DEADLINE = Duration.ofSeconds(30);

    private static final Pattern TABLE_NAME_CHARS = Pattern.compile("[a-zA-Z0-9_.-]*");

    private final @Nullable String region;
    private final @Nullable URI endpoint;
    private final @Nullable String accessKeyId;
    private final @Nullable String secretAccessKey;
    private final @Nullable String sessionToken;
    private final @Nullable Integer maxAttempts;
    private final @Nullable Duration requestTimeout;
    private final @Nullable RetryMode retryMode;
    private final List<Class<?>> tables;
    private final KeyTypeStrategy keyTypeStrategy;
    private final String tablePrefix;
    private final Duration syncTimeout;
    private final boolean hooksByDefault;
    private final int maxTransactionItems;
    private final int writeConcurrency;
    private final boolean idempotentWrites;
    private final Duration batchRetryDeadline;
    private final byte @Nullable [] cursorSigningKey;
    private final ScanPolicy scans;
    private final int readConcurrency;
    private final List<Consumer<DynamoDbClientBuilder>> configurers;
    private final List<OperationListener> listeners;
    private final @Nullable Duration slowOperationThreshold;
    private final Builder source;

    private DynamiteConfig(Builder b, @Nullable URI endpoint, KeyTypeStrategy strategy) {
        this.region = b.region;
        this.endpoint = endpoint;
        this.accessKeyId = b.accessKeyId;
        this.secretAccessKey = b.secretAccessKey;
        this.sessionToken = b.sessionToken;
        this.maxAttempts = b.maxAttempts;
        this.requestTimeout = b.requestTimeout;
        this.retryMode = b.retryMode;
        this.tables = List.copyOf(b.tables);
        this.keyTypeStrategy = strategy;
        this.tablePrefix = b.tablePrefix;
        this.syncTimeout = b.syncTimeout;
        this.hooksByDefault = b.hooksByDefault;
        this.maxTransactionItems = b.maxTransactionItems;
        this.writeConcurrency = b.writeConcurrency;
        this.idempotentWrites = b.idempotentWrites;
        this.batchRetryDeadline = b.batchRetryDeadline;
        this.cursorSigningKey = b.cursorSigningKey == null ? null : b.cursorSigningKey.clone();
        this.scans = b.scans;
        this.readConcurrency = b.readConcurrency;
        this.configurers = List.copyOf(b.configurers);
        this.listeners = List.copyOf(b.listeners);
        this.slowOperationThreshold = b.slowOperationThreshold;
        this.source = b.copy();
    }

    /**
     * Starts a configuration.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this configuration's values, to derive another configuration from it.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return source.copy();
    }

    /**
     * Returns the AWS region, if set.
     *
     * @return the region name, or empty to use the SDK's default region chain
     */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /**
     * Returns the endpoint override, if set.
     *
     * @return the endpoint, or empty to use the region's DynamoDB endpoint
     */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /**
     * Tells whether static credentials were given.
     *
     * @return true if {@link Builder#credentials} was called
     */
    public boolean hasStaticCredentials() {
        return accessKeyId != null;
    }

    /**
     * Returns the maximum number of attempts per request, if set.
     *
     * @return attempts including the first, or empty for the SDK's default
     */
    public Optional<Integer> maxAttempts() {
        return Optional.ofNullable(maxAttempts);
    }

    /**
     * Returns the timeout of one attempt of a request, if set.
     *
     * @return the attempt timeout, or empty for none
     */
    public Optional<Duration> requestTimeout() {
        return Optional.ofNullable(requestTimeout);
    }

    /**
     * Returns the SDK retry mode, if set.
     *
     * @return the retry mode, or empty for the SDK's default
     */
    public Optional<RetryMode> retryMode() {
        return Optional.ofNullable(retryMode);
    }

    /**
     * Returns the model classes this client manages.
     *
     * @return the model classes, in the order given
     */
    public List<Class<?>> tables() {
        return tables;
    }

    /**
     * Returns the key type strategy.
     *
     * @return the strategy; {@code "string"} unless configured
     */
    public KeyTypeStrategy keyTypeStrategy() {
        return keyTypeStrategy;
    }

    /**
     * Returns the prefix added to every table name.
     *
     * @return the prefix; {@code ""} for none
     */
    public String tablePrefix() {
        return tablePrefix;
    }

    /**
     * Returns how long {@code sync()} waits for one table or index to become ACTIVE.
     *
     * @return the timeout; {@link #DEFAULT_SYNC_TIMEOUT} unless configured
     */
    public Duration syncTimeout() {
        return syncTimeout;
    }

    /**
     * Tells whether model hooks ({@code @BeforeCreate} and the others) run on writes that do not say otherwise with
     * {@link dev.dynamite.api.MutationOptions}.
     *
     * @return {@code true} unless configured with {@code hooksByDefault(false)}
     */
    public boolean hooksByDefault() {
        return hooksByDefault;
    }

    /**
     * Returns the most actions one transaction may hold.
     *
     * @return 100 (DynamoDB's limit) unless configured lower
     */
    public int maxTransactionItems() {
        return maxTransactionItems;
    }

    /**
     * Returns how many per-item writes of one bulk call (a bulk {@code update}, {@code delete} or counter by filter)
     * are in flight at once.
     *
     * @return {@value #DEFAULT_WRITE_CONCURRENCY} unless configured
     */
    public int writeConcurrency() {
        return writeConcurrency;
    }

    /**
     * Returns whether counters are sent idempotently unless a write says otherwise (see
     * {@code MutationOptions.idempotent()}).
     *
     * @return false unless configured
     */
    public boolean idempotentWrites() {
        return idempotentWrites;
    }

    /**
     * Returns how long a batch read or write ({@code BatchGetItem}, {@code BatchWriteItem}) retries the keys or items
     * DynamoDB left unprocessed before it reports them.
     *
     * @return {@link #DEFAULT_BATCH_RETRY_DEADLINE} unless configured
     */
    public Duration batchRetryDeadline() {
        return batchRetryDeadline;
    }

    /**
     * Returns the key the cursors of paged queries are signed with (HMAC-SHA256).
     *
     * @return a copy of the key, or empty when cursors carry only a checksum
     */
    public Optional<byte[]> cursorSigningKey() {
        return Optional.ofNullable(cursorSigningKey).map(byte[]::clone);
    }

    /**
     * Returns what queries whose plan is a {@code Scan} do.
     *
     * @return {@link ScanPolicy#WARN} unless configured
     */
    public ScanPolicy scans() {
        return scans;
    }

    /**
     * Returns how many requests of one read are in flight at once: the {@code BatchGetItem} requests of
     * {@code findAll}, the segments of a parallel scan.
     *
     * @return {@value #DEFAULT_READ_CONCURRENCY} unless configured
     */
    public int readConcurrency() {
        return readConcurrency;
    }

    /**
     * Returns the operation listeners given to the builder; those found with {@code ServiceLoader} join them when a
     * {@link Dynamite} is created.
     *
     * @return the listeners, in the order added
     */
    public List<OperationListener> listeners() {
        return listeners;
    }

    /**
     * Returns the duration from which an operation is logged at WARNING as slow.
     *
     * @return the threshold, or empty for no slow operation log (the default)
     */
    public Optional<Duration> slowOperationThreshold() {
        return Optional.ofNullable(slowOperationThreshold);
    }

    List<Consumer<DynamoDbClientBuilder>> configurers() {
        return configurers;
    }

    @Nullable String accessKeyId() {
        return accessKeyId;
    }

    @Nullable String secretAccessKey() {
        return secretAccessKey;
    }

    @Nullable String sessionToken() {
        return sessionToken;
    }

    @Override
    public String toString() {
        return "DynamiteConfig[region=" + region + ", endpoint=" + endpoint
                + ", credentials=" + (accessKeyId == null ? "default chain" : "static (hidden)")
                + ", maxAttempts=" + maxAttempts + ", requestTimeout=" + requestTimeout + ", retryMode=" + retryMode
                + ", tables=" + tables.stream().map(Class::getSimpleName).toList()
                + ", keyTypeStrategy=" + keyTypeStrategy.name() + ", tablePrefix='" + tablePrefix + "'"
                + ", syncTimeout=" + syncTimeout + ", hooksByDefault=" + hooksByDefault + ", maxTransactionItems="
                + maxTransactionItems + ", writeConcurrency=" + writeConcurrency
                + ", idempotentWrites=" + idempotentWrites + ", batchRetryDeadline=" + batchRetryDeadline
                + ", cursors=" + (cursorSigningKey == null ? "checksummed" : "signed") + ", scans=" + scans
                + ", readConcurrency=" + readConcurrency + ", listeners=" + listeners.size()
                + (slowOperationThreshold == null ? "" : ", slowOperationThreshold=" + slowOperationThreshold) + "]";
    }

    /**
     * Builds a {@link DynamiteConfig}; setters return the builder, {@link #build()} checks every value at once. Not
     * thread-safe.
     */
    public static final class Builder {
        private @Nullable String region;
        private @Nullable String endpoint;
        private @Nullable String accessKeyId;
        private @Nullable String secretAccessKey;
        private @Nullable String sessionToken;
        private @Nullable Integer maxAttempts;
        private @Nullable Duration requestTimeout;
        private @Nullable RetryMode retryMode;
        private final List<Class<?>> tables = new ArrayList<>();
        private @Nullable String keyTypeStrategyName;
        private @Nullable KeyTypeStrategy keyTypeStrategy;
        private String tablePrefix = "";
        private Duration syncTimeout = DEFAULT_SYNC_TIMEOUT;
        private boolean hooksByDefault = true;
        private int maxTransactionItems = 100;
        private int writeConcurrency = DEFAULT_WRITE_CONCURRENCY;
        private boolean idempotentWrites;
        private Duration batchRetryDeadline = DEFAULT_BATCH_RETRY_DEADLINE;
        private byte @Nullable [] cursorSigningKey;
        private ScanPolicy scans = ScanPolicy.WARN;
        private int readConcurrency = DEFAULT_READ_CONCURRENCY;
        private final List<Consumer<DynamoDbClientBuilder>> configurers = new ArrayList<>();
        private final List<OperationListener> listeners = new ArrayList<>();
        private @Nullable Duration slowOperationThreshold;

        private Builder() {
        }

        /**
         * Sets the AWS region, e.g. {@code "us-east-1"}; unset, the SDK's default region chain applies.
         *
         * @param region the region name
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Sets an endpoint override, e.g. {@code "http://localhost:8000"} for a local server.
         *
         * @param endpoint an absolute http or https URI
         * @return this builder
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets an endpoint override.
         *
         * @param endpoint an absolute http or https URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint.toString();
            return this;
        }

        /**
         * Sets static credentials; unset, the SDK's default credentials chain applies.
         *
         * @param accessKeyId the access key id
         * @param secretAccessKey the secret access key
         * @return this builder
         */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            return credentials(accessKeyId, secretAccessKey, null);
        }

        /**
         * Sets static session credentials.
         *
         * @param accessKeyId the access key id
         * @param secretAccessKey the secret access key
         * @param sessionToken the session token, or {@code null} for long-term credentials
         * @return this builder
         */
        public Builder credentials(String accessKeyId, String secretAccessKey, @Nullable String sessionToken) {
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            this.sessionToken = sessionToken;
            return this;
        }

        /**
         * Sets the maximum number of attempts per request, the first included.
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the timeout of each attempt of a request (the SDK's {@code apiCallAttemptTimeout}).
         *
         * @param requestTimeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /**
         * Sets the SDK's retry mode ({@code STANDARD}, {@code ADAPTIVE}, …).
         *
         * @param retryMode the retry mode
         * @return this builder
         */
        public Builder retryMode(RetryMode retryMode) {
            this.retryMode = retryMode;
            return this;
        }

        /**
         * Adds model classes; required, at least one in all. Calls add up.
         *
         * @param models the model classes
         * @return this builder
         */
        public Builder tables(Class<?>... models) {
            this.tables.addAll(Arrays.asList(models));
            return this;
        }

        /**
         * Adds model classes; calls add up.
         *
         * @param models the model classes
         * @return this builder
         */
        public Builder tables(List<? extends Class<?>> models) {
            this.tables.addAll(models);
            return this;
        }

        /**
         * Chooses the key type strategy by name ({@code "string"}, {@code "native"}, or a plugin's name).
         *
         * @param name the strategy's name
         * @return this builder
         */
        public Builder keyTypeStrategy(String name) {
            this.keyTypeStrategyName = name;
            this.keyTypeStrategy = null;
            return this;
        }

        /**
         * Uses a key type strategy instance; it wins over every discovered strategy.
         *
         * @param strategy the strategy
         * @return this builder
         */
        public Builder keyTypeStrategy(KeyTypeStrategy strategy) {
            this.keyTypeStrategy = strategy;
            this.keyTypeStrategyName = null;
            return this;
        }

        /**
         * Sets a prefix added to every table name, e.g. {@code "staging_"}.
         *
         * @param tablePrefix letters, digits, {@code _ . -}; may be empty
         * @return this builder
         */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
            return this;
        }

        /**
         * Sets how long {@code sync()} waits for each table or index to become ACTIVE.
         *
         * @param syncTimeout a positive duration
         * @return this builder
         */
        public Builder syncTimeout(Duration syncTimeout) {
            this.syncTimeout = syncTimeout;
            return this;
        }

        /**
         * Sets whether model hooks run on every write (the default, as JPA callbacks do) or only on writes given
         * {@link dev.dynamite.api.MutationOptions#hooks()} (the TypeScript original's opt-in behaviour, with
         * {@code false}). {@link dev.dynamite.api.MutationOptions#skipHooks()} skips them for one write either way.
         *
         * @param hooksByDefault {@code true} to run hooks unless skipped, {@code false} to run them only when asked
         * @return this builder
         */
        public Builder hooksByDefault(boolean hooksByDefault) {
            this.hooksByDefault = hooksByDefault;
            return this;
        }

        /**
         * Lowers the number of actions one transaction may hold, for servers with a smaller limit than DynamoDB's
         * 100 (the TypeScript original documents 25). A transaction that would exceed it fails when the action is
         * added, before anything is sent; it is never split.
         *
         * @param maxTransactionItems 1 to 100
         * @return this builder
         */
        public Builder maxTransactionItems(int maxTransactionItems) {
            this.maxTransactionItems = maxTransactionItems;
            return this;
        }

        /**
         * Sets how many per-item conditional writes of one bulk call (a bulk {@code update} or {@code delete}, an
         * {@code increment} or {@code decrement} by filter), or {@code BatchWriteItem} requests of one batch write
         * ({@code putAll}, a pivot {@code sync}), are in flight at once. Their hooks then run on as many
         * threads. 1 writes one item after the other, on the calling thread. Inside a transaction nothing is sent
         * until the commit, so this does not apply.
         *
         * @param writeConcurrency 1 to 256
         * @return this builder
         */
        public Builder writeConcurrency(int writeConcurrency) {
            this.writeConcurrency = writeConcurrency;
            return this;
        }

        /**
         * Sends every counter ({@code increment}, {@code decrement}) as a one-action {@code TransactWriteItems} with
         * a {@code ClientRequestToken} unless a write says otherwise, so that a lost response retried by the SDK
         * applies once; see {@code MutationOptions.idempotent()}.
         *
         * @param idempotentWrites true to make counters idempotent by default
         * @return this builder
         */
        public Builder idempotentWrites(boolean idempotentWrites) {
            this.idempotentWrites = idempotentWrites;
            return this;
        }

        /**
         * Sets how long a batch read or write retries, with exponential backoff and full jitter, the keys or items
         * DynamoDB leaves unprocessed (as it does under load). Past it, a read throws
         * {@code IncompleteBatchException} and a write {@code PartialWriteException}, each listing what was not done.
         *
         * @param batchRetryDeadline positive
         * @return this builder
         */
        public Builder batchRetryDeadline(Duration batchRetryDeadline) {
            this.batchRetryDeadline = batchRetryDeadline;
            return this;
        }

        /**
         * Signs the cursors of paged queries ({@code Page.cursor()}) with HMAC-SHA256 under this key, so that the
         * client of a web API that hands cursors out cannot craft one that reads outside the query that made it: a
         * cursor signed with another key, or not signed, is refused with {@code InvalidCursorException}. Without a
         * key a cursor carries a checksum, which catches truncation and accidental change but not a forgery. Every
         * instance of a service that reads the same cursors needs the same key.
         *
         * @param key at least 16 bytes, secret; copied
         * @return this builder
         */
        public Builder cursorSigningKey(byte[] key) {
            this.cursorSigningKey = Objects.requireNonNull(key, "key").clone();
            return this;
        }

        /**
         * Sets how many requests of one read are in flight at once: the {@code BatchGetItem} requests (100 keys each)
         * of {@code findAll}, and the segments of a {@code parallel(n)} scan beyond which segments wait their turn.
         *
         * @param readConcurrency 1 to 256
         * @return this builder
         */
        public Builder readConcurrency(int readConcurrency) {
            this.readConcurrency = readConcurrency;
            return this;
        }

        /**
         * Sets what a query whose plan is a {@code Scan} (no key condition applies, so every item is read) does:
         * {@link ScanPolicy#ALLOW} runs it silently, {@link ScanPolicy#WARN} (the default) logs one WARNING per
         * model and filter shape naming the key or index that would have served it, {@link ScanPolicy#REFUSE}
         * throws {@code ScanRefusedException} before any request unless the query says {@code allowScan()}. It also
         * applies to bulk writes by filter, whose targets are read by a query; {@code updateAll} and
         * {@code deleteAll} mean every item and are never refused.
         *
         * @param scans the policy
         * @return this builder
         */
        public Builder scans(ScanPolicy scans) {
            this.scans = Objects.requireNonNull(scans, "scans");
            return this;
        }

        /**
         * Adds a customization of the AWS SDK client builder, applied after Dynamite's region, endpoint and
         * credentials: the way to any SDK option this builder has no setter for (HTTP client, interceptors, metrics,
         * …). An override configuration set here keeps its interceptors; {@link #requestTimeout}, {@link #retryMode}
         * and {@link #maxAttempts} fill in only what it leaves unset.
         *
         * @param configurer called with the SDK's {@code DynamoDbClientBuilder}
         * @return this builder
         */
        public Builder configure(Consumer<DynamoDbClientBuilder> configurer) {
            this.configurers.add(Objects.requireNonNull(configurer, "configurer"));
            return this;
        }

        /**
         * Adds a listener told of every model operation of the client: its plan, requests, items, consumed capacity,
         * retries, outcome and duration (see {@link OperationListener}). Listeners found with
         * {@code ServiceLoader} are added after those given here.
         *
         * <pre>{@code
         * builder.listener(start -> event -> log.info(event.start().operation() + " took " + event.duration()));
         * }</pre>
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(OperationListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Logs every operation that takes at least {@code threshold} at WARNING (logger
         * {@code dev.dynamite.SlowOperations}), with its model, plan, requests, items and outcome, never its items'
         * contents. Off unless set.
         *
         * @param threshold a positive duration
         * @return this builder
         */
        public Builder slowOperationThreshold(Duration threshold) {
            this.slowOperationThreshold = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /**
         * Checks every value and builds the configuration.
         *
         * @return the configuration
         * @throws ConfigurationException listing every problem found
         */
        public DynamiteConfig build() {
            List<String> problems = new ArrayList<>();
            if (tables.isEmpty()) {
                problems.add("tables(...) is required: name at least one model class");
            }
            if (tables.contains(null)) {
                problems.add("tables(...) contains null");
            }
            if (region != null && region.isBlank()) {
                problems.add("region is blank");
            }
            URI uri = parseEndpoint(problems);
            if (accessKeyId != null && (accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank())) {
                problems.add("credentials need a non-blank access key id and secret access key");
            }
            if (maxAttempts != null && maxAttempts < 1) {
                problems.add("maxAttempts must be at least 1, was " + maxAttempts);
            }
            if (requestTimeout != null && (requestTimeout.isNegative() || requestTimeout.isZero())) {
                problems.add("requestTimeout must be positive, was " + requestTimeout);
            }
            if (syncTimeout == null || syncTimeout.isNegative() || syncTimeout.isZero()) {
                problems.add("syncTimeout must be positive, was " + syncTimeout);
            }
            if (maxTransactionItems < 1 || maxTransactionItems > 100) {
                problems.add("maxTransactionItems must be 1 to 100 (DynamoDB's limit), was " + maxTransactionItems);
            }
            if (batchRetryDeadline == null || batchRetryDeadline.isNegative() || batchRetryDeadline.isZero()) {
                problems.add("batchRetryDeadline must be positive, was " + batchRetryDeadline);
            }
            if (cursorSigningKey != null && cursorSigningKey.length < 16) {
                problems.add("cursorSigningKey must have at least 16 bytes, had " + cursorSigningKey.length);
            }
            if (slowOperationThreshold != null && (slowOperationThreshold.isNegative()
                    || slowOperationThreshold.isZero())) {
                problems.add("slowOperationThreshold must be positive, was " + slowOperationThreshold);
            }
            if (readConcurrency < 1 || readConcurrency > 256) {
                problems.add("readConcurrency must be 1 to 256, was " + readConcurrency);
            }
            if (writeConcurrency < 1 || writeConcurrency > 256) {
                problems.add("writeConcurrency must be 1 to 256, was " + writeConcurrency);
            }
            if (tablePrefix == null || !TABLE_NAME_CHARS.matcher(tablePrefix).matches()) {
                problems.add("tablePrefix may hold only letters, digits, '_', '.' and '-', was '" + tablePrefix + "'");
            }
            KeyTypeStrategy strategy = keyTypeStrategy;
            if (strategy == null) {
                try {
                    strategy = KeyTypeStrategies.named(
                            keyTypeStrategyName == null ? KeyTypeStrategies.DEFAULT : keyTypeStrategyName);
                } catch (PluginLoadException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new DynamiteConfig(this, uri, strategy);
        }

        private @Nullable URI parseEndpoint(List<String> problems) {
            if (endpoint == null) {
                return null;
            }
            try {
                URI uri = new URI(endpoint);
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    problems.add("endpoint must be an absolute http or https URI, was '" + endpoint + "'");
                    return null;
                }
                return uri;
            } catch (URISyntaxException e) {
                problems.add("endpoint is not a URI: " + e.getMessage());
                return null;
            }
        }

        private Builder copy() {
            Builder b = new Builder();
            b.region = region;
            b.endpoint = endpoint;
            b.accessKeyId = accessKeyId;
            b.secretAccessKey = secretAccessKey;
            b.sessionToken = sessionToken;
            b.maxAttempts = maxAttempts;
            b.requestTimeout = requestTimeout;
            b.retryMode = retryMode;
            b.tables.addAll(tables);
            b.keyTypeStrategyName = keyTypeStrategyName;
            b.keyTypeStrategy = keyTypeStrategy;
            b.tablePrefix = tablePrefix;
            b.syncTimeout = syncTimeout;
            b.hooksByDefault = hooksByDefault;
            b.maxTransactionItems = maxTransactionItems;
            b.writeConcurrency = writeConcurrency;
            b.idempotentWrites = idempotentWrites;
            b.batchRetryDeadline = batchRetryDeadline;
            b.cursorSigningKey = cursorSigningKey;
            b.scans = scans;
            b.readConcurrency = readConcurrency;
            b.configurers.addAll(configurers);
            b.listeners.addAll(listeners);
            b.slowOperationThreshold = slowOperationThreshold;
            return b;
        }
    }
}
