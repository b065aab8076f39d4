package dev.dynamite.examples.model;

/**
 * A postal address, stored inside a user's item as a DynamoDB map by dynamite-codec-jackson, which Dynamite finds on
 * the module path without this module requiring it.
 *
 * @param street the street and number
 * @param city the city
 */
public record Address(String street, String city) {
}
