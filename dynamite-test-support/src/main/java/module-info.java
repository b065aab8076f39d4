/**
 * JUnit 5 fixtures for applications that use Dynamite: {@code @DynamiteTest(models = …)} hands a test class a
 * connected, synced {@code Dynamite} on tables of its own, on the embedded engine or on an endpoint.
 */
module dev.dynamite.test {
    requires transitive dev.dynamite.core;
    requires transitive org.junit.jupiter.api;
    requires transitive dev.dynamite.local;
    requires static transitive org.jspecify;
    // optional: the Testcontainers backend, for users who have Docker
    requires static testcontainers;

    exports dev.dynamite.test;
}
