package dev.dynamite.schema.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a class's simple name into a table name: snake_case, with the last word in its English plural.
 */
public final class Inflector {
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("person", "people"), Map.entry("child", "children"), Map.entry("man", "men"),
            Map.entry("woman", "women"), Map.entry("mouse", "mice"), Map.entry("goose", "geese"),
            Map.entry("foot", "feet"), Map.entry("tooth", "teeth"), Map.entry("ox", "oxen"),
            Map.entry("leaf", "leaves"), Map.entry("knife", "knives"), Map.entry("wife", "wives"),
            Map.entry("life", "lives"), Map.entry("half", "halves"), Map.entry("wolf", "wolves"),
            Map.entry("shelf", "shelves"), Map.entry("thief", "thieves"), Map.entry("calf", "calves"),
            Map.entry("loaf", "loaves"), Map.entry("hero", "heroes"), Map.entry("potato", "potatoes"),
            Map.entry("tomato", "tomatoes"), Map.entry("echo", "echoes"), Map.entry("veto", "vetoes"),
            Map.entry("index", "indices"), Map.entry("matrix", "matrices"), Map.entry("vertex", "vertices"),
            Map.entry("criterion", "criteria"), Map.entry("phenomenon", "phenomena"), Map.entry("datum", "data"),
            Map.entry("medium", "media"), Map.entry("quiz", "quizzes"));
    private static final Set<String> UNCOUNTABLE = Set.of(
            "sheep", "fish", "deer", "series", "species", "news", "information", "equipment", "rice", "money",
            "data", "metadata", "feedback", "software", "hardware", "staff", "aircraft", "media", "music",
            "inventory", "traffic", "luggage", "baggage", "furniture", "advice", "evidence", "knowledge");

    private Inflector() {
    }

    /**
     * Returns the default table name of a class: {@code OrderItem} → {@code order_items}.
     *
     * @param simpleName the class's simple name
     * @return the snake_case plural
     */
    public static String tableName(String simpleName) {
        String snake = snakeCase(simpleName);
        int cut = snake.lastIndexOf('_');
        return snake.substring(0, cut + 1) + plural(snake.substring(cut + 1));
    }

    /**
     * Returns the snake_case form of a camel-case name: {@code HTTPRequestLog} → {@code http_request_log}.
     *
     * @param name a Java identifier
     * @return the lower-case words joined by {@code _}
     */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                        || Character.isDigit(name.charAt(i - 1)));
                boolean endOfAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if ((afterLower || endOfAcronym) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else if (c == '$') {
                out.append('_');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Returns the English plural of one lower-case word.
     *
     * @param word a lower-case word
     * @return its plural
     */
    public static String plural(String word) {
        if (word.isEmpty() || UNCOUNTABLE.contains(word)) {
            return word;
        }
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("is") && w.length() > 3) {                 // analysis → analyses, crisis → crises
            return word.substring(0, word.length() - 2) + "es";
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("as") || w.endsWith("x") || w.endsWith("z")
                || w.endsWith("ch") || w.endsWith("sh")) {
            return word + "es";                                   // address → addresses, status → statuses, box → boxes
        }
        if (w.endsWith("s")) {
            return word;                                          // already plural: settings, details
        }
        if (w.endsWith("y") && w.length() > 1 && !isVowel(w.charAt(w.length() - 2))) {
            return word.substring(0, word.length() - 1) + "ies";  // category → categories (but key → keys)
        }
        return word + "s";
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
