package com.example.consumer.quickstart;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.CreatedAt;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.NotNull;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.Include;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.UuidGenerator;
import dev.dynamite.local.DynamoDbLocal;
import java.util.List;
import java.util.Map;

public final class Quickstart {

    public static class User extends Table<User> {            // table "users"
        public static final Model<User> model = Table.model(User.class);

        @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
        @NotNull public String name;
        public String email;
        @CreatedAt public String createdAt;
        @HasMany(model = Order.class, foreignKey = "userId") public List<Order> orders;   // not persisted
    }

    public static class Order extends Table<Order> {          // table "orders", with GSI1_userId
        public static final Model<Order> model = Table.model(Order.class);

        @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
        public String userId;
        public double total;
        @Default("pending") public String status;
    }

    public static void main(String[] args) {
        try (DynamoDbLocal local = DynamoDbLocal.create();     // the embedded engine; for AWS: .region("us-east-1")
             Dynamite dynamite = new Dynamite(DynamiteConfig.builder()
                     .tables(User.class, Order.class)
                     .configure(local::configure)
                     .build())) {
            dynamite.connect();                                // models use this client
            dynamite.sync();                                   // tables, keys and indexes, ACTIVE

            User ada = dynamite.tx(tx -> {                     // all or nothing
                User u = User.model.create(Map.of("name", "Ada", "email", "ada@example.com"), tx);
                Order.model.create(Map.of("userId", u.id, "total", 42.5), tx);
                Order.model.create(Map.of("userId", u.id, "total", 7.0, "status", "shipped"), tx);
                return u;
            });

            User withPending = User.model.where(Map.of("id", ada.id), QueryOptions.builder()
                    .include("orders", Include.where(Map.of("status", "pending")))
                    .build()).get(0);
            System.out.println(withPending.name + " has " + withPending.orders.size() + " pending order(s)");
        }
    }
}
