package dev.dynamite.examples.model;

import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.CreatedAt;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.NotNull;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.UuidGenerator;

/** An order of a user: the seed's {@code Order} model. */
public class Order extends Table<Order> {
    /** The handle every operation on orders goes through, bound to the global client. */
    public static final Model<Order> model = Table.model(Order.class);

    @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
    @NotNull @Name("user_id") public String userId;
    public double total;
    @Default("pending") public String status;
    @CreatedAt public String createdAt;

    /** Creates an empty order; required by Dynamite. */
    public Order() {
    }
}
