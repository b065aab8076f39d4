package dev.dynamite.benchmarks.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The nine attributes besides their keys that the benchmarks' flat items hold, with getter/setter pairs for the
 * Enhanced Client's bean schema (Dynamite maps the public fields): the flat model of the mapping benchmark adds its
 * key, and so do the partition items of the end-to-end benchmark. Its two static methods are the hand-written
 * {@code AttributeValue} code both benchmarks measure Dynamite against.
 */
public class FlatFields {
    public String name;
    public String email;
    public int count;
    public long views;
    public boolean active;
    public Instant createdAt;
    public List<String> tags;
    public Double rating;
    public BigDecimal price;

    /** For both mappers. */
    public FlatFields() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }

    public long getViews() {
        return views;
    }

    public void setViews(long views) {
        this.views = views;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public Double getRating() {
        return rating;
    }

    public void setRating(Double rating) {
        this.rating = rating;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    /**
     * Writes the nine attributes into an item, as hand-written SDK code does.
     *
     * @param f the attributes
     * @param item the item, which already holds or will hold the keys
     */
    public static void writeByHand(FlatFields f, Map<String, AttributeValue> item) {
        item.put("name", AttributeValue.fromS(f.name));
        item.put("email", AttributeValue.fromS(f.email));
        item.put("count", AttributeValue.fromN(Integer.toString(f.count)));
        item.put("views", AttributeValue.fromN(Long.toString(f.views)));
        item.put("active", AttributeValue.fromBool(f.active));
        item.put("createdAt", AttributeValue.fromS(f.createdAt.toString()));
        List<AttributeValue> tags = new ArrayList<>(f.tags.size());
        for (String tag : f.tags) {
            tags.add(AttributeValue.fromS(tag));
        }
        item.put("tags", AttributeValue.fromL(tags));
        item.put("rating", AttributeValue.fromN(f.rating.toString()));
        item.put("price", AttributeValue.fromN(f.price.toPlainString()));
    }

    /**
     * Reads the nine attributes from an item, as hand-written SDK code does.
     *
     * @param f the attributes to fill
     * @param item the item
     */
    public static void readByHand(FlatFields f, Map<String, AttributeValue> item) {
        f.name = item.get("name").s();
        f.email = item.get("email").s();
        f.count = Integer.parseInt(item.get("count").n());
        f.views = Long.parseLong(item.get("views").n());
        f.active = item.get("active").bool();
        f.createdAt = Instant.parse(item.get("createdAt").s());
        List<AttributeValue> stored = item.get("tags").l();
        List<String> tags = new ArrayList<>(stored.size());
        for (AttributeValue tag : stored) {
            tags.add(tag.s());
        }
        f.tags = tags;
        f.rating = Double.valueOf(item.get("rating").n());
        f.price = new BigDecimal(item.get("price").n());
    }
}
