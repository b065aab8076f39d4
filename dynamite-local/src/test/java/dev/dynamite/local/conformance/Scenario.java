package dev.dynamite.local.conformance;

import dev.dynamite.local.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One conformance scenario: fixture tables, then a sequence of requests whose responses are compared between the
 * backends (or, for scenarios dynalite cannot run, checked against what DynamoDB documents).
 *
 * @param file the resource file it came from
 * @param name what it shows
 * @param tables fixture names (from {@code fixtures.json}) to create before the steps
 * @param localOnly why dynalite cannot run it, or null when both backends run it
 * @param steps the requests
 */
record Scenario(String file, String name, List<String> tables, @Nullable String localOnly, List<Step> steps) {

    /**
     * One request.
     *
     * @param op the operation, e.g. {@code PutItem}
     * @param request the request body; {@code $name} in strings stands for the fixture table {@code name}
     * @param unordered member names whose lists are compared as sets (Scan results, ListTables, …)
     * @param expect what the response must be, as {@code {"status": 200, "body": {...}}} or with only a
     *     {@code "error"} type; checked on every backend that runs the step
     * @param departs why dynalite departs from DynamoDB here: the step is then checked on dynamite-local only
     * @param ignore member names dropped from both responses before comparing (e.g. values dynalite cannot know)
     */
    record Step(String op, Map<String, Object> request, List<String> unordered, @Nullable Map<String, Object> expect,
                @Nullable String departs, List<String> ignore) {
    }

    @SuppressWarnings("unchecked")
    static List<Scenario> load(String file) throws IOException {
        try (InputStream in = Scenario.class.getResourceAsStream("/conformance/" + file)) {
            if (in == null) {
                throw new IOException("missing resource conformance/" + file);
            }
            List<Object> json = (List<Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Scenario> scenarios = new ArrayList<>();
            for (Object o : json) {
                Map<String, Object> s = (Map<String, Object>) o;
                List<Step> steps = new ArrayList<>();
                for (Object st : (List<Object>) s.get("steps")) {
                    Map<String, Object> step = (Map<String, Object>) st;
                    steps.add(new Step((String) step.get("op"), (Map<String, Object>) step.get("request"),
                            strings(step.get("unordered")), (Map<String, Object>) step.get("expect"),
                            (String) step.get("departs"), strings(step.get("ignore"))));
                }
                scenarios.add(new Scenario(file, (String) s.get("name"), strings(s.get("tables")),
                        (String) s.get("localOnly"), steps));
            }
            return scenarios;
        }
    }

    private static List<String> strings(@Nullable Object o) {
        if (o == null) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        for (Object e : (List<?>) o) {
            list.add((String) e);
        }
        return list;
    }
}
