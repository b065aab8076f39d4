package dev.dynamite.test;

/** Where a {@link DynamiteTest} runs. */
public enum Backend {
    /** {@code DYNAMITE_TEST_ENDPOINT} when it is set, else the embedded engine. */
    AUTO,
    /** The embedded engine, in process: nothing to install, fast, and isolated per test class. */
    EMBEDDED,
    /** The server named by {@code DYNAMITE_TEST_ENDPOINT}; the test fails clearly if it is not set. */
    ENDPOINT
}
