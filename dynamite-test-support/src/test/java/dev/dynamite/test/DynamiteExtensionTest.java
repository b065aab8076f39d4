package dev.dynamite.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.UuidGenerator;
import dev.dynamite.local.DynamoDbLocal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The extension, run through JUnit's test kit on sample test classes, on the embedded engine. */
class DynamiteExtensionTest {

    public static final class Author extends Table<Author> {
        @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
        public String name;
        @HasMany(model = Book.class, foreignKey = "authorId") public List<Book> books;
    }

    public static final class Book extends Table<Book> {
        @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
        public String authorId;
    }

    /** What the sample classes saw, for the assertions. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @DynamiteTest(models = {Author.class, Book.class}, backend = Backend.EMBEDDED)
    static class AnnotatedSample {
        @Test
        void getsItsClientAndModels(Dynamite dynamite, DynamoDbClient client, Model<Author> authors) {
            List<Author> created = Fixtures.of(authors).create(3, i -> Map.of("name", "author " + i));
            assertThat(authors.where(Map.of())).hasSize(3);
            assertThat(created).allMatch(Table::isPersisted);
            assertThat(Table.model(Author.class).where(Map.of())).hasSize(3);
            String prefix = dynamite.config().tablePrefix();
            assertThat(client.listTables().tableNames()).contains(prefix + "authors", prefix + "books");
            assertThat(client.describeTable(b -> b.tableName(prefix + "books")).table().globalSecondaryIndexes())
                    .singleElement().satisfies(i -> assertThat(i.indexName()).isEqualTo("GSI1_authorId"));
            SEEN.add(prefix);
            SEEN.add(String.valueOf(Dynamite.hasGlobalClient()));
        }
    }

    static class RegisteredSample {
        @RegisterExtension
        static final DynamiteExtension DB = DynamiteExtension.embedded(Author.class, Book.class);

        @Test
        void seesOnlyItsOwnTables(Dynamite dynamite, Model<Author> authors) {
            assertThat(authors.where(Map.of())).isEmpty();
            Fixtures.of(Author.class).create(1, i -> Map.of("name", "solo"));
            assertThat(authors.count(Map.of())).isEqualTo(1);
            SEEN.add(dynamite.config().tablePrefix());
        }
    }

    @DynamiteTest(models = {Author.class, Book.class}, backend = Backend.ENDPOINT)
    static class EndpointSample {
        @Test
        void runsOnlyOnAnEndpoint(Model<Author> authors) {
            assertThat(authors.where(Map.of())).isEmpty();
            SEEN.add("ran");
        }
    }

    @DynamiteTest(models = {Author.class, Book.class}, backend = Backend.EMBEDDED)
    static class CostSample {
        @Test
        void countsTheCallsAndReachesTheEngine(Dynamite dynamite, Model<Author> authors, RequestLog requests,
                                               DynamoDbLocal engine) {
            assertThat(requests.operations()).as("sync's calls are logged too").contains("CreateTable");
            Author ada = authors.create(Map.of("name", "Ada"));
            requests.clear();
            authors.where(Map.of("id", ada.id));
            assertThat(requests.operations()).containsExactly("GetItem");
            authors.where(Map.of("name", "Ada"));
            assertThat(requests.count("Scan")).isEqualTo(1);
            assertThat(requests.requests(ScanRequest.class)).singleElement()
                    .satisfies(scan -> assertThat(scan.filterExpression()).isNotNull());

            dev.dynamite.local.Fault throttled = engine.faults().on("GetItem").throttle().times(1);
            requests.clear();
            try (Dynamite derived = new Dynamite(dynamite.config().toBuilder().build())) {
                assertThat(derived.model(Author.class).find(ada.id)).isPresent();
            }
            assertThat(requests.operations()).as("a retried call is one call, and derived clients are logged")
                    .containsExactly("GetItem");
            assertThat(throttled.injected()).isEqualTo(1);
            SEEN.add("cost");
        }
    }

    static class SlowEngineSample {
        @RegisterExtension
        static final DynamiteExtension DB = DynamiteExtension.embedded(
                DynamoDbLocal.builder().createTableDelay(Duration.ofMillis(300)), Author.class, Book.class);

        @Test
        void buildsItsOwnClientOnTheSameEngine(Dynamite dynamite, DynamiteConfig.Builder config, RequestLog requests,
                                               DynamoDbLocal engine) {
            requests.clear();
            try (Dynamite own = new Dynamite(config.tables(Author.class, Book.class).hooksByDefault(false).build())) {
                own.sync();
                assertThat(own.config().tablePrefix()).isEqualTo(dynamite.config().tablePrefix() + "c1_");
                assertThat(engine.client().listTables().tableNames())
                        .contains(own.config().tablePrefix() + "authors", dynamite.config().tablePrefix() + "authors");
                assertThat(requests.count("DescribeTable")).as("sync polled while the tables were CREATING")
                        .isGreaterThan(2);
            }
            SEEN.add("own client");
        }
    }

    @DynamiteTest(models = {Author.class, Book.class})
    static class DerivedTablesSample {
        @Test
        void createsTablesOfItsOwn(DynamiteConfig.Builder first, DynamiteConfig.Builder second) {
            DynamiteConfig one = first.tables(Author.class, Book.class).build();
            DynamiteConfig two = second.tables(Author.class, Book.class).build();
            assertThat(one.tablePrefix()).isNotEqualTo(two.tablePrefix());
            try (Dynamite own = new Dynamite(one)) {
                own.sync();
            }
            SEEN.add(one.tablePrefix());
        }
    }

    @DynamiteTest(models = {Author.class, Book.class}, backend = Backend.ENDPOINT)
    static class EngineOnEndpointSample {
        @Test
        void asksForTheEngine(DynamoDbLocal engine) {
            SEEN.add("ran without an engine");
        }
    }

    private static String status(DynamoDbClient client, String table) {
        try {
            return client.describeTable(b -> b.tableName(table)).table().tableStatusAsString();
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            return "gone";
        }
    }

    /** The messages of the failed (or aborted) events' exceptions. */
    private static List<String> messages(Events events) {
        return events.stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow())
                .map(String::valueOf).toList();
    }

    /** Runs a sample that must pass, showing the failures if it does not. */
    private static void assertPasses(Class<?> sample) {
        Events events = run(sample);
        assertThat(messages(events.failed())).isEmpty();
        events.assertStatistics(stats -> stats.succeeded(3).failed(0));
    }

    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().allEvents();
    }

    @Test
    void annotatedClassesGetAConnectedSyncedClientOnTablesOfTheirOwn() {
        SEEN.clear();
        assertPasses(AnnotatedSample.class);
        assertPasses(RegisteredSample.class);

        assertThat(SEEN).hasSize(3);
        assertThat(SEEN.get(0)).matches("t[0-9a-f]{8}_");
        assertThat(SEEN.get(1)).isEqualTo("true");
        assertThat(SEEN.get(2)).matches("t[0-9a-f]{8}_").isNotEqualTo(SEEN.get(0));
        assertThat(Dynamite.hasGlobalClient()).as("the global client is cleared after the class").isFalse();
    }

    @Test
    void theRequestLogAndTheEngineAreInjected() {
        SEEN.clear();
        assertPasses(CostSample.class);
        assertThat(SEEN).containsExactly("cost");
    }

    @Test
    void aTestBuildsItsOwnClientFromAnInjectedConfigurationOnAnEngineOfItsChoice() {
        SEEN.clear();
        assertPasses(SlowEngineSample.class);
        assertThat(SEEN).containsExactly("own client");
    }

    @Test
    void tablesOfInjectedConfigurationsAreDeletedWithTheClass() {
        SEEN.clear();
        assertPasses(DerivedTablesSample.class);
        assertThat(SEEN).singleElement().asString().matches("t[0-9a-f]{8}_c[12]_");
        String endpoint = System.getenv(DynamiteExtension.ENDPOINT_VARIABLE);
        if (endpoint != null) {
            // on the embedded engine the tables go with the engine; on an endpoint they must be deleted
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(java.net.URI.create(endpoint))
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                    .build()) {
                List<String> left = client.listTables().tableNames().stream().filter(t -> t.startsWith(SEEN.get(0)))
                        .toList();
                assertThat(left).as("dynalite lists a deleted table for 500 ms").allSatisfy(table ->
                        assertThat(status(client, table)).isIn("DELETING", "gone"));
            }
        }
    }

    @Test
    void theEngineIsNotInjectedOnAnEndpoint() {
        SEEN.clear();
        if (System.getenv(DynamiteExtension.ENDPOINT_VARIABLE) == null) {
            return; // without an endpoint the class fails before its test: covered by the endpoint test below
        }
        Events events = run(EngineOnEndpointSample.class);
        events.assertStatistics(stats -> stats.failed(1));
        assertThat(messages(events.failed())).singleElement().satisfies(m -> assertThat(m)
                .contains("EngineOnEndpointSample runs on an endpoint, not on the embedded engine"));
        assertThat(SEEN).isEmpty();
    }

    @Test
    void anEndpointBackendRunsOnTheEndpointOrFailsClearlyWithoutOne() {
        SEEN.clear();
        if (System.getenv(DynamiteExtension.ENDPOINT_VARIABLE) != null) {
            // scripts/test.sh names dynalite: the sample runs there
            assertPasses(EndpointSample.class);
            assertThat(SEEN).containsExactly("ran");
            return;
        }
        Events events = run(EndpointSample.class);
        events.assertStatistics(stats -> stats.failed(1));
        assertThat(messages(events.failed()))
                .anySatisfy(m -> assertThat(m).contains("DYNAMITE_TEST_ENDPOINT is not set"));
        assertThat(SEEN).isEmpty();
    }

    static class ContainerSample {
        @RegisterExtension
        static final DynamiteExtension DB = DynamiteExtension.testcontainers(
                new DynamiteExtension.ContainerImage("amazon/dynamodb-local:2.5.2", 8000), Author.class, Book.class);

        @Test
        void runsOnTheContainer(Model<Author> authors) {
            assertThat(authors.where(Map.of())).isEmpty();
            SEEN.add("container");
        }
    }

    @Test
    void aContainerBackendRunsWhereDockerIsAndIsSkippedWithAReasonElsewhere() {
        SEEN.clear();
        Events events = run(ContainerSample.class);
        if (DynamiteExtension.dockerAvailable()) {
            events.assertStatistics(stats -> stats.succeeded(3).failed(0));
            assertThat(SEEN).containsExactly("container");
        } else {
            events.assertStatistics(stats -> stats.aborted(1).failed(0));
            assertThat(messages(events.aborted())).anySatisfy(m -> assertThat(m).contains("No Docker engine answers")
                    .contains("amazon/dynamodb-local:2.5.2"));
            assertThat(SEEN).isEmpty();
        }
    }

    @Test
    void containerImagesAreChecked() {
        assertThat(DynamiteExtension.testcontainers(new DynamiteExtension.ContainerImage("localstack/localstack", 4566))
                .image()).isEqualTo(new DynamiteExtension.ContainerImage("localstack/localstack", 4566));
        assertThat(DynamiteExtension.embedded().image()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DynamiteExtension.ContainerImage(" ", 8000))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DynamiteExtension.ContainerImage("x", 0))
                .hasMessageContaining("1 to 65535");
    }

    /** Makes the two parallel samples prove that they really ran at the same time. */
    static final java.util.concurrent.CyclicBarrier BOTH = new java.util.concurrent.CyclicBarrier(2);

    @DynamiteTest(models = {Author.class, Book.class}, backend = Backend.EMBEDDED)
    static class ParallelSampleA {
        @Test
        void seesOnlyItsOwnAuthors(Model<Author> authors) throws Exception {
            Fixtures.of(authors).create(2, i -> Map.of("name", "a" + i));
            BOTH.await(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(authors.where(Map.of())).extracting(a -> a.name).containsExactlyInAnyOrder("a0", "a1");
            SEEN.add("A");
        }
    }

    @DynamiteTest(models = {Author.class, Book.class}, backend = Backend.EMBEDDED)
    static class ParallelSampleB {
        @Test
        void seesOnlyItsOwnAuthors(Model<Author> authors) throws Exception {
            Fixtures.of(authors).create(3, i -> Map.of("name", "b" + i));
            BOTH.await(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(authors.where(Map.of())).extracting(a -> a.name).containsExactlyInAnyOrder("b0", "b1", "b2");
            SEEN.add("B");
        }
    }

    /** Runs the two parallel samples in parallel (two threads), and checks that both passed. */
    private static void runBothInParallel() {
        BOTH.reset();
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .selectors(selectClass(ParallelSampleA.class), selectClass(ParallelSampleB.class))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    @Test
    void testClassesRunningInParallelNeverSeeEachOthersTables() {
        SEEN.clear();
        runBothInParallel();
        assertThat(SEEN).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void theGlobalClientInstalledBeforeTheClassesIsPutBackAfterThem() {
        try (DynamoDbLocal engine = DynamoDbLocal.create();
             Dynamite mine = new Dynamite(DynamiteConfig.builder().configure(engine::configure).tablePrefix("mine_")
                     .tables(Author.class, Book.class).build())) {
            mine.connect();

            SEEN.clear();
            assertPasses(AnnotatedSample.class);
            assertThat(Dynamite.getGlobalClient()).isSameAs(mine.getClient());
            assertThat(Table.model(Author.class).tableName()).as("the binding, prefix included")
                    .isEqualTo("mine_authors");

            runBothInParallel();
            assertThat(Dynamite.getGlobalClient()).as("after overlapping classes too").isSameAs(mine.getClient());
            assertThat(Table.model(Author.class).tableName()).isEqualTo("mine_authors");
        }
        assertThat(Dynamite.hasGlobalClient()).isFalse();
    }
}
