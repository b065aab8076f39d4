package dev.dynamite.benchmarks.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The nine attributes besides their keys that the benchmarks' flat items hold, with getter/setter pairs for the
 * Enhanced Client's bean schema (Dynamite maps the public fields): the flat model of the mapping benchmark adds its
 * key, and so do the partition items of the end-to-end benchmark.
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
}
