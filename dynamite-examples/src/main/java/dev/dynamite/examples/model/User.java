package dev.dynamite.examples.model;

import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.PrimaryKey;
import java.util.List;

/** A customer: the seed's {@code User} model. */
public class User extends Table<User> {
    /** The handle every operation on users goes through, bound to the global client. */
    public static final Model<User> model = Table.model(User.class);

    @PrimaryKey public String id;
    public String name;
    public String email;
    public String role;
    public String createdAt;
    public String updatedAt;

    @HasMany(model = Order.class, foreignKey = "userId")
    public List<Order> orders;

    /** Creates an empty user; required by Dynamite. */
    public User() {
    }
}
