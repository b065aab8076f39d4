/**
 * Dynamite's runnable examples, written as a user's named module would be.
 *
 * <p>The model package must be open to {@code dev.dynamite.core}, as every application's model package must be, and
 * to Jackson, which reads and writes the {@code Address} record for dynamite-codec-jackson. The codec module is on the
 * module path but not required here: Dynamite {@code uses} {@code CodecProvider}, so service binding resolves it. A
 * qualified {@code opens … to com.fasterxml.jackson.databind} would need Jackson at compile time, so the package is
 * opened to every module instead; an application that requires the codec module can write
 * {@code opens com.example.model to dev.dynamite.core, com.fasterxml.jackson.databind;}.
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

    opens dev.dynamite.examples.model;

    // a codec plugin of the application's own: Dynamite finds it with ServiceLoader
    provides dev.dynamite.spi.CodecProvider with dev.dynamite.examples.money.MoneyCodecProvider;
}
