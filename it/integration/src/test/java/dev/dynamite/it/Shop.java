package dev.dynamite.it;

import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.BelongsTo;
import dev.dynamite.annotation.CreatedAt;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.UuidGenerator;
import java.util.List;

/** The models of these tests: the seed's users and orders. */
final class Shop {
    private Shop() {
    }

    public static final class Customer extends Table<Customer> {
        public static final Model<Customer> model = Table.model(Customer.class);

        @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
        public String name;
        @CreatedAt public String createdAt;
        @DeleteAt public String deletedAt;
        @Version public long version;
        @HasMany(model = Purchase.class, foreignKey = "customerId") public List<Purchase> purchases;
    }

    public static final class Purchase extends Table<Purchase> {
        @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
        public String customerId;
        public double total;
        @Default("pending") public String status;
        @BelongsTo(model = Customer.class, localKey = "customerId") public Customer customer;
    }
}
