import dev.dynamite.spi.KeyTypeStrategy;

/**
 * Reads model classes into entity metadata, infers each table's keys and global secondary indexes, and brings
 * DynamoDB's tables in line with them ({@code sync}).
 *
 * @uses dev.dynamite.spi.KeyTypeStrategy to find third-party key type strategies by name; the bundled
 *     {@code string} and {@code native} strategies are built in, not registered as services
 */
@SuppressWarnings("module") // the qualified export names dev.dynamite.core, which is built after this module
module dev.dynamite.schema {
    requires transitive dev.dynamite.api;
    requires static transitive org.jspecify;

    exports dev.dynamite.schema;
    // a model's fields, generated or reflected, as the runtime reads them
    exports dev.dynamite.schema.internal.members to dev.dynamite.core;

    uses KeyTypeStrategy;
}
