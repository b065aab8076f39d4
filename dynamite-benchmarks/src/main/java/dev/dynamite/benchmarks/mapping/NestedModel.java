package dev.dynamite.benchmarks.mapping;

import dev.dynamite.annotation.PrimaryKey;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The nested model of the mapping benchmark: an order with a map attribute (M of S) and a list of maps (L of M of S),
 * a shape both mappers handle with their built-in converters. One class serves both mappers, as {@link FlatModel}.
 */
@DynamoDbBean
public class NestedModel {
    @PrimaryKey public String id;
    public String customer;
    public Map<String, String> address;
    public List<Map<String, String>> lines;

    /** For both mappers. */
    public NestedModel() {
    }

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public Map<String, String> getAddress() {
        return address;
    }

    public void setAddress(Map<String, String> address) {
        this.address = address;
    }

    public List<Map<String, String>> getLines() {
        return lines;
    }

    public void setLines(List<Map<String, String>> lines) {
        this.lines = lines;
    }
}
