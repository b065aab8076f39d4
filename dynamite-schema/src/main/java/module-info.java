import dev.dynamite.schema.internal.keys.NativeKeyTypeStrategy;
import dev.dynamite.schema.internal.keys.StringKeyTypeStrategy;
import dev.dynamite.spi.KeyTypeStrategy;

/**
 * Reads model classes into entity metadata, infers each table's keys and global secondary indexes, and brings
 * DynamoDB's tables in line with them ({@code sync}).
 *
 * @uses dev.dynamite.spi.KeyTypeStrategy to find key type strategies by name
 * @provides dev.dynamite.spi.KeyTypeStrategy with the bundled {@code string} and {@code native} strategies
 */
module dev.dynamite.schema {
    requires transitive dev.dynamite.api;
    requires static transitive org.jspecify;

    exports dev.dynamite.schema;

    uses KeyTypeStrategy;

    provides KeyTypeStrategy with StringKeyTypeStrategy, NativeKeyTypeStrategy;
}
