package dev.dynamite.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Guards the public surface: no internal type in a public signature, final classes, one exported package. */
class PublicApiTest {
    private static final List<Class<?>> PUBLIC_TYPES = List.of(DynamoDbLocal.class, DynamoDbLocal.Builder.class,
            Faults.class, Faults.Selector.class, Faults.Trigger.class, Fault.class);

    @Test
    void publicSignaturesNeverMentionInternalTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC_TYPES) {
            for (Method method : type.getDeclaredMethods()) {
                if (isVisible(method.getModifiers())) {
                    check(method, method.getGenericReturnType(), leaks);
                    checkParameters(method, leaks);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isVisible(constructor.getModifiers())) {
                    checkParameters(constructor, leaks);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (isVisible(field.getModifiers())) {
                    check(field, field.getGenericType(), leaks);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void checkParameters(Executable executable, List<String> leaks) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(executable, parameter, leaks);
        }
    }

    private static void check(Object member, Type type, List<String> leaks) {
        if (type.getTypeName().contains(".internal.")) {
            leaks.add(member + " uses " + type.getTypeName());
        }
    }

    @Test
    void publicClassesAreFinalAndHaveNoPublicConstructor() {
        for (Class<?> type : PUBLIC_TYPES) {
            assertThat(Modifier.isFinal(type.getModifiers())).as(type.getName()).isTrue();
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                assertThat(Modifier.isPublic(constructor.getModifiers())).as(constructor.toString()).isFalse();
            }
        }
    }

    @Test
    void onlyThePublicPackageIsExported() {
        Module module = DynamoDbLocal.class.getModule();
        if (!module.isNamed()) {
            return; // class-path run: there is no descriptor to check
        }
        ModuleDescriptor descriptor = module.getDescriptor();
        assertThat(descriptor.name()).isEqualTo("dev.dynamite.local");
        assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                .containsExactly("dev.dynamite.local");
        assertThat(descriptor.opens()).isEmpty();
    }
}
