package dev.dynamite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.TestModels.User;
import dev.dynamite.api.ConfigurationException;
import dev.dynamite.spi.KeyTypeStrategy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamiteConfigTest {

    @Test
    void defaultsLeaveTheSdkChainsInCharge() {
        DynamiteConfig config = DynamiteConfig.builder().tables(User.class).build();
        assertThat(config.region()).isEmpty();
        assertThat(config.endpoint()).isEmpty();
        assertThat(config.hasStaticCredentials()).isFalse();
        assertThat(config.maxAttempts()).isEmpty();
        assertThat(config.requestTimeout()).isEmpty();
        assertThat(config.retryMode()).isEmpty();
        assertThat(config.keyTypeStrategy().name()).isEqualTo("string");
        assertThat(config.tablePrefix()).isEmpty();
        assertThat(config.syncTimeout()).isEqualTo(DynamiteConfig.DEFAULT_SYNC_TIMEOUT);
        assertThat(config.tables()).containsExactly(User.class);
    }

    @Test
    void everySettingIsKeptAndCopiedByToBuilder() {
        DynamiteConfig config = DynamiteConfig.builder()
                .region("us-east-1").endpoint("http://localhost:8000").credentials("id", "secret", "token")
                .maxAttempts(5).requestTimeout(Duration.ofSeconds(3)).retryMode(RetryMode.ADAPTIVE_V2)
                .keyTypeStrategy("native").tablePrefix("dev_").syncTimeout(Duration.ofSeconds(9))
                .tables(User.class).build();
        DynamiteConfig copy = config.toBuilder().tablePrefix("prod_").build();

        for (DynamiteConfig c : new DynamiteConfig[] {config, copy}) {
            assertThat(c.region()).contains("us-east-1");
            assertThat(c.endpoint()).contains(URI.create("http://localhost:8000"));
            assertThat(c.hasStaticCredentials()).isTrue();
            assertThat(c.maxAttempts()).contains(5);
            assertThat(c.requestTimeout()).contains(Duration.ofSeconds(3));
            assertThat(c.retryMode()).contains(RetryMode.ADAPTIVE_V2);
            assertThat(c.keyTypeStrategy().name()).isEqualTo("native");
            assertThat(c.syncTimeout()).isEqualTo(Duration.ofSeconds(9));
        }
        assertThat(config.tablePrefix()).isEqualTo("dev_");
        assertThat(copy.tablePrefix()).isEqualTo("prod_");
    }

    @Test
    void credentialsNeverAppearInToString() {
        String text = DynamiteConfig.builder().credentials("AKIDEXAMPLE", "wJalrXUtnFEMI", "FwoGZXIvYXdzE")
                .tables(User.class).build().toString();
        assertThat(text).doesNotContain("AKIDEXAMPLE", "wJalrXUtnFEMI", "FwoGZXIvYXdzE").contains("hidden");
    }

    @Test
    void anInstanceStrategyIsUsedAsIs() {
        KeyTypeStrategy mine = new KeyTypeStrategy() {
            @Override public String name() { return "mine"; }
            @Override public Optional<ScalarAttributeType> attributeType(Class<?> t) { return Optional.of(ScalarAttributeType.S); }
            @Override public AttributeValue encode(Object v) { return AttributeValue.fromS(v.toString()); }
            @Override public Object decode(AttributeValue v, Class<?> t) { return v.s(); }
        };
        assertThat(DynamiteConfig.builder().keyTypeStrategy(mine).tables(User.class).build().keyTypeStrategy())
                .isSameAs(mine);
    }

    @Test
    void buildReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> DynamiteConfig.builder()
                .region(" ").endpoint("localhost:8000").credentials("", "x")
                .maxAttempts(0).requestTimeout(Duration.ZERO).syncTimeout(Duration.ofSeconds(-1))
                .tablePrefix("bad prefix!").keyTypeStrategy("nope")
                .build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "tables(...) is required: name at least one model class",
                        "region is blank",
                        "endpoint must be an absolute http or https URI, was 'localhost:8000'",
                        "credentials need a non-blank access key id and secret access key",
                        "maxAttempts must be at least 1, was 0",
                        "requestTimeout must be positive, was PT0S",
                        "syncTimeout must be positive, was PT-1S",
                        "tablePrefix may hold only letters, digits, '_', '.' and '-', was 'bad prefix!'",
                        e.problems().get(8)))
                .hasMessageStartingWith("Invalid Dynamite configuration: tables(...) is required");
    }

    @Test
    void anUnknownStrategyNameListsTheAvailableOnes() {
        assertThatThrownBy(() -> DynamiteConfig.builder().keyTypeStrategy("nope").tables(User.class).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No KeyTypeStrategy named 'nope'")
                .hasMessageContaining("native")
                .hasMessageContaining("string");
    }

    @Test
    void aMalformedEndpointIsReported() {
        assertThatThrownBy(() -> DynamiteConfig.builder().endpoint("http://bad host").tables(User.class).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("endpoint is not a URI");
    }

    @Test
    void scansAreWarnedAboutAndCursorsChecksummedUnlessConfigured() {
        DynamiteConfig plain = DynamiteConfig.builder().tables(User.class).build();
        assertThat(plain.scans()).isEqualTo(dev.dynamite.api.ScanPolicy.WARN);
        assertThat(plain.cursorSigningKey()).isEmpty();

        byte[] key = "sixteen bytes ok".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        DynamiteConfig strict = DynamiteConfig.builder().tables(User.class).scans(dev.dynamite.api.ScanPolicy.REFUSE)
                .cursorSigningKey(key).build();
        key[0] = 'X';
        assertThat(strict.scans()).isEqualTo(dev.dynamite.api.ScanPolicy.REFUSE);
        assertThat(strict.cursorSigningKey()).hasValueSatisfying(k -> assertThat(new String(k,
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("sixteen bytes ok"));
        assertThat(strict.toBuilder().build().cursorSigningKey()).isPresent();
        assertThat(strict.toString()).contains("signed").doesNotContain("sixteen");
        assertThatThrownBy(() -> DynamiteConfig.builder().tables(User.class).cursorSigningKey(new byte[8]).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 16 bytes");
    }
}
