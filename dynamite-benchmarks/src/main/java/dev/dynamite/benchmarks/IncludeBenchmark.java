package dev.dynamite.benchmarks;

import dev.dynamite.Dynamite;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.local.DynamoDbLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Include loading for 1,000 parents with 10 children each, against the naive approach of one request per parent,
 * one after another, in one run: requests and median wall time. A benchmark main, run by
 * {@code scripts/bench.sh include}; on the embedded engine (optionally with {@code BENCH_LATENCY_MS} of latency
 * injected per request, as a network would add) unless {@code BENCH_ENDPOINT} names a server.
 */
public final class IncludeBenchmark {
    public static final class Author extends Table<Author> {
        @PrimaryKey public String id;
        public String name;
        @HasMany(model = Post.class, foreignKey = "authorId") public List<Post> posts;
    }

    public static final class Post extends Table<Post> {
        @PrimaryKey public String id;
        public String authorId;
        public String title;
    }

    private static final int PARENTS = 1_000;
    private static final int CHILDREN = 10;

    private IncludeBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = Integer.parseInt(System.getenv().getOrDefault("BENCH_ITERATIONS", "5"));
        int latency = Integer.parseInt(System.getenv().getOrDefault("BENCH_LATENCY_MS", "0"));
        try (Backend backend = new Backend(); Dynamite dynamite = new Dynamite(backend.config(Author.class,
                Post.class).build())) {
            Backend.Counter counter = backend.counter;
            DynamoDbLocal local = backend.local;
            dynamite.sync();
            Model<Author> authors = dynamite.model(Author.class);
            Model<Post> posts = dynamite.model(Post.class);
            seed(dynamite.getClient(), authors.tableName(), posts.tableName());
            if (local != null && latency > 0) {
                local.faults().onAnyOperation().latency(Duration.ofMillis(latency)).always();
            }
            Supplier<Integer> include = () -> authors.where(Map.of(), QueryOptions.builder().include("posts").build())
                    .stream().mapToInt(a -> a.posts.size()).sum();
            Supplier<Integer> naive = () -> {
                int loaded = 0;
                for (Author author : authors.where(Map.of())) {
                    author.posts = posts.where(Map.of("authorId", author.id));
                    loaded += author.posts.size();
                }
                return loaded;
            };
            System.out.printf(Locale.ROOT, "%d authors x %d posts on %s%s; median of %d runs after 1 warm-up%n%n",
                    PARENTS, CHILDREN, backend.describe(),
                    latency > 0 ? ", " + latency + " ms injected per request" : "", iterations);
            System.out.println("| approach | requests | median ms |");
            System.out.println("|---|---|---|");
            double[] ours = measure(include, counter, iterations);
            double[] theirs = measure(naive, counter, iterations);
            System.out.printf(Locale.ROOT, "| include(\"posts\"): the parents' Scan + one index Query per parent, %d"
                    + " at a time | %.0f | %.1f |%n", 16, ours[0], ours[1]);
            System.out.printf(Locale.ROOT, "| naive: the parents' Scan + one index Query per parent, one after"
                    + " another | %.0f | %.1f |%n", theirs[0], theirs[1]);
            System.out.printf(Locale.ROOT, "%nspeed-up %.1fx%n", theirs[1] / ours[1]);
            dynamite.getClient().deleteTable(b -> b.tableName(authors.tableName()));
            dynamite.getClient().deleteTable(b -> b.tableName(posts.tableName()));
        }
    }

    private static double[] measure(Supplier<Integer> run, Backend.Counter counter, int iterations) {
        check(run.get());
        long before = counter.requests.get();
        long[] times = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            check(run.get());
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return new double[] {(counter.requests.get() - before) / (double) iterations, times[iterations / 2] / 1e6};
    }

    private static void check(int loaded) {
        if (loaded != PARENTS * CHILDREN) {
            throw new IllegalStateException("loaded " + loaded + " posts, expected " + PARENTS * CHILDREN);
        }
    }

    private static void seed(DynamoDbClient client, String authors, String posts) {
        List<Map<String, AttributeValue>> authorItems = new ArrayList<>();
        List<Map<String, AttributeValue>> postItems = new ArrayList<>();
        for (int a = 0; a < PARENTS; a++) {
            String id = String.format("a%04d", a);
            authorItems.add(Map.of("id", AttributeValue.fromS(id), "name", AttributeValue.fromS("author " + a)));
            for (int p = 0; p < CHILDREN; p++) {
                Map<String, AttributeValue> post = new HashMap<>();
                post.put("id", AttributeValue.fromS(id + "-" + p));
                post.put("authorId", AttributeValue.fromS(id));
                post.put("title", AttributeValue.fromS("post " + p + " of " + id));
                postItems.add(post);
            }
        }
        write(client, authors, authorItems);
        write(client, posts, postItems);
    }

    private static void write(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> writes = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                var response = client.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
