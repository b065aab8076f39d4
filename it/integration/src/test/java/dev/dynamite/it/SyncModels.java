package dev.dynamite.it;

import dev.dynamite.Table;

import dev.dynamite.annotation.BelongsTo;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.HasOne;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.ManyToMany;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.PrimaryKey;
import java.util.List;

/** The models whose tables the sync tests create, alter and compare. */
final class SyncModels {
    private SyncModels() {
    }

    public static final class User extends Table<User> {
        @PrimaryKey public String id;
        public String name;
        @HasMany(model = Order.class, foreignKey = "userId") public List<Order> orders;
        @HasOne(model = Profile.class, foreignKey = "userId") public Profile profile;
        @ManyToMany(model = Project.class, pivotTable = "user_projects", foreignKey = "userId",
                relatedKey = "projectId") public List<Project> projects;
    }

    public static final class Order extends Table<Order> {
        @PrimaryKey public String id;
        @Name("user_id") public String userId;
        public double total;
        @BelongsTo(model = User.class, localKey = "userId") public User user;
    }

    /** Keyed by its foreign key: the HasOne from User needs no index. */
    public static final class Profile extends Table<Profile> {
        @PrimaryKey public String userId;
        public String bio;
    }

    public static final class Project extends Table<Project> {
        @PrimaryKey public String id;
        @ManyToMany(model = User.class, pivotTable = "user_projects", foreignKey = "projectId",
                relatedKey = "userId") public List<User> members;
    }

    /** A composite key with a numeric sort key. */
    public static final class Event extends Table<Event> {
        @Index public String tenant;
        @IndexSort public long sequence;
        public String payload;
    }

    /** The same table as Order, later declaring a relation that needs a second index on it. */
    @Name("orders")
    public static final class OrderV2 extends Table<OrderV2> {
        @PrimaryKey public String id;
        @Name("user_id") public String userId;
        public String couponCode;
    }

    @Name("coupons")
    public static final class Coupon extends Table<Coupon> {
        @PrimaryKey public String code;
        @HasMany(model = OrderV2.class, foreignKey = "couponCode", localKey = "code") public List<OrderV2> orders;
    }

    /** Has no partition key. */
    public static final class Unkeyed extends Table<Unkeyed> {
        public String id;
    }

    /** A table name DynamoDB rejects (a space and '!' are not allowed). */
    @Name("bad name!")
    public static final class TooShort extends Table<TooShort> {
        @PrimaryKey public String id;
    }
}
