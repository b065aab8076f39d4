package dev.dynamite.it;

import dev.dynamite.Table;
import dev.dynamite.annotation.BelongsTo;
import dev.dynamite.annotation.CreatedAt;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.NotNull;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Version;
import java.util.List;

/** Models of the paging and batch tests: a composite key, an index made by a relation, soft delete, validation. */
final class PagingModels {
    private PagingModels() {
    }

    public static final class Entry extends Table<Entry> {
        @Index public String feed;
        @IndexSort public String seq;
        public String ownerId;
        public String kind;
        public int n;
        @DeleteAt public String deletedAt;
        @BelongsTo(model = Owner.class, localKey = "ownerId") public Owner owner;
    }

    public static final class Owner extends Table<Owner> {
        @PrimaryKey public String id;
        public String name;
        @HasMany(model = Entry.class, foreignKey = "ownerId") public List<Entry> entries;
    }

    public static final class Product extends Table<Product> {
        @PrimaryKey public String sku;
        @NotNull public String name;
        public int price;
        public String note;
        @CreatedAt public String createdAt;
        @Version public long version;
    }

    static final Class<?>[] ALL = {Entry.class, Owner.class, Product.class};
}
