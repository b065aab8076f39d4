package dev.dynamite.core.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.NonAttribute;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.CodecNotFoundException;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.UnknownFieldException;
import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.schema.KeyTypeStrategies;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EntityMapperTest {
    private static final Codecs CODECS = Codecs.of(List.of());
    private static final Mappers STRING_KEYS = new Mappers(CODECS, KeyTypeStrategies.named("string"));
    private static final Mappers NATIVE_KEYS = new Mappers(CODECS, KeyTypeStrategies.named("native"));

    /** One field of each kind the round trip covers. */
    public static class Everything {
        @PrimaryKey public String id;
        public String name;
        @Name("e-mail address") public String email;
        public int count;
        public long views;
        public boolean active;
        public Instant createdAt;
        public List<String> tags;
        public Double rating;
        public BigDecimal price;
        public Set<String> labels;
        public Map<String, Integer> stock;
        public transient String cached;
        @NonAttribute public String displayName;
        public String role = "customer";
    }

    static Everything everything() {
        Everything e = new Everything();
        e.id = "u-1";
        e.name = "Ada";
        e.email = "ada@example.com";
        e.count = 42;
        e.views = 12_345_678_901L;
        e.active = true;
        e.createdAt = Instant.parse("2024-05-06T07:08:09.123456789Z");
        e.tags = List.of("a", "b", "a");
        e.rating = 4.5;
        e.price = new BigDecimal("12345678901234567890.123456789012345678");
        e.labels = new LinkedHashSet<>(List.of("x", "y"));
        e.stock = new LinkedHashMap<>(Map.of("red", 3));
        e.cached = "not stored";
        e.displayName = "not stored either";
        e.role = "admin";
        return e;
    }

    @Test
    void roundTripsEveryFieldThroughAnItem() {
        EntityMapper<Everything> mapper = STRING_KEYS.mapper(Everything.class);
        Everything original = everything();

        Map<String, AttributeValue> item = mapper.toItem(original);

        assertThat(item).containsOnlyKeys("id", "name", "e-mail address", "count", "views", "active", "createdAt",
                "tags", "rating", "price", "labels", "stock", "role");
        assertThat(item.get("id")).isEqualTo(AttributeValue.fromS("u-1"));
        assertThat(item.get("e-mail address")).isEqualTo(AttributeValue.fromS("ada@example.com"));
        assertThat(item.get("count")).isEqualTo(AttributeValue.fromN("42"));
        assertThat(item.get("views")).isEqualTo(AttributeValue.fromN("12345678901"));
        assertThat(item.get("active")).isEqualTo(AttributeValue.fromBool(true));
        assertThat(item.get("price").n()).isEqualTo("12345678901234567890.123456789012345678");
        assertThat(item.get("labels").ss()).containsExactly("x", "y");
        assertThat(item.get("stock").m()).containsEntry("red", AttributeValue.fromN("3"));
        assertThat(item.get("tags").l()).extracting(AttributeValue::s).containsExactly("a", "b", "a");

        Everything loaded = mapper.fromItem(item);

        assertThat(loaded).usingRecursiveComparison().ignoringFields("cached", "displayName").isEqualTo(original);
        assertThat(loaded.cached).isNull();
        assertThat(loaded.displayName).isNull();
        assertThat(loaded.price).isEqualTo(original.price);
        assertThat(loaded.createdAt).isEqualTo(original.createdAt);
    }

    @Test
    void leavesNullFieldsAndEmptySetsOut() {
        EntityMapper<Everything> mapper = STRING_KEYS.mapper(Everything.class);
        Everything e = new Everything();
        e.id = "u-2";
        e.labels = new LinkedHashSet<>();
        e.role = null;

        Map<String, AttributeValue> item = mapper.toItem(e);

        assertThat(item).containsOnlyKeys("id", "count", "views", "active");
        assertThat(mapper.toMap(e)).containsOnlyKeys("id", "count", "views", "active", "labels");
    }

    @Test
    void nullTypedValuesClearObjectFieldsAndLeavePrimitivesAtTheirDefault() {
        EntityMapper<Everything> mapper = STRING_KEYS.mapper(Everything.class);
        AttributeValue nul = AttributeValue.fromNul(true);

        Everything loaded = mapper.fromItem(Map.of("id", AttributeValue.fromS("u-3"), "role", nul, "count", nul,
                "active", nul));

        assertThat(loaded.id).isEqualTo("u-3");
        assertThat(loaded.role).as("a NULL attribute overrides the field initializer").isNull();
        assertThat(loaded.count).isZero();
        assertThat(loaded.active).isFalse();
        assertThat(mapper.fromItem(Map.of("id", AttributeValue.fromS("u-4"))).role)
                .as("an absent attribute leaves the constructed value").isEqualTo("customer");
    }

    @Test
    void returnsTheAttributesTheModelDoesNotDeclare() {
        EntityMapper<Everything> mapper = STRING_KEYS.mapper(Everything.class);
        Map<String, AttributeValue> item = new LinkedHashMap<>(mapper.toItem(everything()));
        item.put("legacy", AttributeValue.fromS("kept"));
        item.put("email", AttributeValue.fromS("not the e-mail address attribute"));
        item.put("displayName", AttributeValue.fromS("stored by someone else"));

        assertThat(mapper.undeclared(item)).containsExactly(
                Map.entry("legacy", AttributeValue.fromS("kept")),
                Map.entry("email", AttributeValue.fromS("not the e-mail address attribute")),
                Map.entry("displayName", AttributeValue.fromS("stored by someone else")));
        Everything loaded = mapper.fromItem(item);
        assertThat(loaded.email).isEqualTo("ada@example.com");
        assertThat(loaded.displayName).isNull();
    }

    @Test
    void toMapGetAndSetUseJavaFieldNames() {
        EntityMapper<Everything> mapper = STRING_KEYS.mapper(Everything.class);
        Everything e = everything();

        Map<String, Object> map = mapper.toMap(e);

        assertThat(map).containsEntry("email", "ada@example.com").containsEntry("count", 42)
                .doesNotContainKeys("e-mail address", "cached", "displayName");
        assertThat(mapper.get(e, "views")).isEqualTo(12_345_678_901L);
        mapper.set(e, "count", 7);
        mapper.set(e, "email", null);
        assertThat(e.count).isEqualTo(7);
        assertThat(e.email).isNull();
        assertThat(mapper.attributeName("email")).isEqualTo("e-mail address");
        assertThat(mapper.fieldNames()).startsWith("id", "name", "email").doesNotContain("cached", "displayName");
    }

    @Test
    void setRefusesValuesThatDoNotFitTheField() {
        EntityMapper<Everything> mapper = STRING_KEYS.mapper(Everything.class);
        Everything e = everything();

        assertThatThrownBy(() -> mapper.set(e, "count", 7L)).isInstanceOf(ModelValidationException.class)
                .hasMessage("Everything.count: cannot assign a java.lang.Long to a field of type int");
        assertThatThrownBy(() -> mapper.set(e, "count", null)).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("cannot assign null to a field of type int");
        assertThatThrownBy(() -> mapper.set(e, "name", 1)).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("java.lang.Integer", "java.lang.String");
        assertThat(e.count).isEqualTo(42);
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnes() {
        EntityMapper<Everything> mapper = STRING_KEYS.mapper(Everything.class);
        Everything e = everything();

        UnknownFieldException get = catchThrowableOfType(UnknownFieldException.class, () -> mapper.get(e, "nmae"));
        assertThat(get.model()).isEqualTo(Everything.class);
        assertThat(get.field()).isEqualTo("nmae");
        assertThat(get.knownFields()).isEqualTo(mapper.fieldNames());
        assertThat(get).hasMessageStartingWith("Everything.nmae: unknown field").hasMessageContaining("id, name, email");
        assertThatThrownBy(() -> mapper.set(e, "displayName", "x")).isInstanceOf(UnknownFieldException.class)
                .hasMessageContaining("displayName");
        assertThatThrownBy(() -> mapper.attributeName("e-mail address")).isInstanceOf(UnknownFieldException.class);
    }

    // ---------------------------------------------------------------- keys

    public static class Reading {
        @PrimaryKey public int sensor;
        @IndexSort @Name("taken_at") public long takenAt;
        public double value;
    }

    static Reading reading() {
        Reading r = new Reading();
        r.sensor = 7;
        r.takenAt = 1_700_000_000_000L;
        r.value = 21.5;
        return r;
    }

    @Test
    void theStringStrategyStoresNumericKeysAsText() {
        EntityMapper<Reading> mapper = STRING_KEYS.mapper(Reading.class);

        Map<String, AttributeValue> item = mapper.toItem(reading());

        assertThat(item).containsExactly(
                Map.entry("sensor", AttributeValue.fromS("7")),
                Map.entry("taken_at", AttributeValue.fromS("1700000000000")),
                Map.entry("value", AttributeValue.fromN("21.5")));
        assertThat(mapper.key(reading())).containsExactly(
                Map.entry("sensor", AttributeValue.fromS("7")),
                Map.entry("taken_at", AttributeValue.fromS("1700000000000")));
        assertThat(mapper.key(7, 1_700_000_000_000L)).isEqualTo(mapper.key(reading()));
        assertThat(mapper.fromItem(item)).usingRecursiveComparison().isEqualTo(reading());
    }

    @Test
    void theNativeStrategyStoresNumericKeysAsNumbers() {
        EntityMapper<Reading> mapper = NATIVE_KEYS.mapper(Reading.class);

        Map<String, AttributeValue> item = mapper.toItem(reading());

        assertThat(item).containsEntry("sensor", AttributeValue.fromN("7"))
                .containsEntry("taken_at", AttributeValue.fromN("1700000000000"));
        assertThat(mapper.key(reading())).containsOnlyKeys("sensor", "taken_at")
                .containsEntry("sensor", AttributeValue.fromN("7"));
        assertThat(mapper.fromItem(item)).usingRecursiveComparison().isEqualTo(reading());
        assertThat(mapper.keyTypeStrategy().name()).isEqualTo("native");
    }

    @Test
    void aKeyStoredUnderAnotherStrategyIsATypedError() {
        Map<String, AttributeValue> nativeItem = NATIVE_KEYS.mapper(Reading.class).toItem(reading());

        ModelValidationException e = catchThrowableOfType(ModelValidationException.class,
                () -> STRING_KEYS.mapper(Reading.class).fromItem(nativeItem));

        assertThat(e.model()).isEqualTo(Reading.class);
        assertThat(e.field()).contains("sensor");
        assertThat(e).hasMessageStartingWith("Reading.sensor: ").hasMessageContaining("int", "expected a DynamoDB S",
                "found a DynamoDB N", "key strategy 'string'");
    }

    @Test
    void keyValuesMustBePresentAndOfTheKeyType() {
        EntityMapper<Reading> readings = STRING_KEYS.mapper(Reading.class);
        EntityMapper<Everything> everything = STRING_KEYS.mapper(Everything.class);

        assertThatThrownBy(() -> readings.key("7", 1L)).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Reading.sensor", "int", "java.lang.String");
        assertThatThrownBy(() -> readings.key(7, null)).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Reading.takenAt", "sort key is null");
        assertThatThrownBy(() -> everything.key("u-1", "extra")).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("no sort key");
        assertThatThrownBy(() -> everything.key(new Everything())).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Everything.id", "partition key is null");
        assertThat(everything.key("u-1", null)).containsExactly(Map.entry("id", AttributeValue.fromS("u-1")));
    }

    // ---------------------------------------------------------------- stored values of the wrong type

    @Test
    void aStoredValueOfTheWrongTypeNamesModelFieldExpectedAndActualType() {
        EntityMapper<Everything> mapper = STRING_KEYS.mapper(Everything.class);

        ModelValidationException e = catchThrowableOfType(ModelValidationException.class, () -> mapper.fromItem(
                Map.of("id", AttributeValue.fromS("u-1"), "createdAt", AttributeValue.fromN("1700000000"))));

        assertThat(e.model()).isEqualTo(Everything.class);
        assertThat(e.field()).contains("createdAt");
        assertThat(e).hasMessageStartingWith("Everything.createdAt: stored attribute 'createdAt' cannot be read as"
                + " java.time.Instant").hasMessageContaining("found a DynamoDB N", "expected a DynamoDB S");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);

        assertThatThrownBy(() -> mapper.fromItem(Map.of("e-mail address", AttributeValue.fromBool(true))))
                .isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Everything.email", "'e-mail address'", "java.lang.String", "BOOL");
    }

    @Test
    void aValueTheCodecRefusesIsATypedError() {
        EntityMapper<Everything> mapper = STRING_KEYS.mapper(Everything.class);
        Everything e = everything();
        e.labels = new LinkedHashSet<>(Arrays.asList("a", null));

        assertThatThrownBy(() -> mapper.toItem(e)).isInstanceOf(ModelValidationException.class)
                .hasMessageStartingWith("Everything.labels: ").hasMessageContaining("cannot hold null")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- fields in superclasses

    public static class Base {
        @PrimaryKey private String id;
        protected Instant createdAt;

        String id() {
            return id;
        }
    }

    public static class Derived extends Base {
        private String title;
        private List<String> lines = new ArrayList<>();
    }

    @Test
    void readsAndWritesPrivateFieldsOfSuperclasses() {
        EntityMapper<Derived> mapper = STRING_KEYS.mapper(Derived.class);
        Derived d = new Derived();
        mapper.set(d, "id", "d-1");
        mapper.set(d, "title", "Hello");
        d.createdAt = Instant.EPOCH;

        Map<String, AttributeValue> item = mapper.toItem(d);
        Derived loaded = mapper.fromItem(item);

        assertThat(item).containsOnlyKeys("id", "createdAt", "title", "lines");
        assertThat(loaded.id()).isEqualTo("d-1");
        assertThat(loaded.title).isEqualTo("Hello");
        assertThat(loaded.createdAt).isEqualTo(Instant.EPOCH);
        assertThat(loaded.lines).isEmpty();
    }

    // ---------------------------------------------------------------- invalid models

    public static class NoDefaultConstructor {
        @PrimaryKey public String id;

        public NoDefaultConstructor(String id) {
            this.id = id;
        }
    }

    static class PackagePrivateConstructor {
        @PrimaryKey String id;
    }

    public abstract static class AbstractModel {
        @PrimaryKey public String id;
    }

    public class InnerModel {
        @PrimaryKey public String id;
    }

    @Test
    void aModelNeedsAPublicNoArgConstructor() {
        for (Class<?> model : List.of(NoDefaultConstructor.class, PackagePrivateConstructor.class, InnerModel.class)) {
            InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                    () -> STRING_KEYS.mapper(model));
            assertThat(e).as(model.getSimpleName()).isNotNull();
            assertThat(e.model()).isEqualTo(model);
            assertThat(e).hasMessageStartingWith(model.getName() + ": ")
                    .hasMessageContaining("needs a public no-arg constructor");
        }
        assertThatThrownBy(() -> STRING_KEYS.mapper(InnerModel.class)).hasMessageContaining("static");
        assertThatThrownBy(() -> STRING_KEYS.mapper(AbstractModel.class)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(AbstractModel.class.getName(), "is abstract");
    }

    public static class WithObjectField {
        @PrimaryKey public String id;
        public Object payload;
    }

    @Test
    void aFieldWithoutCodecIsACodecNotFoundException() {
        CodecNotFoundException e = catchThrowableOfType(CodecNotFoundException.class,
                () -> STRING_KEYS.mapper(WithObjectField.class));

        assertThat(e.model()).isEqualTo(WithObjectField.class);
        assertThat(e.field()).contains("payload");
        assertThat(e.type()).isEqualTo(Object.class);
        assertThat(e).hasMessageContaining(WithObjectField.class.getName() + ".payload", "java.lang.Object");
    }

    public static class WithFinalField {
        @PrimaryKey public String id;
        public final String fixed = "x";
    }

    public static class WithBooleanKey {
        @PrimaryKey public boolean id;
    }

    @Test
    void rejectsFinalFieldsAndKeysTheStrategyCannotStore() {
        assertThatThrownBy(() -> STRING_KEYS.mapper(WithFinalField.class)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(WithFinalField.class.getName() + ".fixed", "final", "@NonAttribute");
        assertThatThrownBy(() -> STRING_KEYS.mapper(WithBooleanKey.class)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(WithBooleanKey.class.getName() + ".id", "boolean", "'string'");
    }

    @Test
    void buildsOneMapperPerClassAndDoesNotCacheFailures() {
        assertThat(STRING_KEYS.mapper(Everything.class)).isSameAs(STRING_KEYS.mapper(Everything.class));
        assertThat(NATIVE_KEYS.mapper(Everything.class)).isNotSameAs(STRING_KEYS.mapper(Everything.class));
        assertThatThrownBy(() -> STRING_KEYS.mapper(WithObjectField.class))
                .isInstanceOf(CodecNotFoundException.class);
        assertThatThrownBy(() -> STRING_KEYS.mapper(WithObjectField.class))
                .isInstanceOf(CodecNotFoundException.class);
        assertThat(STRING_KEYS.codecs()).isSameAs(CODECS);
    }
}
