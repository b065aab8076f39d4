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
     * @param request the request body; {@code $name} in strings stands for the fixture table {@code name}, and
     *     {@code {"$repeat": "x", "times": n}} for the string {@code x} repeated n times
     * @param unordered member names whose lists are compared as sets (Scan results, ListTables, …)
     * @param expect what the response must be, checked on every backend that runs the step: any of {@code status},
     *     {@code error} (the error code), {@code message} (the error message), {@code body} (the whole normalized body)
     *     and {@code members} (some members of the body, each compared whole)
     * @param departs why dynalite departs from DynamoDB here: the step is then checked on dynamite-local only
     * @param ignore member names dropped from both responses before comparing (e.g. values dynalite cannot know)
     * @param pages whether to read every page of a Query or Scan: the request is repeated with each
     *     {@code LastEvaluatedKey} as {@code ExclusiveStartKey} until there is none, and the pages are compared as one
     *     answer ({@code Items} joined, {@code Count} and {@code ScannedCount} summed), since where a page ends
     *     depends on the server's item order
     * @param segments for a parallel Scan, the number of segments to read, each with all its pages: the request is
     *     repeated with {@code Segment} 0 to n-1 and {@code TotalSegments} n, and the segments are compared as one
     *     answer as for {@code pages}, since which items fall in which segment is the server's choice; 0 for a
     *     single request
     */
    record Step(String op, Map<String, Object> request, List<String> unordered, @Nullable Map<String, Object> expect,
                @Nullable String departs, List<String> ignore, boolean pages, int segments) {
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
                    Object segments = step.get("segments");
                    steps.add(new Step((String) step.get("op"), (Map<String, Object>) step.get("request"),
                            strings(step.get("unordered")), (Map<String, Object>) step.get("expect"),
                            (String) step.get("departs"), strings(step.get("ignore")),
                            Boolean.TRUE.equals(step.get("pages")),
                            segments == null ? 0 : ((Number) segments).intValue()));
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
