package dev.dynamite.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.meta.Attribute;
import dev.dynamite.meta.CollectionAttribute;
import dev.dynamite.meta.ComparableAttribute;
import dev.dynamite.meta.Filter;
import dev.dynamite.meta.GeneratedField;
import dev.dynamite.meta.GeneratedModel;
import dev.dynamite.meta.GeneratedModels;
import dev.dynamite.meta.NumberAttribute;
import dev.dynamite.meta.Operator;
import dev.dynamite.meta.StringAttribute;
import dev.dynamite.meta.Update;
import java.math.BigDecimal;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metamodels the processor writes: one typed constant per persisted field of a record, a class extending nothing
 * and a nested model, none for relations or unpersisted fields; the typed filters built from them, and the ones of
 * the wrong type that do not compile.
 */
class MetamodelTest {
    static final String ORDER = """
            package shop;

            import dev.dynamite.annotation.BelongsTo;
            import dev.dynamite.annotation.DeleteAt;
            import dev.dynamite.annotation.Name;
            import dev.dynamite.annotation.PrimaryKey;
            import dev.dynamite.annotation.Version;
            import java.math.BigDecimal;
            import java.time.Instant;
            import java.util.List;
            import java.util.Set;

            public record Order(@PrimaryKey String id, String userId, BigDecimal total, Status status,
                                @Name("note_text") String note, Set<String> tags, List<Integer> scores, int logins,
                                Instant placedAt, boolean gift, @DeleteAt String deletedAt, @Version long version,
                                @BelongsTo(model = Buyer.class, localKey = "userId") Buyer buyer) {
                public static final int LIMIT = 3;
            }
            """;

    static final String STATUS = """
            package shop;

            public enum Status { PENDING, PAID }
            """;

    static final String BUYER = """
            package shop;

            import dev.dynamite.annotation.HasMany;
            import dev.dynamite.annotation.NonAttribute;
            import dev.dynamite.annotation.PrimaryKey;
            import java.util.List;

            public class Buyer {
                @PrimaryKey public String id;
                public String name;
                public Long credit;
                public transient String cache;
                @NonAttribute public String session;
                @HasMany(model = Order.class, foreignKey = "userId") public List<Order> orders;

                static class Note {
                    @PrimaryKey String id;
                    byte[] body;

                    public Note() {
                    }
                }
            }
            """;

    static final String USE = """
            package shop;

            import dev.dynamite.meta.Filter;
            import dev.dynamite.meta.Update;
            import java.math.BigDecimal;

            public final class Use {
                public static Filter<Order> filter() {
                    return Order_.total.gte(new BigDecimal("10")).and(Order_.status.in(Status.PENDING, Status.PAID))
                            .or(Filter.not(Order_.tags.contains("gift")).and(Order_.deletedAt.notExists()));
                }

                public static Update<Order> update() {
                    return Order_.note.set("hi").and(Order_.placedAt.remove());
                }

                public static Update<Order> counter() {
                    return Order_.logins.add(1);
                }

                public static Filter<Buyer> buyer() {
                    return Buyer_.credit.between(1L, 5L).and(Buyer_.name.beginsWith("A"));
                }
            }
            """;

    private static Map<String, String> shop(String use) {
        return Map.of("shop/Order.java", ORDER, "shop/Status.java", STATUS, "shop/Buyer.java", BUYER,
                "shop/Use.java", use);
    }

