package com.example.consumer.records;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.NotNull;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.UuidGenerator;
import dev.dynamite.local.DynamoDbLocal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

record Customer(@PrimaryKey @Default(generator = UuidGenerator.class) String id,
                @NotNull String name,
                @HasMany(model = Purchase.class, foreignKey = "customerId") List<Purchase> purchases) {
}

record Purchase(@PrimaryKey @Default(generator = UuidGenerator.class) String id,
                String customerId,
                BigDecimal total,
                @Default("pending") String status,
                @Version long version) {
}

public final class RecordQuickstart {
    public static void main(String[] args) {
        try (DynamoDbLocal local = DynamoDbLocal.create();
             Dynamite dynamite = new Dynamite(DynamiteConfig.builder()
                     .tables(Customer.class, Purchase.class)
                     .configure(local::configure)
                     .build())) {
            dynamite.connect();
            dynamite.sync();
            Model<Customer> customers = dynamite.model(Customer.class);
            Model<Purchase> purchases = dynamite.model(Purchase.class);

            Customer ada = customers.create(Map.of("name", "Ada"));
            purchases.create(Map.of("customerId", ada.id(), "total", new BigDecimal("42.50")));
            Purchase small = purchases.create(Map.of("customerId", ada.id(), "total", new BigDecimal("7")));
            Purchase shipped = purchases.update(small, Purchase_.status.set("shipped"));   // a new value, version 2

            List<Purchase> open = purchases.where(Purchase_.customerId.eq(ada.id())   // Query of GSI1_customerId
                    .and(Purchase_.status.eq("pending").or(Purchase_.total.gte(new BigDecimal("100")))));
            System.out.println(ada.name() + " has " + open.size() + " open purchase(s); "
                    + shipped.status() + " at version " + shipped.version());
        }
    }
}
