package dev.dynamite.codec.jackson.model;

import java.util.List;

/** A record stored as a nested map. */
public record Address(String street, String city, int zip, List<String> lines) {
}