    @Test
    void eachPersistedFieldHasATypedConstantAndRelationsAndUnpersistedFieldsHaveNone(@TempDir Path dir)
            throws Exception {
        Compilation compiled = Compilation.of(dir, shop(USE));

        assertThat(compiled.success).as("%s", compiled).isTrue();
        assertThat(compiled.problems).as("no warning in a -Werror build").noneMatch(p ->
                p.kind() == Diagnostic.Kind.WARNING || p.kind() == Diagnostic.Kind.MANDATORY_WARNING);
        try (URLClassLoader loader = compiled.loader()) {
            Class<?> orderMeta = loader.loadClass("shop.Order_");
            Class<?> order = loader.loadClass("shop.Order");
            assertThat(names(orderMeta)).containsExactly("id", "userId", "total", "status", "note", "tags", "scores",
                    "logins", "placedAt", "gift", "deletedAt", "version");
            assertThat(constant(orderMeta, "id")).isInstanceOf(StringAttribute.class);
            assertThat(constant(orderMeta, "total")).isInstanceOf(NumberAttribute.class)
                    .extracting(Attribute::type).isEqualTo(BigDecimal.class);
            assertThat(constant(orderMeta, "logins")).isInstanceOf(NumberAttribute.class)
                    .extracting(Attribute::type).isEqualTo(int.class);
            assertThat(constant(orderMeta, "placedAt")).isInstanceOf(ComparableAttribute.class)
                    .extracting(Attribute::type).isEqualTo(Instant.class);
            assertThat(constant(orderMeta, "tags")).isInstanceOf(CollectionAttribute.class)
                    .extracting(Attribute::type).isEqualTo(Set.class);
            assertThat(constant(orderMeta, "scores")).isInstanceOf(CollectionAttribute.class);
            assertThat(constant(orderMeta, "status").getClass()).isEqualTo(Attribute.class);
            assertThat(constant(orderMeta, "gift").getClass()).isEqualTo(Attribute.class);
            assertThat(constant(orderMeta, "note").name()).as("the Java name, not the stored one").isEqualTo("note");
            assertThat(constant(orderMeta, "note").model()).isEqualTo(order);

            assertThat(names(loader.loadClass("shop.Buyer_"))).containsExactly("id", "name", "credit");
            Class<?> note = loader.loadClass("shop.Buyer_Note_");
            assertThat(names(note)).containsExactly("id", "body");
            assertThat(java.lang.reflect.Modifier.isPublic(note.getModifiers()))
                    .as("a package-private model has a package-private metamodel").isFalse();

            Class<?> use = loader.loadClass("shop.Use");
            Filter<?> filter = (Filter<?>) use.getMethod("filter").invoke(null);
            Filter<?> expected = Filter.or(
                    Filter.and(new Filter.Test<>("total", Operator.GE, new BigDecimal("10")),
                            new Filter.Test<>("status", Operator.IN, List.of(
                                    loader.loadClass("shop.Status").getEnumConstants()))),
                    Filter.and(Filter.not(new Filter.Test<>("tags", Operator.CONTAINS, "gift")),
                            new Filter.Test<>("deletedAt", Operator.NOT_EXISTS, null)));
            assertThat(filter).isEqualTo(expected);
            Update<?> update = (Update<?>) use.getMethod("update").invoke(null);
            assertThat(update.changes()).containsExactly(new Update.Change("note", Update.Kind.SET, "hi"),
                    new Update.Change("placedAt", Update.Kind.REMOVE, null));
            assertThat(((Update<?>) use.getMethod("counter").invoke(null)).changes())
                    .containsExactly(new Update.Change("logins", Update.Kind.ADD, 1));
            assertThat(use.getMethod("buyer").invoke(null)).isEqualTo(Filter.and(
                    new Filter.Test<>("credit", Operator.BETWEEN, List.of(1L, 5L)),
                    new Filter.Test<>("name", Operator.BEGINS_WITH, "A")));
        }
        try (URLClassLoader loader = compiled.loader()) {
            Class<?> order = loader.loadClass("shop.Order");
            GeneratedModel<?> generated = GeneratedModels.find(order);
            assertThat(generated).as("the metamodel registers the model's code when it is initialized").isNotNull();
            assertThat(generated.fields()).extracting(GeneratedField::name).containsExactly("id", "userId", "total",
                    "status", "note", "tags", "scores", "logins", "placedAt", "gift", "deletedAt", "version", "buyer");
            Object made = generated.construct(new Object[] {"o1", "u1", BigDecimal.TEN, null, "hi", Set.of("a"),
                    List.of(1), 3, null, true, null, 7L, null});
            assertThat(generated.fields().get(7).getter().apply(made)).isEqualTo(3);
            GeneratedField note = generated.fields().get(4);
            assertThat(note.annotationNames()).as("named, so the run time knows them without making them")
                    .containsExactly("dev.dynamite.annotation.Name");
            dev.dynamite.annotation.Name name = note.annotation(dev.dynamite.annotation.Name.class);
            assertThat(name).as("made by the generated code when asked for").isNotNull();
            assertThat(name.value()).isEqualTo("note_text");
            assertThat(name.annotationType()).isEqualTo(dev.dynamite.annotation.Name.class);
            assertThat(note.annotation(dev.dynamite.annotation.Name.class)).as("made once").isSameAs(name);
            assertThat(note.annotation(dev.dynamite.annotation.Version.class)).isNull();
            assertThat(note.annotations()).containsExactly(name);
            assertThat(generated.fields().get(1).annotationNames()).isEmpty();
            assertThat(generated.fields().get(1).annotations()).isEmpty();
            assertThat(generated.fields().get(5).genericType()).isEqualTo(order.getRecordComponents()[5]
                    .getGenericType());

            Class<?> buyer = loader.loadClass("shop.Buyer");
            GeneratedModel<?> buyers = GeneratedModels.find(buyer);
            Object ada = buyers.newInstance();
            buyers.fields().get(1).setter().accept(ada, "Ada");
            assertThat(buyer.getField("name").get(ada)).isEqualTo("Ada");
            assertThat(buyers.fields()).extracting(GeneratedField::name)
                    .containsExactly("id", "name", "credit", "session", "orders");
        }
        assertThat(compiled.generatedSource("shop/Order_.java"))
                .contains("public final class Order_")
                .contains("public static final dev.dynamite.meta.CollectionAttribute<shop.Order, java.lang.String,"
                        + " java.util.Set<java.lang.String>> tags");
    }

