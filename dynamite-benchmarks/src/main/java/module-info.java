/**
 * Dynamite's benchmarks: JMH benchmarks of the mapper and of whole operations against hand-written SDK code and the
 * Enhanced Client, and benchmark mains (cold start, reads, queries, include, bulk writes, the embedded engine).
 * {@code scripts/bench.sh NAME} builds once and runs one of them, on the class path as an application runs; this
 * descriptor states what they use. Nothing is exported: no code depends on the benchmarks.
 */
module dev.dynamite.benchmarks {
    requires dev.dynamite.core;
    requires dev.dynamite.local;
    requires software.amazon.awssdk.enhanced.dynamodb;
    requires jmh.core;
    requires java.net.http;
    requires static org.jspecify;

    // JMH and the Enhanced Client reflect on the benchmark states and the bean models
    opens dev.dynamite.benchmarks;
    opens dev.dynamite.benchmarks.mapping;
    opens dev.dynamite.benchmarks.engine;
}
