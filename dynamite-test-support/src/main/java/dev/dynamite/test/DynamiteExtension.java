package dev.dynamite.test;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.local.DynamoDbLocal;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The JUnit 5 extension behind {@link DynamiteTest}; also usable on its own with {@code @RegisterExtension}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DynamiteExtension db = DynamiteExtension.embedded(User.class, Order.class);
 * }</pre>
 *
 * <p>Before the test class, it builds a {@code Dynamite} for the models on the chosen backend with a table prefix no
 * other class uses, connects it (it becomes the global client, so {@code Table.model} handles work) and syncs it.
 * After the class, it deletes the tables of that prefix, disconnects, and puts back the global client that was
 * installed before the class (or none). Parameters of these types are injected into test methods, constructors and
 * {@code @BeforeAll}/{@code @BeforeEach} methods:
 * <ul>
 *   <li>{@code Dynamite}, and its {@code DynamoDbClient};</li>
 *   <li>{@code Model<T>} of any model;</li>
 *   <li>{@link RequestLog}, the calls the client sent (also those of clients built from
 *       {@code dynamite.config().toBuilder()});</li>
 *   <li>{@code DynamoDbLocal}, the embedded engine, to inject faults or latency (embedded backend only);</li>
 *   <li>{@code DynamiteConfig.Builder}, a new configuration of the same backend without models, for a test that
 *       builds, connects and syncs a client of its own: each builder has a table prefix of its own under the class's
 *       prefix, so its tables are deleted with the class's, and its calls go to the {@code RequestLog}.</li>
 * </ul>
 */
