package dev.dynamite.examples.model;

import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.PrimaryKey;

/** An order of a user: the seed's {@code Order} model. */
public class Order extends Table<Order> {
    /** The handle every operation on orders goes through, bound to the global client. */
    public static final Model<Order> model = Table.model(Order.class);

    @PrimaryKey public String id;
    @Name("user_id") public String userId;
    public double total;
    public String status;
    public String createdAt;

    /** Creates an empty order; required by Dynamite. */
    public Order() {
    }
}
