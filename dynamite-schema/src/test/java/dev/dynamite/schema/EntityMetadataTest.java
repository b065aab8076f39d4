package dev.dynamite.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamite.annotation.BelongsTo;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.HasOne;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.ManyToMany;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.NonAttribute;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.ModelNotRegisteredException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntityMetadataTest {

    // ---------------------------------------------------------------- table names

    static class User { @PrimaryKey String id; }
    static class OrderItem { @PrimaryKey String id; }
    static class Category { @PrimaryKey String id; }
    static class Address { @PrimaryKey String id; }
    static class Person { @PrimaryKey String id; }
    static class Key { @PrimaryKey String id; }
    static class Box { @PrimaryKey String id; }
    static class HTTPRequest { @PrimaryKey String id; }

    @Name("app_accounts")
    static class Account { @PrimaryKey String id; }

    static Stream<Arguments> tableNames() {
        return Stream.of(
                Arguments.of(User.class, "users"),
                Arguments.of(OrderItem.class, "order_items"),
                Arguments.of(Category.class, "categories"),
                Arguments.of(Address.class, "addresses"),
                Arguments.of(Person.class, "people"),
                Arguments.of(Key.class, "keys"),
                Arguments.of(Box.class, "boxes"),
                Arguments.of(HTTPRequest.class, "http_requests"),
                Arguments.of(Account.class, "app_accounts"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("tableNames")
    void tableNameIsTheSnakeCasePluralOfTheClassNameUnlessNamed(Class<?> model, String expected) {
        assertThat(EntityMetadata.of(model).tableName()).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- attributes and keys

    static class Order {
        @PrimaryKey String id;
        @IndexSort @Name("created_at") String createdAt;
        @Name("user_id") String userId;
        long total;
        static String ignoredStatic;
        transient String ignoredTransient;
        @HasMany(model = Line.class, foreignKey = "orderId") List<Line> lines;
        @BelongsTo(model = Customer.class, localKey = "userId") Customer customer;
    }

    static class Line { @PrimaryKey String id; String orderId; }

    static class Customer {
        @Index String email;
        @HasOne(model = Order.class, foreignKey = "userId", localKey = "email") Order lastOrder;
        @ManyToMany(model = Category.class, pivotTable = "customer_categories", foreignKey = "customerId",
                relatedKey = "categoryId", localKey = "email") List<Category> categories;
    }

    @Test
    void readsKeysAndAttributeNamesFromTheAnnotations() {
        EntityMetadata meta = EntityMetadata.of(Order.class);

        assertThat(meta.type()).isEqualTo(Order.class);
        assertThat(meta.partitionKey()).isEqualTo(new AttributeField("id", "id", String.class));
        assertThat(meta.sortKey()).contains(new AttributeField("createdAt", "created_at", String.class));
        assertThat(meta.attributes()).containsExactly(
                new AttributeField("id", "id", String.class),
                new AttributeField("createdAt", "created_at", String.class),
                new AttributeField("userId", "user_id", String.class),
                new AttributeField("total", "total", long.class));
        assertThat(meta.attribute("userId")).map(AttributeField::attributeName).contains("user_id");
        assertThat(meta.toString()).contains(Order.class.getName(), "orders");
    }

    @Test
    void skipsStaticTransientAndRelationFields() {
        EntityMetadata meta = EntityMetadata.of(Order.class);

        assertThat(meta.attributes()).extracting(AttributeField::name)
                .doesNotContain("ignoredStatic", "ignoredTransient", "lines", "customer");
        assertThat(meta.attribute("ignoredTransient")).isEmpty();
        assertThat(meta.attribute("lines")).isEmpty();
    }

    static class Profile {
        @PrimaryKey String id;
        @NonAttribute String displayName;
        String bio;
        @NonAttribute transient int cachedScore;
    }

    static class ExtendedProfile extends Profile {
        @NonAttribute String badge;
        String website;
    }

    @Test
    void skipsNonAttributeFieldsLikeTransientOnes() {
        EntityMetadata meta = EntityMetadata.of(Profile.class);

        assertThat(meta.attributes()).extracting(AttributeField::name).containsExactly("id", "bio");
        assertThat(meta.attribute("displayName")).isEmpty();
        assertThat(meta.attribute("cachedScore")).isEmpty();
        assertThat(EntityMetadata.of(ExtendedProfile.class).attributes()).extracting(AttributeField::name)
                .containsExactly("id", "bio", "website");
    }

    @Test
    void readsRelationsInDeclarationOrderWithTheirDefaults() {
        assertThat(EntityMetadata.of(Order.class).relations()).containsExactly(
                new Relation(RelationKind.HAS_MANY, "lines", Line.class, "orderId", "id", null, null, null),
                new Relation(RelationKind.BELONGS_TO, "customer", Customer.class, "id", "userId", null, null, null));
        assertThat(EntityMetadata.of(Customer.class).relations()).containsExactly(
                new Relation(RelationKind.HAS_ONE, "lastOrder", Order.class, "userId", "email", null, null, null),
                new Relation(RelationKind.MANY_TO_MANY, "categories", Category.class, "customerId", "email",
                        "customer_categories", "categoryId", "id"));
    }

    @Test
    void indexIsAnotherSpellingOfThePartitionKeyAndTheSortKeyIsOptional() {
        EntityMetadata meta = EntityMetadata.of(Customer.class);

        assertThat(meta.partitionKey().name()).isEqualTo("email");
        assertThat(meta.sortKey()).isEmpty();
    }

    @Test
    void exposesUnmodifiableViews() {
        EntityMetadata meta = EntityMetadata.of(Order.class);

        assertThatThrownBy(() -> meta.attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> meta.relations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    static class Base {
        @PrimaryKey String id;
        String createdAt;
    }

    static class Article extends Base {
        String title;
        @IndexSort String slug;
    }

    @Test
    void readsSuperclassFieldsFirstAndNamesTheTableAfterTheSubclass() {
        EntityMetadata meta = EntityMetadata.of(Article.class);

        assertThat(meta.tableName()).isEqualTo("articles");
        assertThat(meta.attributes()).extracting(AttributeField::name).containsExactly("id", "createdAt", "title", "slug");
        assertThat(meta.partitionKey().name()).isEqualTo("id");
        assertThat(meta.sortKey()).map(AttributeField::name).contains("slug");
    }

    class Inner { @PrimaryKey String id; }

    @Test
    void skipsTheSyntheticOuterReferenceOfAnInnerClass() {
        assertThat(EntityMetadata.of(Inner.class).attributes()).extracting(AttributeField::name).containsExactly("id");
    }

    @Test
    void cachesOneInstancePerClass() {
        assertThat(EntityMetadata.of(Order.class)).isSameAs(EntityMetadata.of(Order.class));
        assertThat(EntityMetadata.of(User.class)).isNotSameAs(EntityMetadata.of(Order.class));
    }

    // ---------------------------------------------------------------- errors

    /** Asserts the exception type, model, field and that the message names the class, the field and {@code hints}. */
    private static InvalidModelException invalid(Class<?> model, String field, String... hints) {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class, () -> EntityMetadata.of(model));
        assertThat(e).as("EntityMetadata.of(%s) must fail", model.getSimpleName()).isNotNull();
        assertThat(e).isExactlyInstanceOf(InvalidModelException.class);
        assertThat(e.model()).isEqualTo(model);
        if (field == null) {
            assertThat(e.field()).isEmpty();
            assertThat(e.getMessage()).startsWith(model.getName() + ": ");
        } else {
            assertThat(e.field()).contains(field);
            assertThat(e.getMessage()).startsWith(model.getName() + "." + field + ": ");
        }
        assertThat(e.getMessage()).contains(hints);
        return e;
    }

    static class NoKey { String id; String name; }

    @Test
    void aModelWithoutPartitionKeyIsNotRegistered() {
        ModelNotRegisteredException e = catchThrowableOfType(ModelNotRegisteredException.class,
                () -> EntityMetadata.of(NoKey.class));

        assertThat(e).isNotNull();
        assertThat(e.model()).isEqualTo(NoKey.class);
        assertThat(e.field()).isEmpty();
        assertThat(e.getMessage()).contains(NoKey.class.getName(), "@PrimaryKey", "@Index");
    }

    @Test
    void aFailedReadIsNotCachedAndFailsAgain() {
        assertThatThrownBy(() -> EntityMetadata.of(NoKey.class)).isInstanceOf(ModelNotRegisteredException.class);
        assertThatThrownBy(() -> EntityMetadata.of(NoKey.class)).isInstanceOf(ModelNotRegisteredException.class);
    }

    interface NotAClass { }

    enum NotAClassEither { A }

    @Test
    void interfacesAndEnumsAreNotModels() {
        assertThatThrownBy(() -> EntityMetadata.of(NotAClass.class))
                .isInstanceOf(ModelNotRegisteredException.class).hasMessageContaining("must be a class");
        assertThatThrownBy(() -> EntityMetadata.of(NotAClassEither.class))
                .isInstanceOf(ModelNotRegisteredException.class).hasMessageContaining("must be a class");
        assertThatThrownBy(() -> EntityMetadata.of(int.class))
                .isInstanceOf(ModelNotRegisteredException.class).hasMessageContaining("must be a class");
    }

    static class TwoPrimaryKeys { @PrimaryKey String first; @PrimaryKey String second; }

    static class PrimaryKeyAndIndex { @PrimaryKey String first; @Index String second; }

    static class IndexThenPrimaryKey { @Index String first; String middle; @PrimaryKey String second; }

    @Test
    void rejectsASecondPartitionKeyNamingBothFields() {
        invalid(TwoPrimaryKeys.class, "second", "second partition key", "'first'");
        invalid(PrimaryKeyAndIndex.class, "second", "second partition key", "'first'");
        invalid(IndexThenPrimaryKey.class, "second", "second partition key", "'first'");
    }

    static class BothOnOneField { @PrimaryKey @Index String id; }

    @Test
    void rejectsPrimaryKeyAndIndexOnOneField() {
        invalid(BothOnOneField.class, "id", "@PrimaryKey", "@Index", "keep one");
    }

    static class TwoSortKeys { @PrimaryKey String id; @IndexSort String a; @IndexSort String b; }

    @Test
    void rejectsASecondSortKey() {
        invalid(TwoSortKeys.class, "b", "second sort key", "'a'", "@IndexSort");
    }

    static class PartitionAndSort { @PrimaryKey @IndexSort String id; }

    static class IndexAndSort { @Index @IndexSort String id; }

    @Test
    void rejectsPartitionAndSortKeyOnOneField() {
        invalid(PartitionAndSort.class, "id", "partition key", "sort key");
        invalid(IndexAndSort.class, "id", "partition key", "sort key");
    }

    static class SameAttribute { @PrimaryKey String id; @Name("mail") String email; @Name("mail") String backup; }

    static class NamedLikeAnotherField { @PrimaryKey String id; String email; @Name("email") String contact; }

    @Test
    void rejectsTwoFieldsWithOneAttributeName() {
        invalid(SameAttribute.class, "backup", "'mail'", "'email'");
        invalid(NamedLikeAnotherField.class, "contact", "'email'", "already used");
    }

    static class Hiding extends Base { String createdAt; }

    @Test
    void rejectsAFieldHidingAnInheritedOne() {
        invalid(Hiding.class, "createdAt", "declared twice", Hiding.class.getName());
    }

    @Name(" ")
    static class BlankTableName { @PrimaryKey String id; }

    static class BlankFieldName { @PrimaryKey String id; @Name("") String email; }

    @Test
    void rejectsBlankNames() {
        invalid(BlankTableName.class, null, "@Name on the class is blank");
        invalid(BlankFieldName.class, "email", "@Name is blank");
    }

    static class KeyOnRelation {
        @PrimaryKey String id;
        @IndexSort @HasMany(model = Line.class, foreignKey = "orderId") List<Line> lines;
    }

    static class PartitionKeyOnRelation {
        @PrimaryKey @HasOne(model = Line.class, foreignKey = "orderId") Line line;
        @PrimaryKey String id;
    }

    static class NameOnRelation {
        @PrimaryKey String id;
        @Name("lines") @HasMany(model = Line.class, foreignKey = "orderId") List<Line> lines;
    }

    @Test
    void rejectsKeyAnnotationsAndNamesOnRelationFields() {
        invalid(KeyOnRelation.class, "lines", "relation field", "key");
        invalid(PartitionKeyOnRelation.class, "line", "relation field", "key");
        invalid(NameOnRelation.class, "lines", "relation field", "@Name");
    }

    static class NonAttributePrimaryKey { @PrimaryKey @NonAttribute String id; }

    static class NonAttributeIndex { @Index @NonAttribute String id; }

    static class NonAttributeSortKey { @PrimaryKey String id; @IndexSort @NonAttribute String sort; }

    static class NonAttributeNamed { @PrimaryKey String id; @Name("display_name") @NonAttribute String displayName; }

    static class NonAttributeRelation {
        @PrimaryKey String id;
        @NonAttribute @HasMany(model = Line.class, foreignKey = "orderId") List<Line> lines;
    }

    static class RelationOnNonAttributeKey {
        @PrimaryKey String id;
        @NonAttribute String code;
        @HasMany(model = Line.class, foreignKey = "orderId", localKey = "code") List<Line> lines;
    }

    @Test
    void rejectsNonAttributeOnKeysNamedAndRelationFields() {
        invalid(NonAttributePrimaryKey.class, "id", "@NonAttribute", "cannot be a key");
        invalid(NonAttributeIndex.class, "id", "@NonAttribute", "cannot be a key");
        invalid(NonAttributeSortKey.class, "sort", "@NonAttribute", "cannot be a key");
        invalid(NonAttributeNamed.class, "displayName", "@NonAttribute", "@Name");
        invalid(NonAttributeRelation.class, "lines", "@NonAttribute", "relation");
    }

    @Test
    void aRelationCannotUseANonAttributeFieldAsItsLocalKey() {
        invalid(RelationOnNonAttributeKey.class, "lines", "localKey 'code'", "not a persisted field");
    }

    static class HasManySet { @PrimaryKey String id; @HasMany(model = Line.class, foreignKey = "orderId") Set<Line> lines; }

    static class ManyToManyArray {
        @PrimaryKey String id;
        @ManyToMany(model = Line.class, pivotTable = "p", foreignKey = "a", relatedKey = "b") Line[] lines;
    }

    static class HasManyCollection {
        @PrimaryKey String id;
        @HasMany(model = Line.class, foreignKey = "orderId") Collection<Line> lines;
    }

    @Test
    void rejectsAToManyRelationOnAFieldThatIsNotAList() {
        invalid(HasManySet.class, "lines", "@HasMany", "List<Line>", "Set");
        invalid(ManyToManyArray.class, "lines", "@ManyToMany", "List<Line>");
    }

    @Test
    void acceptsAToManyRelationOnASupertypeOfList() {
        assertThat(EntityMetadata.of(HasManyCollection.class).relations()).singleElement()
                .extracting(Relation::kind).isEqualTo(RelationKind.HAS_MANY);
    }

    static class HasOneWrongType { @PrimaryKey String id; @HasOne(model = Line.class, foreignKey = "orderId") String line; }

    static class HasOneList {
        @PrimaryKey String id;
        @HasOne(model = Line.class, foreignKey = "orderId") List<Line> line;
    }

    static class BelongsToWrongType { @PrimaryKey String id; String lineId; @BelongsTo(model = Line.class, localKey = "lineId") Order line; }

    @Test
    void rejectsAToOneRelationOnAFieldOfAnotherType() {
        invalid(HasOneWrongType.class, "line", "@HasOne", "Line", "String");
        invalid(HasOneList.class, "line", "@HasOne", "Line", "List");
        invalid(BelongsToWrongType.class, "line", "@BelongsTo", "Line", "Order");
    }

    static class TwoRelations {
        @PrimaryKey String id;
        @HasOne(model = Line.class, foreignKey = "orderId") @BelongsTo(model = Line.class, localKey = "id") Line line;
    }

    @Test
    void rejectsTwoRelationAnnotationsOnOneField() {
        invalid(TwoRelations.class, "line", "2 relations");
    }

    static class PivotKeysEqual {
        @PrimaryKey String id;
        @ManyToMany(model = Category.class, pivotTable = "p", foreignKey = "key", relatedKey = "key")
        List<Category> categories;
    }

    static class PivotForeignKeyIsId {
        @PrimaryKey String id;
        @ManyToMany(model = Category.class, pivotTable = "p", foreignKey = "id", relatedKey = "categoryId")
        List<Category> categories;
    }

    static class PivotRelatedKeyIsId {
        @PrimaryKey String id;
        @ManyToMany(model = Category.class, pivotTable = "p", foreignKey = "ownerId", relatedKey = "id")
        List<Category> categories;
    }

    @Test
    void rejectsPivotKeysThatClash() {
        invalid(PivotKeysEqual.class, "categories", "foreignKey 'key'", "relatedKey 'key'");
        invalid(PivotForeignKeyIsId.class, "categories", "foreignKey 'id'", "pivot table's key 'id'");
        invalid(PivotRelatedKeyIsId.class, "categories", "relatedKey 'id'", "pivot table's key 'id'");
    }

    static class BlankPivot {
        @PrimaryKey String id;
        @ManyToMany(model = Category.class, pivotTable = " ", foreignKey = "a", relatedKey = "b")
        List<Category> categories;
    }

    static class BlankRelatedPk {
        @PrimaryKey String id;
        @ManyToMany(model = Category.class, pivotTable = "p", foreignKey = "a", relatedKey = "b", relatedPK = "")
        List<Category> categories;
    }

    static class BlankForeignKey { @PrimaryKey String id; @HasMany(model = Line.class, foreignKey = "") List<Line> lines; }

    @Test
    void rejectsBlankRelationAttributes() {
        invalid(BlankPivot.class, "categories", "pivotTable");
        invalid(BlankRelatedPk.class, "categories", "relatedPK");
        invalid(BlankForeignKey.class, "lines", "non-blank foreignKey");
    }

    static class MissingLocalKey {
        @PrimaryKey String id;
        @HasMany(model = Line.class, foreignKey = "orderId", localKey = "code") List<Line> lines;
    }

    static class LocalKeyIsTransient {
        @PrimaryKey String id;
        transient String code;
        @HasOne(model = Line.class, foreignKey = "orderId", localKey = "code") Line line;
    }

    static class BelongsToMissingLocalKey { @PrimaryKey String id; @BelongsTo(model = Line.class, localKey = "lineId") Line line; }

    @Test
    void rejectsALocalKeyThatIsNotAPersistedField() {
        invalid(MissingLocalKey.class, "lines", "localKey 'code'", "MissingLocalKey");
        invalid(LocalKeyIsTransient.class, "line", "localKey 'code'");
        invalid(BelongsToMissingLocalKey.class, "line", "localKey 'lineId'");
    }
}
