package dev.dynamite.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamite.annotation.BelongsTo;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.HasOne;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.ManyToMany;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.ModelNotRegisteredException;
import dev.dynamite.spi.KeyTypeStrategy;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class SchemaTest {
    private static final KeyTypeStrategy STRING = KeyTypeStrategies.named("string");
    private static final KeyTypeStrategy NATIVE = KeyTypeStrategies.named("native");

    private static KeyAttribute s(String name) {
        return new KeyAttribute(name, ScalarAttributeType.S);
    }

    private static KeyAttribute n(String name) {
        return new KeyAttribute(name, ScalarAttributeType.N);
    }

    private static IndexDefinition gsi(String name, KeyAttribute key) {
        return new IndexDefinition(name, key);
    }

    // ---------------------------------------------------------------- a small shop

    static class User {
        @PrimaryKey String id;
        String email;
        @HasMany(model = Order.class, foreignKey = "userId") List<Order> orders;
        @HasOne(model = Profile.class, foreignKey = "userId") Profile profile;
        @ManyToMany(model = Role.class, pivotTable = "user_roles", foreignKey = "userId", relatedKey = "roleId")
        List<Role> roles;
    }

    static class Order {
        @PrimaryKey String id;
        @IndexSort @Name("placed_at") String placedAt;
        @Name("user_id") String userId;
        @BelongsTo(model = User.class, localKey = "userId") User user;
    }

    /** Keyed by its owner: the @HasOne foreign key is the partition key, so no index is needed. */
    static class Profile {
        @PrimaryKey String userId;
        String bio;
    }

    static class Role {
        @PrimaryKey String id;
        @ManyToMany(model = User.class, pivotTable = "user_roles", foreignKey = "roleId", relatedKey = "userId")
        List<User> users;
    }

    @Test
    void infersOneTablePerModelAndThePivotTable() {
        Schema schema = Schema.of(List.of(User.class, Order.class, Profile.class, Role.class), STRING, "");

        assertThat(schema.tables()).containsExactly(
                new TableDefinition("users", User.class, s("id"), null, List.of()),
                new TableDefinition("orders", Order.class, s("id"), s("placed_at"),
                        List.of(gsi("GSI1_user_id", s("user_id")))),
                new TableDefinition("profiles", Profile.class, s("userId"), null, List.of()),
                new TableDefinition("roles", Role.class, s("id"), null, List.of()),
                new TableDefinition("user_roles", null, s("id"), null,
                        List.of(gsi("GSI1_userId", s("userId")), gsi("GSI2_roleId", s("roleId")))));
        assertThat(schema.keyTypeStrategy()).isSameAs(STRING);
    }

    @Test
    void indexNameUsesTheAttributeNameOfTheForeignKeyField() {
        TableDefinition orders = Schema.of(List.of(User.class, Order.class, Profile.class, Role.class), STRING, "")
                .table(Order.class);

        assertThat(orders.indexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo("GSI1_user_id");
            assertThat(index.partitionKey()).isEqualTo(s("user_id"));
        });
        assertThat(orders.rangeKey()).contains(s("placed_at"));
    }

    @Test
    void noIndexWhenTheForeignKeyIsTheRelatedPartitionKey() {
        Schema schema = Schema.of(List.of(User.class, Order.class, Profile.class, Role.class), STRING, "");

        assertThat(schema.table(Profile.class).indexes()).isEmpty();
        assertThat(schema.table(User.class).indexes()).isEmpty();
    }

    @Test
    void bothSidesOfAManyToManyShareOnePivotTable() {
        Schema schema = Schema.of(List.of(User.class, Order.class, Profile.class, Role.class), STRING, "");

        assertThat(schema.tables()).filteredOn(t -> t.model() == null).singleElement().satisfies(pivot -> {
            assertThat(pivot.name()).isEqualTo("user_roles");
            assertThat(pivot.partitionKey()).isEqualTo(s(Schema.PIVOT_KEY));
            assertThat(pivot.rangeKey()).isEmpty();
            assertThat(pivot.indexes()).extracting(IndexDefinition::name).containsExactly("GSI1_userId", "GSI2_roleId");
        });
    }

    @Test
    void thePivotIndexesFollowTheFirstDeclaringModel() {
        Schema schema = Schema.of(List.of(Role.class, User.class, Order.class, Profile.class), STRING, "");

        assertThat(schema.tables()).last().satisfies(pivot -> assertThat(pivot.indexes())
                .extracting(IndexDefinition::name).containsExactly("GSI1_roleId", "GSI2_userId"));
    }

    @Test
    void prefixesEveryTableIncludingPivotTables() {
        Schema schema = Schema.of(List.of(User.class, Order.class, Profile.class, Role.class), STRING, "dev_");

        assertThat(schema.tables()).extracting(TableDefinition::name)
                .containsExactly("dev_users", "dev_orders", "dev_profiles", "dev_roles", "dev_user_roles");
        assertThat(schema.table(Order.class).indexes()).extracting(IndexDefinition::name)
                .containsExactly("GSI1_user_id");
    }

    @Test
    void tableOfAModelOutsideTheSchemaIsNotRegistered() {
        Schema schema = Schema.of(List.of(Profile.class), STRING, "");

        ModelNotRegisteredException e = catchThrowableOfType(ModelNotRegisteredException.class,
                () -> schema.table(User.class));
        assertThat(e).isNotNull();
        assertThat(e.model()).isEqualTo(User.class);
        assertThat(e.getMessage()).contains(User.class.getName(), "DynamiteConfig.tables");
    }

    @Test
    void aModelListedTwiceGivesOneTable() {
        Schema schema = Schema.of(List.of(Profile.class, Profile.class), STRING, "");

        assertThat(schema.tables()).extracting(TableDefinition::name).containsExactly("profiles");
    }

    @Test
    void tablesAreImmutable() {
        Schema schema = Schema.of(List.of(Profile.class), STRING, "");

        assertThatThrownBy(() -> schema.tables().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---------------------------------------------------------------- index numbering

    static class Comment {
        @PrimaryKey String id;
        String postId;
        String authorId;
        String subjectId;
        @HasMany(model = Comment.class, foreignKey = "subjectId") List<Comment> replies;
    }

    static class Post {
        @PrimaryKey String id;
        @HasMany(model = Comment.class, foreignKey = "postId") List<Comment> comments;
        @HasOne(model = Comment.class, foreignKey = "postId") Comment pinned;
        @HasMany(model = Attachment.class, foreignKey = "postId") List<Attachment> attachments;
    }

    static class Author {
        @PrimaryKey String id;
        @HasMany(model = Comment.class, foreignKey = "authorId") List<Comment> comments;
        @HasMany(model = Attachment.class, foreignKey = "ownerId") List<Attachment> attachments;
    }

    static class Attachment {
        @PrimaryKey String id;
        String postId;
        String ownerId;
    }

    @Test
    void twoRelationsOnOneForeignKeyShareOneIndex() {
        Schema schema = Schema.of(List.of(Post.class, Comment.class, Attachment.class), STRING, "");

        assertThat(schema.table(Comment.class).indexes()).extracting(IndexDefinition::name)
                .containsExactly("GSI1_postId", "GSI2_subjectId");
    }

    @Test
    void numbersIndexesPerTableInTheOrderModelsAreGiven() {
        Schema schema = Schema.of(List.of(Post.class, Author.class, Comment.class, Attachment.class), STRING, "");

        assertThat(schema.table(Comment.class).indexes()).containsExactly(
                gsi("GSI1_postId", s("postId")), gsi("GSI2_authorId", s("authorId")),
                gsi("GSI3_subjectId", s("subjectId")));
        assertThat(schema.table(Attachment.class).indexes()).containsExactly(
                gsi("GSI1_postId", s("postId")), gsi("GSI2_ownerId", s("ownerId")));
        assertThat(schema.table(Post.class).indexes()).isEmpty();
    }

    @Test
    void reorderingTheModelsRenumbersTheIndexes() {
        Schema schema = Schema.of(List.of(Author.class, Comment.class, Post.class, Attachment.class), STRING, "");

        assertThat(schema.table(Comment.class).indexes()).extracting(IndexDefinition::name)
                .containsExactly("GSI1_authorId", "GSI2_subjectId", "GSI3_postId");
        assertThat(schema.table(Attachment.class).indexes()).extracting(IndexDefinition::name)
                .containsExactly("GSI1_ownerId", "GSI2_postId");
    }

    // ---------------------------------------------------------------- key types per strategy

    static class Invoice {
        @PrimaryKey long number;
        @IndexSort byte[] hash;
        int customerNo;
    }

    static class Customer {
        @PrimaryKey int no;
        UUID externalId;
        @HasMany(model = Invoice.class, foreignKey = "customerNo", localKey = "no") List<Invoice> invoices;
    }

    @Test
    void stringStrategyMakesEveryKeyAttributeS() {
        Schema schema = Schema.of(List.of(Customer.class, Invoice.class), STRING, "");

        assertThat(schema.table(Invoice.class)).isEqualTo(new TableDefinition("invoices", Invoice.class,
                s("number"), s("hash"), List.of(gsi("GSI1_customerNo", s("customerNo")))));
        assertThat(schema.table(Customer.class).partitionKey()).isEqualTo(s("no"));
    }

    @Test
    void nativeStrategyMakesNumbersNAndBytesB() {
        Schema schema = Schema.of(List.of(Customer.class, Invoice.class), NATIVE, "");

        assertThat(schema.table(Invoice.class)).isEqualTo(new TableDefinition("invoices", Invoice.class,
                n("number"), new KeyAttribute("hash", ScalarAttributeType.B),
                List.of(gsi("GSI1_customerNo", n("customerNo")))));
        assertThat(schema.table(Customer.class).partitionKey()).isEqualTo(n("no"));
        assertThat(schema.keyTypeStrategy()).isSameAs(NATIVE);
    }

    static class Member {
        @PrimaryKey long id;
        @ManyToMany(model = Group.class, pivotTable = "memberships", foreignKey = "memberId", relatedKey = "groupId")
        List<Group> groups;
    }

    static class Group {
        @PrimaryKey String id;
    }

    @Test
    void pivotIndexesTakeTheTypesOfTheKeysTheyJoin() {
        Schema schema = Schema.of(List.of(Member.class, Group.class), NATIVE, "");

        assertThat(schema.tables()).last().isEqualTo(new TableDefinition("memberships", null, s("id"), null,
                List.of(gsi("GSI1_memberId", n("memberId")), gsi("GSI2_groupId", s("groupId")))));
    }

    // ---------------------------------------------------------------- errors

    private static InvalidModelException invalid(List<Class<?>> models, KeyTypeStrategy strategy, Class<?> model,
                                                 String field, String... hints) {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> Schema.of(models, strategy, ""));
        assertThat(e).as("Schema.of(%s) must fail", models).isNotNull();
        assertThat(e).isExactlyInstanceOf(InvalidModelException.class);
        assertThat(e.model()).isEqualTo(model);
        if (field == null) {
            assertThat(e.field()).isEmpty();
        } else {
            assertThat(e.field()).contains(field);
            assertThat(e.getMessage()).contains(model.getName() + "." + field + ": ");
        }
        assertThat(e.getMessage()).contains(model.getName()).contains(hints);
        return e;
    }

    @Test
    void relatedModelMustBeRegistered() {
        invalid(List.of(Order.class), STRING, Order.class, "user", "related model " + User.class.getName(),
                "not registered");
        invalid(List.of(User.class, Profile.class, Role.class), STRING, User.class, "orders",
                Order.class.getName(), "not registered");
    }

    static class BadForeignKey {
        @PrimaryKey String id;
        @HasMany(model = Attachment.class, foreignKey = "postID") List<Attachment> attachments;
    }

    static class BadBelongsTo {
        @PrimaryKey String id;
        String attachmentId;
        @BelongsTo(model = Attachment.class, localKey = "attachmentId", foreignKey = "key") Attachment attachment;
    }

    static class BadRelatedPk {
        @PrimaryKey String id;
        @ManyToMany(model = Attachment.class, pivotTable = "links", foreignKey = "a", relatedKey = "b",
                relatedPK = "uuid") List<Attachment> attachments;
    }

    @Test
    void foreignKeyMustBeAFieldOfTheTarget() {
        invalid(List.of(BadForeignKey.class, Attachment.class), STRING, BadForeignKey.class, "attachments",
                "foreignKey 'postID'", "Attachment", "[id, postId, ownerId]");
        invalid(List.of(BadBelongsTo.class, Attachment.class), STRING, BadBelongsTo.class, "attachment",
                "foreignKey 'key'", "Attachment");
        invalid(List.of(BadRelatedPk.class, Attachment.class), STRING, BadRelatedPk.class, "attachments",
                "relatedPK 'uuid'", "Attachment");
    }

    @Name("things")
    static class Thing {
        @PrimaryKey String id;
    }

    @Name("things")
    static class OtherThing {
        @PrimaryKey String id;
    }

    @Test
    void twoModelsCannotShareATableName() {
        invalid(List.of(Thing.class, OtherThing.class), STRING, OtherThing.class, null, "'things'",
                Thing.class.getName());
    }

    @Name("links")
    static class Link {
        @PrimaryKey String id;
    }

    static class Linked {
        @PrimaryKey String id;
        @ManyToMany(model = Link.class, pivotTable = "links", foreignKey = "linkedId", relatedKey = "linkId")
        List<Link> links;
    }

    @Test
    void aPivotTableCannotHaveTheNameOfAModelTable() {
        invalid(List.of(Link.class, Linked.class), STRING, Link.class, null, "pivotTable");
    }

    @Test
    void aPivotTableNameClashIsFoundWithAPrefixToo() {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> Schema.of(List.of(Link.class, Linked.class), STRING, "test_"));

        assertThat(e).isNotNull();
        assertThat(e.model()).isEqualTo(Link.class);
    }

    static class BooleanKey {
        @PrimaryKey boolean id;
    }

    static class ListKey {
        @PrimaryKey String id;
        @IndexSort List<String> tags;
    }

    static class Parent {
        @PrimaryKey String id;
        @HasMany(model = Child.class, foreignKey = "parentIds") List<Child> children;
    }

    static class Child {
        @PrimaryKey String id;
        List<String> parentIds;
    }

    @Test
    void keyFieldsMustHaveATypeTheStrategyCanStore() {
        for (KeyTypeStrategy strategy : List.of(STRING, NATIVE)) {
            invalid(List.of(BooleanKey.class), strategy, BooleanKey.class, "id", "boolean",
                    "'" + strategy.name() + "'");
            invalid(List.of(ListKey.class), strategy, ListKey.class, "tags", "List", "'" + strategy.name() + "'");
            invalid(List.of(Parent.class, Child.class), strategy, Child.class, "parentIds", "List");
        }
    }

    static class NumberedOwner {
        @PrimaryKey long id;
        @ManyToMany(model = Tag.class, pivotTable = "taggings", foreignKey = "ownerId", relatedKey = "tagId")
        List<Tag> tags;
    }

    static class NamedOwner {
        @PrimaryKey String id;
        @ManyToMany(model = Tag.class, pivotTable = "taggings", foreignKey = "ownerId", relatedKey = "tagId")
        List<Tag> tags;
    }

    static class Tag {
        @PrimaryKey String id;
    }

    @Test
    void oneIndexedAttributeCannotHaveTwoTypes() {
        invalid(List.of(NumberedOwner.class, NamedOwner.class, Tag.class), NATIVE, NamedOwner.class, "tags",
                "'ownerId'", "N", "S");
    }

    @Test
    void withTheStringStrategyTheSameAttributeHasOneType() {
        Schema schema = Schema.of(List.of(NumberedOwner.class, NamedOwner.class, Tag.class), STRING, "");

        assertThat(schema.tables()).extracting(TableDefinition::name)
                .containsExactly("numbered_owners", "named_owners", "tags", "taggings");
        assertThat(schema.tables().get(3).indexes()).containsExactly(
                gsi("GSI1_ownerId", s("ownerId")), gsi("GSI2_tagId", s("tagId")));
    }

    static class OtherSide {
        @PrimaryKey String id;
        @ManyToMany(model = Tag.class, pivotTable = "taggings", foreignKey = "otherId", relatedKey = "tagId")
        List<Tag> tags;
    }

    @Test
    void bothSidesOfAPivotMustNameTheSameAttributes() {
        invalid(List.of(NamedOwner.class, OtherSide.class, Tag.class), STRING, OtherSide.class, "tags",
                "'taggings'", "ownerId", "otherId");
    }

    static class NoKey {
        String id;
    }

    @Test
    void aModelWithoutPartitionKeyIsNotRegistered() {
        assertThatThrownBy(() -> Schema.of(List.of(Profile.class, NoKey.class), STRING, ""))
                .isInstanceOf(ModelNotRegisteredException.class)
                .hasMessageContaining(NoKey.class.getName());
    }
    static class Wallet {
        @PrimaryKey String id;
        @HasMany(model = Coin.class, foreignKey = "walletId") List<Coin> coins;
    }

    static class Coin {
        @PrimaryKey String id;
        long walletId;
    }

    static class Shelf {
        @PrimaryKey long id;
        @HasMany(model = Book.class, foreignKey = "shelfId") List<Book> books;
    }

    static class Book {
        @PrimaryKey String id;
        Integer shelfId;
        @BelongsTo(model = Shelf.class, localKey = "shelfId") Shelf shelf;
    }

    @Test
    void refusesRelationsJoiningFieldsOfIncompatibleTypes() {
        assertThatThrownBy(() -> Schema.of(List.of(Wallet.class, Coin.class), STRING, ""))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Wallet.coins")
                .hasMessageContaining("joins Wallet.id (String) with Coin.walletId (long)");
        assertThat(Schema.of(List.of(Shelf.class, Book.class), STRING, "").tables()).hasSize(2);
    }
}
