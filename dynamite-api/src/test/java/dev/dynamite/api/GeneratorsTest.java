package dev.dynamite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The built-in generators of {@code @Default(generator = …)}. */
class GeneratorsTest {
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void uuidsAreRandomVersionFourStrings() {
        UuidGenerator generator = new UuidGenerator();
        String first = generator.generate();
        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(generator.generate()).isNotEqualTo(first);
    }

    @Test
    void nowIsFixedWidthIsoUtcWithMilliseconds() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T16:13:30.1Z"), ZoneOffset.UTC);
        assertThat(new NowGenerator(clock).generate()).isEqualTo("2026-11-25T16:13:30.100Z");
        assertThat(NowGenerator.format(Instant.parse("2026-01-02T03:04:05.678912Z")))
                .isEqualTo("2026-01-02T03:04:05.678Z");
    }

    @Test
    void ulidsCarryTheTimeAndIncreaseStrictlyWithinOneMillisecond() {
        Instant time = Instant.parse("2026-11-25T16:13:30.123Z");
        UlidGenerator generator = new UlidGenerator(Clock.fixed(time, ZoneOffset.UTC));
        List<String> ulids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ulids.add(generator.generate());
        }
        assertThat(ulids).isSorted().doesNotHaveDuplicates();
        assertThat(new HashSet<>(ulids)).hasSize(1000);
        for (String ulid : ulids) {
            assertThat(ulid).hasSize(26);
            assertThat(ulid.chars()).allMatch(c -> CROCKFORD.indexOf(c) >= 0);
        }
        long millis = 0;
        for (char c : ulids.get(0).substring(0, 10).toCharArray()) {
            millis = millis * 32 + CROCKFORD.indexOf(c);
        }
        assertThat(millis).isEqualTo(time.toEpochMilli());
    }

    @Test
    void ulidsFromALaterMillisecondSortAfter() {
        UlidGenerator generator = new UlidGenerator();
        String first = generator.generate();
        String later = new UlidGenerator(Clock.offset(Clock.systemUTC(), java.time.Duration.ofSeconds(1))).generate();
        assertThat(later).isGreaterThan(first);
    }
}
