package dev.dynamite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the module boundaries: only the API packages of SPEC §1 and the metamodel package are exported, and no
 * public or protected signature of an exported type mentions an internal type.
 */
class ApiSurfaceTest {

    @Test
    void eachModuleExportsExactlyItsApiPackages() {
        // dev.dynamite.meta: the typed metamodel vocabulary of issue 15
        assertThat(exports("dev.dynamite.api")).containsExactlyInAnyOrder(
                "dev.dynamite.annotation", "dev.dynamite.api", "dev.dynamite.meta", "dev.dynamite.spi");
        assertThat(exports("dev.dynamite.schema")).containsExactly("dev.dynamite.schema");
        assertThat(exports("dev.dynamite.core")).containsExactly("dev.dynamite");
        assertThat(exports("dev.dynamite.tx")).containsExactly("dev.dynamite.tx");
    }

    @Test
    void qualifiedExportsAreTheRegistryToTheFixturesAndTheMembersToTheRuntime() {
        for (String name : List.of("dev.dynamite.api", "dev.dynamite.tx")) {
            assertThat(qualifiedExports(name)).as(name).isEmpty();
        }
        // the runtime reads a model's fields, generated or reflected, through the schema's reading of them
        assertThat(qualifiedExports("dev.dynamite.schema"))
                .containsExactly(Map.entry("dev.dynamite.schema.internal.members", Set.of("dev.dynamite.core")));
        // dev.dynamite.test saves and restores the global client around a test class
        assertThat(qualifiedExports("dev.dynamite.core"))
                .containsExactly(Map.entry("dev.dynamite.core.internal", Set.of("dev.dynamite.test")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.dynamite.api", "dev.dynamite.schema", "dev.dynamite.core", "dev.dynamite.tx"})
    void publicSignaturesNeverMentionInternalTypes(String moduleName) throws IOException, ClassNotFoundException {
        Module module = ModuleLayer.boot().findModule(moduleName).orElseThrow();
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (String className : classNames(moduleName)) {
            Class<?> type = Class.forName(className, false, module.getClassLoader());
            if (!module.isExported(type.getPackageName()) || !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            checked++;
            check(leaks, type + " extends", type.getGenericSuperclass());
            for (Type implemented : type.getGenericInterfaces()) {
                check(leaks, type + " implements", implemented);
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(leaks, field.toString(), field.getGenericType());
                }
            }
            List<Executable> members = new ArrayList<>(List.of(type.getDeclaredConstructors()));
            members.addAll(List.of(type.getDeclaredMethods()));
            for (Executable member : members) {
                if (!visible(member.getModifiers()) || member.isSynthetic()) {
                    continue;
                }
                if (member instanceof Method method) {
                    check(leaks, member.toString(), method.getGenericReturnType());
                }
                for (Type parameter : member.getGenericParameterTypes()) {
                    check(leaks, member.toString(), parameter);
                }
            }
        }
        assertThat(checked).as("exported public types checked in %s", moduleName).isPositive();
        assertThat(leaks).isEmpty();
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> leaks, String where, Type type) {
        if (type != null && type.getTypeName().contains(".internal.")) {
            leaks.add(where + " mentions " + type.getTypeName());
        }
    }

    private static Set<String> exports(String moduleName) {
        return ModuleLayer.boot().findModule(moduleName).orElseThrow().getDescriptor().exports().stream()
                .filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    }

    private static Map<String, Set<String>> qualifiedExports(String moduleName) {
        return ModuleLayer.boot().findModule(moduleName).orElseThrow().getDescriptor().exports().stream()
                .filter(ModuleDescriptor.Exports::isQualified)
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
    }

    private static List<String> classNames(String moduleName) throws IOException {
        ResolvedModule resolved = ModuleLayer.boot().configuration().findModule(moduleName).orElseThrow();
        try (ModuleReader reader = resolved.reference().open(); Stream<String> entries = reader.list()) {
            return entries.filter(e -> e.endsWith(".class") && !e.equals("module-info.class"))
                    .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }
}
