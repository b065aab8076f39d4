/**
 * An embedded, pure-Java, in-memory DynamoDB-compatible engine, reachable in-process through an AWS SDK
 * {@code SdkHttpClient} or over HTTP on loopback ({@code DynamoDbLocal}), with fault injection ({@code Faults}).
 * The jar also runs alone as a server: {@code java -jar dynamite-local.jar --port 8000}.
 */
module dev.dynamite.local {
    requires transitive software.amazon.awssdk.services.dynamodb;
    requires transitive software.amazon.awssdk.http;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.utils;
    requires static transitive org.jspecify;

    exports dev.dynamite.local;
}