public final class DynamiteExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    /** The environment variable that names an external endpoint. */
    public static final String ENDPOINT_VARIABLE = "DYNAMITE_TEST_ENDPOINT";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            DynamiteExtension.class);

    private final @Nullable Backend backend;
    private final @Nullable URI endpoint;
    private final @Nullable ContainerImage image;
    private final DynamoDbLocal.@Nullable Builder engine;
    private final List<Class<?>> models;

    /**
     * A container image of a DynamoDB-compatible server, and the port it listens on inside the container.
     *
     * @param name the image, such as {@code amazon/dynamodb-local:2.5.2} or a LocalStack image
     * @param port the port the server listens on in the container (8000 for DynamoDB Local, 4566 for LocalStack)
     */
    public record ContainerImage(String name, int port) {
        /**
         * Checks the components.
         *
         * @param name the image name, not blank
         * @param port 1 to 65535
         */
        public ContainerImage {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a container image needs a name");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("a port is 1 to 65535, not " + port);
            }
        }
    }

    /** Creates the extension that {@link DynamiteTest} registers; it reads the annotation. */
    public DynamiteExtension() {
        this(null, null, null, null, List.of());
    }

    private DynamiteExtension(@Nullable Backend backend, @Nullable URI endpoint, @Nullable ContainerImage image,
                              DynamoDbLocal.@Nullable Builder engine, List<Class<?>> models) {
        this.backend = backend;
        this.endpoint = endpoint;
        this.image = image;
        this.engine = engine;
        this.models = List.copyOf(models);
    }

    /**
     * Returns an extension on the embedded engine, in process.
     *
     * @param models the model classes
     * @return the extension
     */
    public static DynamiteExtension embedded(Class<?>... models) {
        return new DynamiteExtension(Backend.EMBEDDED, null, null, null, List.of(models));
    }

    /**
     * Returns an extension on an embedded engine built for the test class from the given builder, for instance one
     * that keeps new tables CREATING for a while, as DynamoDB does:
     *
     * <pre>{@code
     * @RegisterExtension
     * static final DynamiteExtension db = DynamiteExtension.embedded(
     *         DynamoDbLocal.builder().createTableDelay(Duration.ofMillis(300)), User.class);
     * }</pre>
     *
     * @param engine the engine's settings
     * @param models the model classes
     * @return the extension
     */
    public static DynamiteExtension embedded(DynamoDbLocal.Builder engine, Class<?>... models) {
        return new DynamiteExtension(Backend.EMBEDDED, null, null, Objects.requireNonNull(engine, "engine"),
                List.of(models));
    }

    /**
     * Returns an extension on a DynamoDB-compatible endpoint (credentials {@code test}/{@code test}, region
     * {@code us-east-1}).
     *
     * @param endpoint the endpoint
     * @param models the model classes
     * @return the extension
     */
    public static DynamiteExtension endpoint(URI endpoint, Class<?>... models) {
        return new DynamiteExtension(Backend.ENDPOINT, endpoint, null, null, List.of(models));
    }

    /**
     * Returns an extension on a DynamoDB-compatible server started in a container for the test class (Testcontainers
     * must be on the test path). Where no Docker engine answers, the test class is skipped with a reason, not failed.
     *
     * <pre>{@code
     * @RegisterExtension
     * static final DynamiteExtension db = DynamiteExtension.testcontainers(
     *         new DynamiteExtension.ContainerImage("amazon/dynamodb-local:2.5.2", 8000), User.class);
     * }</pre>
     *
     * @param image the image and its port
     * @param models the model classes
     * @return the extension
     */
    public static DynamiteExtension testcontainers(ContainerImage image, Class<?>... models) {
        return new DynamiteExtension(Backend.ENDPOINT, null, Objects.requireNonNull(image, "image"), null,
                List.of(models));
    }

    /**
     * Returns the container image this extension starts, if it is a Testcontainers extension.
     *
     * @return the image, or null
     */
    public @Nullable ContainerImage image() {
        return image;
    }

    /** What one test class holds: its client, and the embedded engine or the endpoint (and container) it runs on. */
    private record Session(Dynamite dynamite, RequestLog log, @Nullable DynamoDbLocal local, @Nullable URI endpoint,
                           @Nullable AutoCloseable container, AtomicInteger derived) {

        /** A configuration of the same backend, without models, on tables under the class's prefix. */
        DynamiteConfig.Builder freshConfig() {
            return backend(log, local, endpoint)
                    .tablePrefix(dynamite.config().tablePrefix() + "c" + derived.incrementAndGet() + "_");
        }
    }

    private static DynamiteConfig.Builder backend(RequestLog log, @Nullable DynamoDbLocal local,
                                                  @Nullable URI endpoint) {
        DynamiteConfig.Builder config = DynamiteConfig.builder()
                .configure(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(log.interceptor())));
        if (local != null) {
            return config.configure(local::configure);
        }
        return config.region("us-east-1").endpoint(Objects.requireNonNull(endpoint, "endpoint"))
                .credentials("test", "test");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        DynamiteTest annotation = find(testClass);
        List<Class<?>> tables = !models.isEmpty() ? models
                : annotation != null ? List.of(annotation.models()) : List.of();
        if (tables.isEmpty()) {
            throw new ExtensionConfigurationException(testClass.getName() + " uses DynamiteExtension without models:"
                    + " name them in @DynamiteTest(models = …) or DynamiteExtension.embedded(…)");
        }
        Backend chosen = backend != null ? backend : annotation != null ? annotation.backend() : Backend.AUTO;
        String variable = System.getenv(ENDPOINT_VARIABLE);
        URI target = endpoint;
        AutoCloseable container = null;
        if (image != null) {
            if (!dockerAvailable()) {
                throw new org.opentest4j.TestAbortedException("No Docker engine answers, so the " + image.name()
                        + " container cannot start; " + testClass.getSimpleName() + " is skipped");
            }
            ContainerBackend started = ContainerBackend.start(image.name(), image.port());
            container = started;
            target = started.endpoint();
        }
        if (target == null && chosen != Backend.EMBEDDED && variable != null && !variable.isBlank()) {
            target = URI.create(variable);
        }
        if (chosen == Backend.ENDPOINT && target == null) {
            throw new ExtensionConfigurationException(testClass.getName() + " asks for an endpoint, but "
                    + ENDPOINT_VARIABLE + " is not set");
        }
        RequestLog log = new RequestLog();
        DynamoDbLocal local = target != null ? null : engine != null ? engine.build() : DynamoDbLocal.create();
        Dynamite dynamite = new Dynamite(backend(log, local, target).tables(tables)
                .tablePrefix("t" + UUID.randomUUID().toString().substring(0, 8) + "_").build());
        context.getStore(NAMESPACE).put(Session.class,
                new Session(dynamite, log, local, target, container, new AtomicInteger()));
        GlobalClients.starting(dynamite.getClient());
        dynamite.connect();
        dynamite.sync();
    }

    /**
     * Deletes a test table. A table the test deleted itself may still be listed while DynamoDB deletes it, and be
     * gone (or still deleting) when its turn comes: either way it is on its way out, which is all this asks.
     */
    private static void deleteIfPresent(DynamoDbClient client, String table) {
        try {
            client.deleteTable(b -> b.tableName(table));
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException gone) {
            // deleted since it was listed: nothing left to do
            return;
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceInUseException inUse) {
            // being deleted already is the outcome asked for; any other state is a failure to report
            String status = client.describeTable(b -> b.tableName(table)).table().tableStatusAsString();
            if (!"DELETING".equals(status)) {
                throw inUse;
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Session session = context.getStore(NAMESPACE).remove(Session.class, Session.class);
        if (session == null) {
            return;
        }
        try {
            DynamoDbClient client = session.dynamite().getClient();
            String prefix = session.dynamite().config().tablePrefix();
            for (String table : client.listTablesPaginator().tableNames()) {
                if (table.startsWith(prefix)) {
                    deleteIfPresent(client, table);
                }
            }
        } finally {
            DynamoDbClient client = session.dynamite().getClient();
            session.dynamite().disconnect();
            GlobalClients.finished(client);
            if (session.local() != null) {
                session.local().close();
            }
            if (session.container() != null) {
                try {
                    session.container().close();
                } catch (Exception e) {
                    throw new IllegalStateException("the container did not stop", e);
                }
            }
        }
    }

    /** Whether a Docker engine answers; false when Testcontainers is not on the path at all. */
    static boolean dockerAvailable() {
        try {
            return ContainerBackend.dockerAvailable();
        } catch (NoClassDefFoundError e) {
            throw new ExtensionConfigurationException("DynamiteExtension.testcontainers(…) needs"
                    + " org.testcontainers:testcontainers on the test path", e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Dynamite.class || type == DynamoDbClient.class || type == Model.class
                || type == RequestLog.class || type == DynamoDbLocal.class || type == DynamiteConfig.Builder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = context.getStore(NAMESPACE).get(Session.class, Session.class);
        if (session == null) {
            throw new ParameterResolutionException("No Dynamite for " + parameter.getParameter() + ": the extension"
                    + " runs before the test class (use a static @RegisterExtension field, or @DynamiteTest)");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == Dynamite.class) {
            return session.dynamite();
        } else if (type == DynamoDbClient.class) {
            return session.dynamite().getClient();
        } else if (type == RequestLog.class) {
            return session.log();
        } else if (type == DynamiteConfig.Builder.class) {
            return session.freshConfig();
        } else if (type == DynamoDbLocal.class) {
            if (session.local() == null) {
                throw new ParameterResolutionException(parameter.getParameter() + ": " + context.getRequiredTestClass()
                        .getSimpleName() + " runs on an endpoint, not on the embedded engine; ask for"
                        + " backend = Backend.EMBEDDED to use the engine's faults");
            }
            return session.local();
        }
        Type generic = parameter.getParameter().getParameterizedType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> model
                && Table.class.isAssignableFrom(model)) {
            return model(session.dynamite(), model);
        }
        throw new ParameterResolutionException(parameter.getParameter() + " needs a model type: write Model<User>");
    }

    /**
     * Returns the client of the running test class, for code that has no parameter to take it from.
     *
     * @param context the extension context of a test
     * @return the client
     * @throws ExtensionConfigurationException if the class does not use the extension
     */
    public static Dynamite dynamite(ExtensionContext context) {
        Session session = context.getStore(NAMESPACE).get(Session.class, Session.class);
        if (session == null) {
            throw new ExtensionConfigurationException("The test class does not use DynamiteExtension");
        }
        return session.dynamite();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Model<?> model(Dynamite dynamite, Class<?> model) {
        return dynamite.model((Class) model);
    }

    private static @Nullable DynamiteTest find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            DynamiteTest annotation = c.getAnnotation(DynamiteTest.class);
            if (annotation != null) {
                return annotation;
            }
        }
        return null;
    }
}
