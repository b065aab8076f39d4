package dev.dynamite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.examples.money.Money;
import dev.dynamite.examples.money.MoneyCodec;
import dev.dynamite.examples.money.MoneyCodecProvider;
import dev.dynamite.spi.CodecProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example's own codec plugin: registered twice (module-info and META-INF/services), in agreement. */
class CodecPluginTest {

    @Test
    void theProvidesLineAndTheServicesFileNameTheSameProvider() throws IOException {
        List<String> provided = CodecPluginTest.class.getModule().getDescriptor().provides().stream()
                .filter(p -> p.service().equals(CodecProvider.class.getName()))
                .flatMap(p -> p.providers().stream()).toList();
        List<String> listed;
        try (InputStream in = CodecPluginTest.class.getModule()
                .getResourceAsStream("META-INF/services/" + CodecProvider.class.getName())) {
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        assertThat(provided).containsExactly(MoneyCodecProvider.class.getName()).isEqualTo(listed);
        assertThat(CodecPluginTest.class.getModule().getDescriptor().requires())
                .extracting(ModuleDescriptor.Requires::name).doesNotContain("dev.dynamite.codec.jackson");
    }

    @Test
    void moneyRoundTripsKeepingItsScale() {
        MoneyCodec codec = new MoneyCodec();
        Money money = new Money(new BigDecimal("12.50"), "EUR");
        assertThat(codec.encode(money).s()).isEqualTo("12.50 EUR");
        assertThat(codec.decode(codec.encode(money))).isEqualTo(money);
        assertThat(new MoneyCodecProvider().codecFor(Money.class, null)).containsInstanceOf(MoneyCodec.class);
        assertThat(new MoneyCodecProvider().codecFor(String.class, null)).isEmpty();
    }
}
