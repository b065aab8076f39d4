package dev.dynamite.benchmarks.generated;

import dev.dynamite.Table;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.PrimaryKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The cold-start item compiled with {@code dynamite-processor} (this package is the only one the processor handles in
 * this module's tests): {@code ColdStartProbe.ColdItem} field for field, read through its generated code.
 */
@Name("cold_items")
public class GenItem extends Table<GenItem> {
    @PrimaryKey public String id;
    public String name;
    public String email;
    public int count;
    public long views;
    public boolean active;
    public Instant createdAt;
    public List<String> tags;
    public Double rating;
    public BigDecimal price;
}