    @Test
    void aModelItsCodeCannotReachIsReadByReflectionAndSaysWhy(@TempDir Path dir) throws Exception {
        String hidden = """
                package shop;

                import dev.dynamite.annotation.PrimaryKey;

                public class Hidden {
                    @PrimaryKey private String id;
                    public String name;
                }
                """;
        Compilation compiled = Compilation.of(dir, Map.of("shop/Hidden.java", hidden));

        assertThat(compiled.success).as("%s", compiled).isTrue();
        assertThat(compiled.problems).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(Diagnostic.Kind.NOTE);
            assertThat(p.message()).contains("shop.Hidden by reflection").contains("field id is private");
        });
        try (URLClassLoader loader = compiled.loader()) {
            Class<?> model = loader.loadClass("shop.Hidden");
            assertThat(GeneratedModels.find(model)).isNull();
            assertThat(names(loader.loadClass("shop.Hidden_"))).as("the metamodel is written all the same")
                    .containsExactly("id", "name");
        }
    }

    @Test
    void anImmutableClassIsAModelMadeWithItsAllFieldsConstructor(@TempDir Path dir) throws Exception {
        String receipt = """
                package shop;

                import dev.dynamite.annotation.PrimaryKey;

                public final class Receipt {
                    @PrimaryKey public final String id;
                    public final long cents;

                    public Receipt(String id, long cents) {
                        this.id = id;
                        this.cents = cents;
                    }
                }
                """;
        Compilation compiled = Compilation.of(dir, Map.of("shop/Receipt.java", receipt));

        assertThat(compiled.success).as("final fields and no no-arg constructor: an immutable class, no error %s",
                compiled).isTrue();
        try (URLClassLoader loader = compiled.loader()) {
            Class<?> model = loader.loadClass("shop.Receipt");
            GeneratedModel<?> generated = GeneratedModels.find(model);
            assertThat(generated.immutable()).isTrue();
            Object made = generated.construct(new Object[] {"r1", 250L});
            assertThat(generated.fields().get(1).getter().apply(made)).isEqualTo(250L);
            assertThat(generated.fields().get(1).setter()).isNull();
            assertThat(names(loader.loadClass("shop.Receipt_"))).containsExactly("id", "cents");
        }
    }

    @Test
    void anImmutableClassWithOnlyABuilderIsMadeThroughItsBuilder(@TempDir Path dir) throws Exception {
        String parcel = """
                package shop;

                import dev.dynamite.annotation.PrimaryKey;

                public final class Parcel {
                    @PrimaryKey final String id;
                    final int grams;
                    final String carrier;

                    private Parcel(Builder b) {
                        this.id = b.id;
                        this.grams = b.grams;
                        this.carrier = b.carrier == null ? "none" : b.carrier;
                    }

                    public static Builder builder() {
                        return new Builder();
                    }

                    public static final class Builder {
                        private String id;
                        private int grams;
                        private String carrier;

                        public Builder id(String id) {
                            this.id = id;
                            return this;
                        }

                        public Builder setGrams(int grams) {
                            this.grams = grams;
                            return this;
                        }

                        public void withCarrier(String carrier) {
                            this.carrier = carrier;
                        }

                        public Parcel build() {
                            return new Parcel(this);
                        }
                    }
                }
                """;
        // final fields, a builder that misses one of them: not immutable, so the final field is the mistake
        String broken = """
                package shop;

                import dev.dynamite.annotation.PrimaryKey;

                public final class Broken {
                    @PrimaryKey final String id;
                    final int grams;

                    private Broken(String id) {
                        this.id = id;
                        this.grams = 0;
                    }

                    public static Builder builder() {
                        return new Builder();
                    }

                    public static final class Builder {
                        private String id;

                        public Builder id(String id) {
                            this.id = id;
                            return this;
                        }

                        public Broken build() {
                            return new Broken(id);
                        }
                    }
                }
                """;
        Compilation compiled = Compilation.of(dir, Map.of("shop/Parcel.java", parcel));
        assertThat(compiled.success).as("%s", compiled).isTrue();
        try (URLClassLoader loader = compiled.loader()) {
            GeneratedModel<?> generated = GeneratedModels.find(loader.loadClass("shop.Parcel"));
            assertThat(generated.immutable()).isTrue();
            Object made = generated.construct(new Object[] {"p1", 1200, null});
            assertThat(generated.fields().get(0).getter().apply(made)).isEqualTo("p1");
            assertThat(generated.fields().get(1).getter().apply(made)).isEqualTo(1200);
            assertThat(generated.fields().get(2).getter().apply(made)).as("build() ran").isEqualTo("none");
        }
        Compilation refused = Compilation.of(dir.resolve("broken"), Map.of("shop/Broken.java", broken));
        assertThat(refused.success).isFalse();
        assertThat(refused.problems).anySatisfy(p -> assertThat(p.message())
                .startsWith("shop.Broken.id: is final, but Dynamite assigns persisted fields"));
    }

    @Test
    void aFilterOfTheWrongTypeDoesNotCompile(@TempDir Path dir) {
        Map<String, String> wrong = Map.of(
                "total.gte(\"ten\")", "Order_.total.gte(\"ten\")",
                "tags.contains(5)", "Order_.tags.contains(5)",
                "status.eq(\"PAID\") on an enum", "Order_.status.eq(\"PAID\")",
                "a range on an enum", "Order_.status.gt(Status.PAID)",
                "a prefix of a number", "Order_.total.beginsWith(\"1\")",
                "a relation", "Order_.buyer.exists()",
                "another model's attribute", "Buyer_.name.eq(\"x\")",
                "an addition to a string", "Order_.note.add(1)");
        int run = 0;
        for (Map.Entry<String, String> mistake : wrong.entrySet()) {
            String expression = mistake.getValue();
            boolean update = expression.contains(".add(");
            String use = "package shop;\n\npublic final class Use {\n    static Object use() {\n"
                    + "        dev.dynamite.meta." + (update ? "Update" : "Filter") + "<Order> x = " + expression
                    + ";\n        return x;\n    }\n}\n";
            Compilation compiled = Compilation.of(dir.resolve("run" + run++), shop(use));

            assertThat(compiled.success).as(mistake.getKey()).isFalse();
            assertThat(compiled.errors()).as(mistake.getKey()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.file()).isEqualTo("Use.java");
                assertThat(error.lineText()).contains(expression);
            });
        }
    }

    private static List<String> names(Class<?> metamodel) {
        return java.util.Arrays.stream(metamodel.getDeclaredFields()).map(java.lang.reflect.Field::getName).toList();
    }

    private static Attribute<?, ?> constant(Class<?> metamodel, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = metamodel.getDeclaredField(name);
        field.setAccessible(true);
        return (Attribute<?, ?>) field.get(null);
    }
}
