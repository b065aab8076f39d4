package dev.dynamite.examples.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money in a currency.
 *
 * @param amount the amount, with its scale (12.50 stays 12.50)
 * @param currency the ISO 4217 code, such as {@code EUR}
 */
public record Money(BigDecimal amount, String currency) {
    /**
     * Checks the components.
     *
     * @param amount the amount
     * @param currency a three-letter code
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is three capital letters, not " + currency);
        }
    }

    /**
     * Parses the stored text.
     *
     * @param text such as {@code "12.50 EUR"}
     * @return the money
     * @throws IllegalArgumentException if the text is not an amount and a currency
     */
    public static Money parse(String text) {
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("'" + text + "' is not an amount and a currency");
        }
        return new Money(new BigDecimal(text.substring(0, space)), text.substring(space + 1));
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
