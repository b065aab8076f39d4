package dev.dynamite.core.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamite.api.InvalidModelException;
import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.schema.KeyTypeStrategies;
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
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A model in a named module of its own, compiled at run time and defined in a child module layer: Dynamite maps it
 * when the module opens the model package to {@code dev.dynamite.core} and, when it does not, fails with a message
 * that gives the exact {@code opens} line to add. (Models in this test module are always accessible, as the tests are
 * patched into {@code dev.dynamite.core} itself.)
 */
class UnopenedModelTest {
    private static final String MODEL = """
            package test.model.pkg;

            import dev.dynamite.annotation.PrimaryKey;

            public class Gadget {
                @PrimaryKey private String id;
                private int size;

                public Gadget() {
                }

                public String id() {
                    return id;
                }

                public int size() {
                    return size;
                }
            }
            """;

    @Test
    void theTestsRunInsideTheCoreModule() {
        assertThat(EntityMapper.class.getModule().getName()).isEqualTo(EntityMapper.CORE_MODULE);
        assertThat(UnopenedModelTest.class.getModule()).isSameAs(EntityMapper.class.getModule());
    }

    @Test
    void aModelPackageNotOpenedToCoreIsRefusedWithTheOpensLineToAdd(@TempDir Path dir) throws Exception {
        Class<?> gadget = compileAndLoad(dir, "test.model.closed", """
                module test.model.closed {
                    requires dev.dynamite.api;
                    exports test.model.pkg;
                }
                """);
        assertThat(gadget.getModule().isExported("test.model.pkg")).isTrue();
        assertThat(gadget.getModule().isOpen("test.model.pkg", EntityMapper.class.getModule())).isFalse();

        InvalidModelException e = catchThrowableOfType(InvalidModelException.class, () -> mappers().mapper(gadget));

        assertThat(e).isNotNull();
        assertThat(e.model()).isEqualTo(gadget);
        assertThat(e.field()).isEmpty();
        assertThat(e.getMessage()).startsWith("test.model.pkg.Gadget: ")
                .contains("add `opens test.model.pkg to dev.dynamite.core;` to module test.model.closed's"
                        + " module-info.java");
        assertThat(e.getCause()).isInstanceOf(IllegalAccessException.class);
    }

    @Test
    void aModelPackageOpenedToCoreIsMapped(@TempDir Path dir) throws Exception {
        Class<?> gadget = compileAndLoad(dir, "test.model.open", """
                module test.model.open {
                    requires dev.dynamite.api;
                    exports test.model.pkg;
                    opens test.model.pkg to dev.dynamite.core;
                }
                """);

        roundTrip(mappers().mapper(gadget));
    }

    @Test
    void aModelModuleThatIsNotExportedButOpenedIsMappedToo(@TempDir Path dir) throws Exception {
        Class<?> gadget = compileAndLoad(dir, "test.model.hidden", """
                module test.model.hidden {
                    requires dev.dynamite.api;
                    opens test.model.pkg to dev.dynamite.core;
                }
                """);

        roundTrip(mappers().mapper(gadget));
    }

    private static <T> void roundTrip(EntityMapper<T> mapper) {
        T entity = mapper.fromItem(Map.of("id", AttributeValue.fromS("g-1"), "size", AttributeValue.fromN("3")));

        assertThat(mapper.get(entity, "id")).isEqualTo("g-1");
        assertThat(mapper.get(entity, "size")).isEqualTo(3);
        assertThat(mapper.toItem(entity)).containsExactly(
                Map.entry("id", AttributeValue.fromS("g-1")), Map.entry("size", AttributeValue.fromN("3")));
    }

    private static Mappers mappers() {
        return new Mappers(Codecs.of(List.of()), KeyTypeStrategies.named("string"));
    }

    // ---------------------------------------------------------------- helpers

    /** Compiles the model into a module of the given descriptor, defines it in a child layer and loads the class. */
    private static Class<?> compileAndLoad(Path dir, String module, String moduleInfo)
            throws IOException, ClassNotFoundException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("out");
        Map<String, String> sources = Map.of("module-info.java", moduleInfo, "test/model/pkg/Gadget.java", MODEL);
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
                .resolve(ModuleFinder.of(out), ModuleFinder.of(), Set.of(module));
        ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        Class<?> type = Class.forName("test.model.pkg.Gadget", true, layer.findLoader(module));
        assertThat(type.getModule().getName()).isEqualTo(module);
        assertThat(EntityMapper.class.getModule().canRead(type.getModule()))
                .as("core does not read the model's module until the mapper adds the edge").isFalse();
        return type;
    }

    /** The locations of the boot layer's non-JDK modules, among them dev.dynamite.api and the AWS SDK modules. */
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
}
