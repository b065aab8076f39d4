package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.consumer.quickstart.Quickstart;
import com.example.consumer.records.RecordQuickstart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's quickstart is this build's Quickstart.java, which compiles and runs. */
class ReadmeTest {
    private static final Path README = Path.of("../../README.md");
    private static final Path QUICKSTART = Path.of("src/main/java/com/example/consumer/quickstart/Quickstart.java");
    private static final Path RECORD_QUICKSTART = Path.of(
            "src/main/java/com/example/consumer/records/RecordQuickstart.java");

    @Test
    void theReadmeQuickstartIsTheCompiledOne() throws IOException {
        assertEquals(Files.readString(QUICKSTART), firstJavaBlock("## Quickstart"),
                "README.md's Quickstart must be it/consumer/" + QUICKSTART + ", word for word");
    }

    @Test
    void theReadmeRecordQuickstartIsTheCompiledOne() throws IOException {
        assertEquals(Files.readString(RECORD_QUICKSTART), firstJavaBlock("### The same with records and typed filters"),
                "README.md's records quickstart must be it/consumer/" + RECORD_QUICKSTART + ", word for word");
    }

    /** The first Java block after a heading of the README. */
    private static String firstJavaBlock(String heading) throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf(heading);
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("```", start);
        assertTrue(section >= 0 && start > section && end > start, "the README has " + heading + " with a Java block");
        return readme.substring(start, end);
    }

    @Test
    void theRecordQuickstartRunsWithItsGeneratedMetamodel() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            RecordQuickstart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertTrue(buffer.toString(StandardCharsets.UTF_8).contains("Ada has 1 open purchase(s); shipped at version 2"),
                buffer.toString());
    }

    @Test
    void theQuickstartRuns() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Quickstart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertTrue(buffer.toString(StandardCharsets.UTF_8).contains("Ada has 1 pending order(s)"), buffer.toString());
    }
}
