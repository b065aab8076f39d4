/**
 * Dynamite's runnable examples, written as a user's named module would be.
 *
 * <p>The model package is opened to {@code dev.dynamite.core}, as every application's model package must be.
 */
module dev.dynamite.examples {
    requires dev.dynamite.core;
    requires dev.dynamite.local;

    opens dev.dynamite.examples.model to dev.dynamite.core;
}
