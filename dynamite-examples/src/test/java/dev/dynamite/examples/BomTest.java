package dev.dynamite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Guards the BOM: every published module of the reactor is pinned in {@code bom/pom.xml}, and nothing else is. That
 * the BOM resolves is proven by this very module, which imports it and declares Dynamite without versions.
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern OWN_ARTIFACT = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    private static String read(Path path) throws IOException {
        return Files.readString(path).replaceAll("(?s)<!--.*?-->", "");
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1).trim() : "";
    }

    @Test
    void listsEveryPublishedModuleAndOnlyThose() throws IOException {
        List<String> published = new ArrayList<>();
        List<String> unpublished = new ArrayList<>();
        Matcher modules = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        while (modules.find()) {
            String module = modules.group(1).trim();
            if (module.equals("bom") || module.equals("it/integration")) {
                continue;   // the BOM itself, and the integration tests, which are not published
            }
            String pom = read(ROOT.resolve(module).resolve("pom.xml"));
            if (pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                unpublished.add(module);
                continue;   // the examples and the benchmarks say they are not deployed
            }
            Matcher artifact = OWN_ARTIFACT.matcher(pom);
            assertThat(artifact.find()).as("artifactId of %s", module).isTrue();
            published.add(artifact.group(1).trim());
        }

        String bom = read(ROOT.resolve("bom/pom.xml"));
        String management = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
        List<String> pinned = new ArrayList<>();
        Matcher dependencies = DEPENDENCY.matcher(management);
        while (dependencies.find()) {
            String dependency = dependencies.group(1);
            assertThat(tag(dependency, "groupId")).isEqualTo("dev.dynamite");
            assertThat(tag(dependency, "version")).isEqualTo("${project.version}");
            assertThat(dependency).doesNotContain("<scope>");
            pinned.add(tag(dependency, "artifactId"));
        }

        assertThat(published).contains("dynamite-api", "dynamite-schema", "dynamite-core", "dynamite-codec-jackson", "dynamite-local");
        assertThat(pinned).containsExactlyInAnyOrderElementsOf(published);
        assertThat(unpublished).containsExactlyInAnyOrder("dynamite-examples", "dynamite-benchmarks");
    }

    @Test
    void thePublishedBomHasNoParentAndPinsItsOwnVersion() throws IOException {
        // written by flatten-maven-plugin when the bom module is built, which the reactor does before this module;
        // ${project.version} in an imported BOM is interpolated against the BOM's own <version>
        String published = read(ROOT.resolve("bom/.flattened-pom.xml"));
        assertThat(published).doesNotContain("<parent>", "<build>", "<properties>", "junit", "awssdk");
        assertThat(published.replace("${project.version}", "")).doesNotContain("${");
        assertThat(published).contains("<artifactId>dynamite-bom</artifactId>\n  <version>0.1.0-SNAPSHOT</version>");
    }
}
