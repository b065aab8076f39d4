package dev.dynamite.local.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The protocol's JSON writer: escapes, and JSON already written copied as it is. */
class JsonTest {

    @Test
    void textIsEscapedWhereverTheCharacterToEscapeIs() {
        assertThat(Json.write("plain text")).isEqualTo("\"plain text\"");
        assertThat(Json.write("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
        assertThat(Json.write("\"first")).isEqualTo("\"\\\"first\"");
        assertThat(Json.write("back\\slash\u0001")).isEqualTo("\"back\\\\slash\\u0001\"");
        assertThat(Json.write("")).isEqualTo("\"\"");
        assertThat(Json.parse(Json.write("mixed \"q\" \t\\ \u0002 end"))).isEqualTo("mixed \"q\" \t\\ \u0002 end");
    }

    @Test
    void rawJsonIsCopiedAsItIs() {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Items", List.of(new Json.Raw("{\"pk\":{\"S\":\"a\"}}"), Map.of("pk", Map.of("S", "b"))));
        response.put("Item", new Json.Raw("{\"n\":{\"N\":\"1.5\"}}"));

        String written = Json.write(response);

        assertThat(written).isEqualTo("{\"Items\":[{\"pk\":{\"S\":\"a\"}},{\"pk\":{\"S\":\"b\"}}],"
                + "\"Item\":{\"n\":{\"N\":\"1.5\"}}}");
        assertThat(Json.parse(written)).isInstanceOf(Map.class);
    }
}
