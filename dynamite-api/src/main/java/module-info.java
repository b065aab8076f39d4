/**
 * Dynamite's public vocabulary: the model annotations, the plugin interfaces (SPI) and the typed exceptions.
 *
 * <p>This module holds no runtime logic. Its types appear in the signatures of every other Dynamite module, and the
 * SPI speaks the AWS SDK's {@code AttributeValue}, so the SDK's DynamoDB module is required transitively.
 */
module dev.dynamite.api {
    requires transitive software.amazon.awssdk.services.dynamodb;
    requires transitive software.amazon.awssdk.core;
    requires transitive software.amazon.awssdk.awscore;
    requires static transitive org.jspecify;

    exports dev.dynamite.annotation;
    exports dev.dynamite.api;
    exports dev.dynamite.meta;
    exports dev.dynamite.spi;
}
