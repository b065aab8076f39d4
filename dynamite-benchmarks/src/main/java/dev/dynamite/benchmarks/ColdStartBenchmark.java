package dev.dynamite.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fresh-JVM path: each run is a new JVM ({@link ColdStartProbe}) that starts the embedded engine and an SDK
 * client, then builds a mapper and reads one 10-attribute item once; the variants (hand-written SDK code, the
 * Enhanced Client's bean schema, Dynamite's reflective mapper) alternate, run after run, in one run of this main.
 * Reports the median of each part. A benchmark main, run by {@code scripts/bench.sh cold-start}.
 */
public final class ColdStartBenchmark {
    private static final Pattern TIMES = Pattern.compile("engine\\+client=([0-9.]+) mapped-read=([0-9.]+)");
    private static final List<String> VARIANTS = List.of("sdk", "enhanced", "dynamite", "generated");

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "7"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<double[]>> times = new LinkedHashMap<>();
        VARIANTS.forEach(v -> times.put(v, new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (String variant : VARIANTS) {
                Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        ColdStartProbe.class.getName(), variant).redirectErrorStream(true).start();
                String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (probe.waitFor() != 0) {
                    throw new IllegalStateException(variant + " failed:\n" + output);
                }
                Matcher matcher = TIMES.matcher(output);
                if (!matcher.find()) {
                    throw new IllegalStateException(variant + " printed no times:\n" + output);
                }
                times.get(variant).add(new double[] {Double.parseDouble(matcher.group(1)),
                        Double.parseDouble(matcher.group(2))});
            }
        }
        System.out.printf(Locale.ROOT, "fresh JVM per run, %d runs per variant, medians (ms)%n%n", runs);
        System.out.println("| variant | engine + SDK client | build mapper + first read | vs hand-written SDK"
                + " | per-round ratio, median (quartiles) |");
        System.out.println("|---|---|---|---|---|");
        double sdk = median(times.get("sdk"), 1);
        for (String variant : VARIANTS) {
            double mapped = median(times.get(variant), 1);
            // each round runs every variant once, back to back: the ratio within a round cancels the machine's drift
            double[] ratios = new double[runs];
            for (int run = 0; run < runs; run++) {
                ratios[run] = times.get(variant).get(run)[1] / times.get("sdk").get(run)[1];
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1fx | %.2fx (%.2f–%.2f) |%n", label(variant),
                    median(times.get(variant), 0), mapped, mapped / sdk, ratios[runs / 2], ratios[runs / 4],
                    ratios[(3 * runs) / 4]);
        }
    }

    private static String label(String variant) {
        return switch (variant) {
            case "sdk" -> "hand-written SDK code (baseline)";
            case "enhanced" -> "Enhanced Client, bean schema";
            case "generated" -> "Dynamite, generated model (dynamite-processor)";
            default -> "Dynamite, reflective mapper";
        };
    }

    private static double median(List<double[]> runs, int part) {
        double[] values = runs.stream().mapToDouble(r -> r[part]).sorted().toArray();
        return values[values.length / 2];
    }
}
