package dev.dynamite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.core.internal.GlobalRegistry;
import dev.dynamite.core.internal.codec.CodecArbitraries;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every built-in codec round-trips through dynalite: entities of generated values (38-digit decimals, any Unicode,
 * binary, nested collections) are created, read back, and compared field by field.
 */
class CodecRoundTripIT {
    enum Color { RED, GREEN, BLUE }

    public static final class Everything extends Table<Everything> {
        @PrimaryKey public String id;
        public String text;
        public BigDecimal decimal;
        public BigInteger integer;
        public double real;
        public Float single;
        public long wide;
        public Integer boxed;
        public short small;
        public byte tiny;
        public boolean flag;
        public Character letter;
        public byte[] bytes;
        public Color color;
        public UUID uuid;
        public Instant instant;
        public LocalDate date;
        public LocalDateTime dateTime;
        public OffsetDateTime offsetDateTime;
        public List<String> strings;
        public Set<String> stringSet;
        public Set<Integer> numberSet;
        public Set<byte[]> byteSet;
        public Map<String, BigDecimal> amounts;
        public List<Instant> instants;
        public Map<String, List<BigDecimal>> nested;
        public List<List<byte[]>> nestedBytes;
    }

    private static Dynamite dynamite;

    @BeforeContainer
    static void connect() {
        dynamite = new Dynamite(TestServer.config().tables(Everything.class).build());
        dynamite.sync();
    }

    @AfterContainer
    static void disconnect() {
        TestServer.dropTables(dynamite.getClient(), dynamite.config().tablePrefix());
        dynamite.disconnect();
        GlobalRegistry.clear();
    }

    @Provide
    Arbitrary<Everything> entities() {
        Arbitrary<String> unicode = CodecArbitraries.unicode();
        Arbitrary<BigDecimal> decimals = CodecArbitraries.decimals();
        Arbitrary<Instant> instants = Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
        return Builders.withBuilder(Everything::new)
                .use(unicode).in((e, v) -> set(e, () -> e.text = v))
                .use(decimals).in((e, v) -> set(e, () -> e.decimal = v))
                .use(decimals.map(BigDecimal::toBigInteger)).in((e, v) -> set(e, () -> e.integer = v))
                .use(CodecArbitraries.storableDoubles()).in((e, v) -> set(e, () -> e.real = v == 0 ? 0.0 : v))
                .use(Arbitraries.floats().between(-1e30f, 1e30f)).in((e, v) -> set(e, () -> e.single = v))
                .use(Arbitraries.longs()).in((e, v) -> set(e, () -> e.wide = v))
                .use(Arbitraries.integers()).in((e, v) -> set(e, () -> e.boxed = v))
                .use(Arbitraries.shorts()).in((e, v) -> set(e, () -> e.small = v))
                .use(Arbitraries.bytes()).in((e, v) -> set(e, () -> e.tiny = v))
                .use(Arbitraries.of(true, false)).in((e, v) -> set(e, () -> e.flag = v))
                .use(Arbitraries.chars().filter(c -> !Character.isSurrogate(c))).in((e, v) -> set(e, () -> e.letter = v))
                .use(CodecArbitraries.bytes().filter(b -> b.length > 0)).in((e, v) -> set(e, () -> e.bytes = v))
                .use(Arbitraries.of(Color.class)).in((e, v) -> set(e, () -> e.color = v))
                .use(Arbitraries.create(UUID::randomUUID)).in((e, v) -> set(e, () -> e.uuid = v))
                .use(instants).in((e, v) -> set(e, () -> e.instant = v))
                .use(instants.map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC))).in((e, v) -> set(e, () -> e.date = v))
                .use(instants.map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC)))
                .in((e, v) -> set(e, () -> e.dateTime = v))
                .use(instants.map(i -> i.atOffset(ZoneOffset.ofHours(5)))).in((e, v) -> set(e, () -> e.offsetDateTime = v))
                .use(unicode.list().ofMaxSize(5)).in((e, v) -> set(e, () -> e.strings = v))
                .use(unicode.set().ofMinSize(1).ofMaxSize(5)).in((e, v) -> set(e, () -> e.stringSet = v))
                .use(Arbitraries.integers().set().ofMinSize(1).ofMaxSize(5)).in((e, v) -> set(e, () -> e.numberSet = v))
                .use(CodecArbitraries.bytes().filter(b -> b.length > 0).list().ofMinSize(1).ofMaxSize(1)
                        .map(Set::copyOf)).in((e, v) -> set(e, () -> e.byteSet = v))
                .use(Arbitraries.maps(unicode, decimals).ofMaxSize(4)).in((e, v) -> set(e, () -> e.amounts = v))
                .use(instants.list().ofMaxSize(4)).in((e, v) -> set(e, () -> e.instants = v))
                .use(Arbitraries.maps(unicode, decimals.list().ofMaxSize(3)).ofMaxSize(3))
                .in((e, v) -> set(e, () -> e.nested = v))
                .use(CodecArbitraries.bytes().list().ofMaxSize(3).list().ofMaxSize(3))
                .in((e, v) -> set(e, () -> e.nestedBytes = v))
                .build();
    }

    private static Everything set(Everything entity, Runnable assignment) {
        assignment.run();
        return entity;
    }

    @Property(tries = 60)
    void everyBuiltInCodecRoundTripsThroughTheServer(@ForAll("entities") Everything entity) {
        entity.id = UUID.randomUUID().toString();
        Model<Everything> model = dynamite.model(Everything.class);
        model.create(entity);

        Everything loaded = model.find(entity.id).orElseThrow();

        assertThat(loaded).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .ignoringFields("byteSet", "dynamiteState")
                .isEqualTo(entity);
        assertThat(loaded.byteSet).hasSameSizeAs(entity.byteSet);
        assertThat(loaded.byteSet.iterator().next()).isEqualTo(entity.byteSet.iterator().next());
    }
}
