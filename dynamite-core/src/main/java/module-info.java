/**
 * The Dynamite client: configuration, connection, table sync, the global client registry and model handles.
 *
 * <p>Model classes live in the user's module. A model compiled with {@code dynamite-processor} is read through its
 * generated code and needs nothing more; one compiled without it is read by reflection, and its package must be
 * opened to this module, e.g. {@code opens com.example.model to dev.dynamite.core;}.
 *
 * @uses dev.dynamite.spi.CodecProvider
 * @uses dev.dynamite.spi.OperationListener
 */
@SuppressWarnings("module") // the qualified export names dev.dynamite.test, which is built after this module
module dev.dynamite.core {
    requires transitive dev.dynamite.api;
    requires transitive dev.dynamite.schema;
    requires transitive dev.dynamite.tx;
    requires transitive software.amazon.awssdk.services.dynamodb;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.identity.spi;
    requires software.amazon.awssdk.retries.api;
    // The SDK's default HTTP client (Apache 5, an automatic module that cannot declare it) uses jdk.net.Sockets;
    // requiring it here resolves it for applications on the module path.
    requires jdk.net;
    requires static transitive org.jspecify;

    exports dev.dynamite;
    exports dev.dynamite.core.internal to dev.dynamite.test;

    uses dev.dynamite.spi.CodecProvider;
    uses dev.dynamite.spi.OperationListener;
}
