/**
 * Dynamite's runnable examples, written as a user's named module would be.
 *
 * <p>The model package is open to {@code dev.dynamite.core}, as every application's model package must be, and to
 * Jackson, which reads and writes the {@code Address} record for dynamite-codec-jackson. The codec module is on the
 * module path but not required here: Dynamite {@code uses} {@code CodecProvider}, so service binding resolves it.
 * (Jackson itself is required, for the HTTP example's request bodies.)
 *
 * @provides dev.dynamite.spi.CodecProvider with {@code MoneyCodecProvider}, which stores {@code Money} as text
 */
module dev.dynamite.examples {
    requires dev.dynamite.core;
    requires dev.dynamite.local;
    // the HTTP example: the JDK's server, and Jackson to read request bodies (not the codec plugin, which stays
    // unrequired and is found by service binding)
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;

    opens dev.dynamite.examples.model to dev.dynamite.core, com.fasterxml.jackson.databind;

    // a codec plugin of the application's own: Dynamite finds it with ServiceLoader
    provides dev.dynamite.spi.CodecProvider with dev.dynamite.examples.money.MoneyCodecProvider;
}
