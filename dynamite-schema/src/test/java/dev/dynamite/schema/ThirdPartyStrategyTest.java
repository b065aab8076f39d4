package dev.dynamite.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.PluginLoadException;
import dev.dynamite.spi.KeyTypeStrategy;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A third-party {@link KeyTypeStrategy} in its own named module, compiled at run time and loaded in a child module
 * layer, is found by {@link KeyTypeStrategies} through the thread's context class loader and used by {@link Schema}.
 *
 * <p>The compiler is reached through {@link java.util.spi.ToolProvider} ({@code java.base}), so the test module needs
 * no access to {@code java.compiler}; {@code jdk.compiler} is in the boot layer because Surefire's launcher runs in
 * the unnamed module, whose default root modules include every system module that exports an API.
 */
class ThirdPartyStrategyTest {
    private static final String MODULE = "test.keys.reversed";

    private static final String MODULE_INFO = """
            module test.keys.reversed {
                requires dev.dynamite.api;
                provides dev.dynamite.spi.KeyTypeStrategy
                    with test.keys.reversed.ReversedStrategy, test.keys.reversed.LoudStringStrategy;
            }
            """;

    private static final String REVERSED = """
            package test.keys.reversed;

            import dev.dynamite.spi.KeyTypeStrategy;
            import java.util.Optional;
            import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
            import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

            public final class ReversedStrategy implements KeyTypeStrategy {
                public ReversedStrategy() {
                }

                @Override
                public String name() {
                    return "reversed";
                }

                @Override
                public Optional<ScalarAttributeType> attributeType(Class<?> javaType) {
                    return javaType == String.class ? Optional.of(ScalarAttributeType.S) : Optional.empty();
                }

                @Override
                public AttributeValue encode(Object value) {
                    return AttributeValue.fromS(new StringBuilder((String) value).reverse().toString());
                }

                @Override
                public Object decode(AttributeValue value, Class<?> javaType) {
                    return new StringBuilder(value.s()).reverse().toString();
                }
            }
            """;

    /** Registered under the bundled default's name with a higher priority: it must win over the bundled one. */
    private static final String LOUD = """
            package test.keys.reversed;

            import dev.dynamite.spi.KeyTypeStrategy;
            import java.util.Locale;
            import java.util.Optional;
            import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
            import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

            public final class LoudStringStrategy implements KeyTypeStrategy {
                @Override
                public String name() {
                    return "string";
                }

                @Override
                public Optional<ScalarAttributeType> attributeType(Class<?> javaType) {
                    return Optional.of(ScalarAttributeType.S);
                }

                @Override
                public AttributeValue encode(Object value) {
                    return AttributeValue.fromS(value.toString().toUpperCase(Locale.ROOT));
                }

                @Override
                public Object decode(AttributeValue value, Class<?> javaType) {
                    return value.s();
                }

                @Override
                public int priority() {
                    return 10;
                }
            }
            """;

    private static final String BROKEN_MODULE_INFO = """
            module test.keys.broken {
                requires dev.dynamite.api;
                provides dev.dynamite.spi.KeyTypeStrategy with test.keys.broken.BrokenStrategy;
            }
            """;

    private static final String BROKEN = """
            package test.keys.broken;

            import dev.dynamite.spi.KeyTypeStrategy;
            import java.util.Optional;
            import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
            import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

            public final class BrokenStrategy implements KeyTypeStrategy {
                public BrokenStrategy() {
                    throw new IllegalStateException("broken on purpose");
                }

                @Override
                public String name() {
                    return "broken";
                }

                @Override
                public Optional<ScalarAttributeType> attributeType(Class<?> javaType) {
                    return Optional.empty();
                }

                @Override
                public AttributeValue encode(Object value) {
                    throw new UnsupportedOperationException("never called: the constructor throws");
                }

                @Override
                public Object decode(AttributeValue value, Class<?> javaType) {
                    throw new UnsupportedOperationException("never called: the constructor throws");
                }
            }
            """;

    static class Token {
        @PrimaryKey String value;
    }

