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
import java.util.UUID;
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
 * After the class, it deletes the tables of that prefix and disconnects. Parameters of type {@code Dynamite},
 * {@code DynamoDbClient} and {@code Model<T>} are injected.
 */
public final class DynamiteExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    /** The environment variable that names an external endpoint. */
    public static final String ENDPOINT_VARIABLE = "DYNAMITE_TEST_ENDPOINT";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            DynamiteExtension.class);

    private final @Nullable Backend backend;
    private final @Nullable URI endpoint;
    private final List<Class<?>> models;

    /** Creates the extension that {@link DynamiteTest} registers; it reads the annotation. */
    public DynamiteExtension() {
        this(null, null, List.of());
    }

    private DynamiteExtension(@Nullable Backend backend, @Nullable URI endpoint, List<Class<?>> models) {
        this.backend = backend;
        this.endpoint = endpoint;
        this.models = List.copyOf(models);
    }

    /**
     * Returns an extension on the embedded engine, in process.
     *
     * @param models the model classes
     * @return the extension
     */
    public static DynamiteExtension embedded(Class<?>... models) {
        return new DynamiteExtension(Backend.EMBEDDED, null, List.of(models));
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
        return new DynamiteExtension(Backend.ENDPOINT, endpoint, List.of(models));
    }

    /** What one test class holds: its client, and the embedded engine when it runs on one. */
    private record Session(Dynamite dynamite, @Nullable DynamoDbLocal local) {
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
        if (target == null && chosen != Backend.EMBEDDED && variable != null && !variable.isBlank()) {
            target = URI.create(variable);
        }
        if (chosen == Backend.ENDPOINT && target == null) {
            throw new ExtensionConfigurationException(testClass.getName() + " asks for an endpoint, but "
                    + ENDPOINT_VARIABLE + " is not set");
        }
        DynamiteConfig.Builder config = DynamiteConfig.builder().tables(tables)
                .tablePrefix("t" + UUID.randomUUID().toString().substring(0, 8) + "_");
        DynamoDbLocal local = null;
        if (target == null) {
            local = DynamoDbLocal.create();
            config.configure(local::configure);
        } else {
            config.region("us-east-1").endpoint(target).credentials("test", "test");
        }
        Dynamite dynamite = new Dynamite(config.build());
        context.getStore(NAMESPACE).put(Session.class, new Session(dynamite, local));
        dynamite.connect();
        dynamite.sync();
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
                    client.deleteTable(b -> b.tableName(table));
                }
            }
        } finally {
            session.dynamite().disconnect();
            if (session.local() != null) {
                session.local().close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Dynamite.class || type == DynamoDbClient.class || type == Model.class;
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
