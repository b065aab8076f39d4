package dev.dynamite.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InflectorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // regular
            "user, users", "order, orders", "photo, photos", "item, items",
            // sibilants take -es
            "address, addresses", "status, statuses", "alias, aliases", "settings, settings", "details, details", "bus, buses", "box, boxes", "tax, taxes",
            "church, churches", "batch, batches", "wish, wishes", "dish, dishes", "buzz, buzzes",
            // consonant + y → ies, vowel + y → ys
            "category, categories", "city, cities", "company, companies",
            "key, keys", "day, days", "boy, boys", "survey, surveys", "guy, guys",
            // -is → -es
            "analysis, analyses", "crisis, crises", "thesis, theses",
            // irregular
            "person, people", "child, children", "man, men", "woman, women", "mouse, mice", "leaf, leaves",
            "knife, knives", "wife, wives", "hero, heroes", "potato, potatoes", "index, indices",
            "matrix, matrices", "criterion, criteria", "datum, data", "medium, media", "quiz, quizzes", "ox, oxen",
            // uncountable
            "sheep, sheep", "fish, fish", "series, series", "species, species", "news, news", "data, data",
            "metadata, metadata", "equipment, equipment", "software, software", "feedback, feedback"
    })
    void pluralizesEnglishWords(String word, String plural) {
        assertThat(Inflector.plural(word)).isEqualTo(plural);
    }

    @Test
    void pluralOfTheEmptyWordIsEmpty() {
        assertThat(Inflector.plural("")).isEmpty();
    }

    @Test
    void aSingleLetterYIsNotTreatedAsAConsonantEnding() {
        assertThat(Inflector.plural("y")).isEqualTo("ys");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "User, user",
            "OrderItem, order_item",
            "userId, user_id",
            "HTTPRequest, http_request",
            "HTTPRequestLog, http_request_log",
            "IPAddress, ip_address",
            "userID, user_id",
            "XMLHttpRequest, xml_http_request",
            "ABC, abc",
            "A, a",
            "Order2Item, order2_item",
            "Version2, version2",
            "already_snake, already_snake",
            "Snake_Case, snake_case",
            "Outer$Inner, outer_inner"
    })
    void snakeCasesCamelCaseNames(String name, String snake) {
        assertThat(Inflector.snakeCase(name)).isEqualTo(snake);
    }

    @Test
    void snakeCaseOfTheEmptyNameIsEmpty() {
        assertThat(Inflector.snakeCase("")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "User, users",
            "OrderItem, order_items",
            "Category, categories",
            "Address, addresses",
            "UserSettings, user_settings",
            "Person, people",
            "SalesPerson, sales_people",
            "Key, keys",
            "ApiKey, api_keys",
            "Box, boxes",
            "HTTPRequest, http_requests",
            "ProductCategory, product_categories",
            "UserData, user_data",
            "Child, children"
    })
    void tableNamePluralizesOnlyTheLastWord(String simpleName, String table) {
        assertThat(Inflector.tableName(simpleName)).isEqualTo(table);
    }
}
