package dev.dynamite.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Conversions of map values, default texts and generated values to field types: lossless or refused. */
class ValuesTest {
    enum Color { RED, GREEN }

    @Test
    void convertsNumbersWhenTheValueFitsExactly() {
        assertThat(Values.coerce(5, long.class)).isEqualTo(5L);
        assertThat(Values.coerce(5L, Integer.class)).isEqualTo(5);
        assertThat(Values.coerce(2.5, BigDecimal.class)).isEqualTo(new BigDecimal("2.5"));
        assertThat(Values.coerce(new BigDecimal("12345678901234567890"), BigInteger.class))
                .isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(Values.coerce(3, double.class)).isEqualTo(3.0);
        assertThatThrownBy(() -> Values.coerce(2.5, int.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be converted to int");
        assertThatThrownBy(() -> Values.coerce(1L << 40, Integer.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Values.coerce(300, byte.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesTextForNumbersBooleansEnumsUuidsAndDates() {
        assertThat(Values.coerce("12", Integer.class)).isEqualTo(12);
        assertThat(Values.coerce("TRUE", boolean.class)).isEqualTo(true);
        assertThat(Values.coerce("GREEN", Color.class)).isEqualTo(Color.GREEN);
        UUID uuid = UUID.randomUUID();
        assertThat(Values.coerce(uuid.toString(), UUID.class)).isEqualTo(uuid);
        assertThat(Values.coerce("2026-11-25", LocalDate.class)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(Values.coerce("2026-11-25T16:13:30.120Z", long.class))
                .isEqualTo(Instant.parse("2026-11-25T16:13:30.120Z").toEpochMilli());
        assertThatThrownBy(() -> Values.coerce("yes", Boolean.class)).hasMessageContaining("not a boolean");
        assertThatThrownBy(() -> Values.coerce("BLUE", Color.class)).hasMessageContaining("not a constant of Color");
        assertThatThrownBy(() -> Values.coerce("many", int.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("many");
    }

    @Test
    void convertsInstantsToEveryTimestampFieldType() {
        Instant instant = Instant.parse("2026-11-25T16:13:30.1Z");
        assertThat(Values.coerce(instant, String.class)).isEqualTo("2026-11-25T16:13:30.100Z");
        assertThat(Values.coerce(instant, long.class)).isEqualTo(instant.toEpochMilli());
        assertThat(Values.coerce(instant, Instant.class)).isSameAs(instant);
        assertThat(Values.coerce(Instant.now().truncatedTo(ChronoUnit.MILLIS), String.class).toString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void refusesValuesOfUnrelatedTypes() {
        assertThatThrownBy(() -> Values.coerce(new Object(), String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit a field of type java.lang.String");
        assertThatThrownBy(() -> Values.coerce(true, int.class)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Values.coerce(null, String.class)).isNull();
    }
}
