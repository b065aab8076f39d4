package dev.dynamite.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamite.api.PluginLoadException;
import dev.dynamite.schema.internal.keys.NativeKeyTypeStrategy;
import dev.dynamite.schema.internal.keys.StringKeyTypeStrategy;
import dev.dynamite.spi.KeyTypeStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KeyTypeStrategiesTest {
    private static final String SERVICE = KeyTypeStrategy.class.getName();

    @Test
    void discoversTheBundledStrategies() {
        assertThat(KeyTypeStrategies.available())
                .containsKeys("string", "native")
                .hasEntrySatisfying("string", s -> assertThat(s).isInstanceOf(StringKeyTypeStrategy.class))
                .hasEntrySatisfying("native", s -> assertThat(s).isInstanceOf(NativeKeyTypeStrategy.class));
    }

    @Test
    void findsAStrategyByName() {
        assertThat(KeyTypeStrategies.named("string").name()).isEqualTo("string");
        assertThat(KeyTypeStrategies.named("native")).isInstanceOf(NativeKeyTypeStrategy.class);
        assertThat(KeyTypeStrategies.named(KeyTypeStrategies.DEFAULT)).isInstanceOf(StringKeyTypeStrategy.class);
    }

    @Test
    void anUnknownNameFailsListingTheAvailableOnes() {
        PluginLoadException e = catchThrowableOfType(PluginLoadException.class, () -> KeyTypeStrategies.named("nope"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("'nope'", "string", "native", "provides dev.dynamite.spi.KeyTypeStrategy");
    }

    @Test
    void availableIsUnmodifiable() {
        assertThat(KeyTypeStrategies.available()).isUnmodifiable();
    }

    @Test
    void runsOnTheModulePath() {
        Module module = KeyTypeStrategies.class.getModule();

        assertThat(module.isNamed()).as("tests must run on the module path").isTrue();
        assertThat(module.getName()).isEqualTo("dev.dynamite.schema");
        assertThat(module.getDescriptor()).isNotNull();
    }

    @Test
    void theBundledStrategiesAreBuiltInNotServices() {
        ModuleDescriptor descriptor = EntityMetadata.class.getModule().getDescriptor();
        assertThat(descriptor).as("module descriptor (tests must run on the module path)").isNotNull();
        assertThat(descriptor.provides()).as("a strategy registered as a service too would be found twice")
                .noneMatch(p -> p.service().equals(SERVICE));
        assertThat(EntityMetadata.class.getModule().getClassLoader().getResource("META-INF/services/" + SERVICE))
                .as("no services file on the class path either").isNull();
        assertThat(java.util.ServiceLoader.load(KeyTypeStrategy.class).stream()).isEmpty();
    }

    @Test
    void everyProvidedServiceHasAServicesFile() throws IOException {
        ModuleDescriptor descriptor = EntityMetadata.class.getModule().getDescriptor();
        assertThat(descriptor).isNotNull();
        for (ModuleDescriptor.Provides provides : descriptor.provides()) {
            assertThat(servicesFile(provides.service()))
                    .as("META-INF/services/%s", provides.service())
                    .containsExactlyInAnyOrderElementsOf(provides.providers());
        }
    }

    @Test
    void theModuleUsesTheServiceItLoads() {
        ModuleDescriptor descriptor = EntityMetadata.class.getModule().getDescriptor();
        assertThat(descriptor).isNotNull();
        assertThat(descriptor.uses()).contains(SERVICE);
    }

    @Test
    void onlyThePublicPackageIsExportedToAllAndTheMembersToTheRuntime() {
        ModuleDescriptor descriptor = EntityMetadata.class.getModule().getDescriptor();
        assertThat(descriptor).isNotNull();
        assertThat(descriptor.exports()).filteredOn(e -> !e.isQualified())
                .extracting(ModuleDescriptor.Exports::source).containsExactly("dev.dynamite.schema");
        assertThat(descriptor.exports()).filteredOn(ModuleDescriptor.Exports::isQualified)
                .singleElement().satisfies(e -> {
                    assertThat(e.source()).isEqualTo("dev.dynamite.schema.internal.members");
                    assertThat(e.targets()).containsExactly("dev.dynamite.core");
                });
    }

    private static List<String> servicesFile(String service) throws IOException {
        String resource = "META-INF/services/" + service;
        try (InputStream in = EntityMetadata.class.getModule().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(line -> line.replaceFirst("#.*", "").strip())
                        .filter(line -> !line.isEmpty())
                        .collect(Collectors.toList());
            }
        }
    }
}
