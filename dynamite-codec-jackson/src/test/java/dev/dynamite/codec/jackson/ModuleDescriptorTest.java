package dev.dynamite.codec.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.spi.CodecProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider is registered twice, for the module path and the class path, and the two registrations agree. */
class ModuleDescriptorTest {
    private static final String SERVICE = CodecProvider.class.getName();

    private static ModuleDescriptor descriptor() {
        ModuleDescriptor descriptor = JacksonCodecProvider.class.getModule().getDescriptor();
        assertThat(descriptor).as("module descriptor (tests must run on the module path)").isNotNull();
        return descriptor;
    }

    @Test
    void providesTheCodecProvider() {
        assertThat(descriptor().name()).isEqualTo("dev.dynamite.codec.jackson");
        assertThat(descriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(SERVICE);
            assertThat(p.providers()).containsExactly(JacksonCodecProvider.class.getName());
        });
    }

    @Test
    void servicesFileListsExactlyTheProvidersOfTheModuleDescriptor() throws IOException {
        for (ModuleDescriptor.Provides provides : descriptor().provides()) {
            assertThat(servicesFile(provides.service()))
                    .as("META-INF/services/%s", provides.service())
                    .containsExactlyInAnyOrderElementsOf(provides.providers())
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void exportsOnlyItsPublicPackage() {
        assertThat(descriptor().exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("dev.dynamite.codec.jackson");
        assertThat(descriptor().exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
        assertThat(descriptor().requires()).extracting(ModuleDescriptor.Requires::name)
                .contains("dev.dynamite.api", "com.fasterxml.jackson.databind");
    }

    @Test
    void theProviderHasThePublicNoArgConstructorServiceLoaderNeeds() throws ReflectiveOperationException {
        Object provider = JacksonCodecProvider.class.getConstructor().newInstance();

        assertThat(provider).isInstanceOf(CodecProvider.class);
        assertThat(java.lang.reflect.Modifier.isFinal(JacksonCodecProvider.class.getModifiers())).isTrue();
    }

    private static List<String> servicesFile(String service) throws IOException {
        String resource = "META-INF/services/" + service;
        try (InputStream in = JacksonCodecProvider.class.getModule().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(line -> line.replaceFirst("#.*", "").strip())
                        .filter(line -> !line.isEmpty())
                        .toList();
            }
        }
    }
}
