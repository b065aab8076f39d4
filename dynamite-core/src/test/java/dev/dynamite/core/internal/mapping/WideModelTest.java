package dev.dynamite.core.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.schema.KeyTypeStrategies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code toItem} of a model with more fields than one combined getter handle reads ({@code Property#readAll}). */
class WideModelTest {
    private static final Mappers MAPPERS = new Mappers(Codecs.of(List.of()), KeyTypeStrategies.named("string"));

    /** 70 persisted fields. */
    public static class Wide {
        @PrimaryKey public String id;
        public int f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31, f32, f33, f34, f35, f36, f37, f38, f39, f40, f41, f42, f43, f44, f45, f46, f47, f48, f49, f50, f51, f52, f53, f54, f55, f56, f57, f58, f59, f60, f61, f62, f63, f64, f65, f66, f67, f68, f69;
    }

    /** A small model, read by the combined handle. */
    public static class Narrow {
        @PrimaryKey public String id;
        public long amount;
        public String note;
    }

    @Test
    void mapsEveryFieldOfAWideModel() {
        EntityMapper<Wide> mapper = MAPPERS.mapper(Wide.class);
        Wide wide = new Wide();
        wide.id = "w";
        wide.f1 = 1;
        wide.f69 = 69;

        Map<String, AttributeValue> item = mapper.toItem(wide);

        assertThat(item).hasSize(70);
        assertThat(item.get("id")).isEqualTo(AttributeValue.fromS("w"));
        assertThat(item.get("f1")).isEqualTo(AttributeValue.fromN("1"));
        assertThat(item.get("f2")).isEqualTo(AttributeValue.fromN("0"));
        assertThat(item.get("f69")).isEqualTo(AttributeValue.fromN("69"));
        assertThat(List.copyOf(item.keySet())).isEqualTo(mapper.fieldNames());
        Wide back = mapper.fromItem(item);
        assertThat(back.f1).isEqualTo(1);
        assertThat(back.f69).isEqualTo(69);
    }

    @Test
    void mapsEveryFieldOfANarrowModel() {
        EntityMapper<Narrow> mapper = MAPPERS.mapper(Narrow.class);
        Narrow narrow = new Narrow();
        narrow.id = "n";
        narrow.amount = 12_345_678_901L;

        Map<String, AttributeValue> item = mapper.toItem(narrow);

        assertThat(List.copyOf(item.keySet())).containsExactly("id", "amount");
        assertThat(item.get("amount")).isEqualTo(AttributeValue.fromN("12345678901"));
    }
}