    @Test
    void aStrategyFromAThirdPartyModuleIsDiscoveredAndUsed(@TempDir Path dir) throws Exception {
        ModuleLayer layer = compileAndDefine(dir, MODULE, Map.of(
                "module-info.java", MODULE_INFO,
                "test/keys/reversed/ReversedStrategy.java", REVERSED,
                "test/keys/reversed/LoudStringStrategy.java", LOUD));

        withContextLoader(layer.findLoader(MODULE), () -> {
            Map<String, KeyTypeStrategy> available = KeyTypeStrategies.available();
            assertThat(available).containsKeys("reversed", "string", "native");

            KeyTypeStrategy reversed = KeyTypeStrategies.named("reversed");
            assertThat(reversed.getClass().getName()).isEqualTo("test.keys.reversed.ReversedStrategy");
            assertThat(reversed.getClass().getModule().getName()).isEqualTo(MODULE);
            assertThat(reversed.getClass().getModule().getLayer()).isSameAs(layer);
            assertThat(available.get("reversed")).isInstanceOf(reversed.getClass());

            Schema schema = Schema.of(List.of(Token.class), reversed, "");
            assertThat(schema.keyTypeStrategy()).isSameAs(reversed);
            assertThat(schema.table(Token.class).partitionKey())
                    .isEqualTo(new KeyAttribute("value", ScalarAttributeType.S));
            assertThat(reversed.encode("abc")).isEqualTo(AttributeValue.fromS("cba"));
            assertThat(reversed.decode(AttributeValue.fromS("cba"), String.class)).isEqualTo("abc");

            KeyTypeStrategy string = KeyTypeStrategies.named("string");
            assertThat(string.getClass().getName())
                    .as("a plugin with a higher priority wins over the bundled strategy of the same name")
                    .isEqualTo("test.keys.reversed.LoudStringStrategy");
            assertThat(string.encode("abc").s()).isEqualTo("ABC");
            assertThat(List.copyOf(available.keySet())).as("ordered by priority")
                    .startsWith("string").endsWith("native");
            return null;
        });

        assertThat(KeyTypeStrategies.available()).as("without the layer's loader the plugin is gone")
                .doesNotContainKey("reversed");
        assertThat(KeyTypeStrategies.named("string").getClass().getModule())
                .isEqualTo(KeyTypeStrategies.class.getModule());
    }

    @Test
    void aPluginThatCannotBeInstantiatedIsAPluginLoadException(@TempDir Path dir) throws Exception {
        ModuleLayer layer = compileAndDefine(dir, "test.keys.broken", Map.of(
                "module-info.java", BROKEN_MODULE_INFO,
                "test/keys/broken/BrokenStrategy.java", BROKEN));

        PluginLoadException e = withContextLoader(layer.findLoader("test.keys.broken"),
                () -> catchThrowableOfType(PluginLoadException.class, KeyTypeStrategies::available));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("KeyTypeStrategy", "test.keys.broken.BrokenStrategy");
        assertThat(e.getCause()).isInstanceOf(java.util.ServiceConfigurationError.class);
        assertThat(KeyTypeStrategies.available()).containsKeys("string", "native");
    }

    // ---------------------------------------------------------------- helpers

    private static ModuleLayer compileAndDefine(Path dir, String module, Map<String, String> sources)
            throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--module-path", bootModulePath(),
                "-proc:none", "-nowarn"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new AssertionError("no javac in the boot layer (module jdk.compiler)"));
        StringWriter log = new StringWriter();
        int status;
        try (PrintWriter writer = new PrintWriter(log)) {
            status = javac.run(writer, writer, args.toArray(String[]::new));
        }
        assertThat(status).as("javac %s%n%s", args, log).isZero();

        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration()
                .resolveAndBind(ModuleFinder.of(out), ModuleFinder.of(), Set.of(module));
        ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        assertThat(layer.findModule(module)).isPresent();
        return layer;
    }

    /** The locations of the boot layer's non-JDK modules: dev.dynamite.api and the AWS SDK (automatic) modules. */
    private static String bootModulePath() {
        String path = ModuleLayer.boot().configuration().modules().stream()
                .map(ResolvedModule::reference)
                .map(ModuleReference::location)
                .flatMap(Optional::stream)
                .filter(uri -> "file".equals(uri.getScheme()))
                .map(uri -> Path.of(uri).toString())
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(path).as("module path of the boot layer").contains("dynamite-api");
        return path;
    }

    private static <T> T withContextLoader(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
