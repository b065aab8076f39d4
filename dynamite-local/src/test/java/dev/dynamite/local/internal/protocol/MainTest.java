package dev.dynamite.local.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void defaultsToLoopbackPort8000() {
        assertThat(Main.parse(new String[0]))
                .isEqualTo(new Main.Options("127.0.0.1", 8000, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void readsEveryOption() {
        assertThat(Main.parse(new String[] {"--host", "0.0.0.0", "--port=0", "--create-table-ms", "500",
            "--update-table-ms=20", "--delete-table-ms", "30"}))
                .isEqualTo(new Main.Options("0.0.0.0", 0, Duration.ofMillis(500), Duration.ofMillis(20),
                        Duration.ofMillis(30)));
    }

    @Test
    void helpReturnsNoOptions() {
        assertThat(Main.parse(new String[] {"--port", "1", "--help"})).isNull();
        assertThat(Main.parse(new String[] {"-h"})).isNull();
        assertThat(Main.USAGE).contains("--port").contains("--host").contains("--create-table-ms");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--prot", "1"}))
                .hasMessage("unknown option '--prot'");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port"})).hasMessage("--port needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "x"}))
                .hasMessage("--port needs a whole number, got 'x'");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "65536"}))
                .hasMessage("--port must be within [0, 65535], got 65536");
        assertThatThrownBy(() -> Main.parse(new String[] {"--create-table-ms", "-1"}))
                .hasMessageContaining("must be within");
        assertThatThrownBy(() -> Main.parse(new String[] {"--host", " "}))
                .hasMessage("--host needs a non-blank value");
    }
}
