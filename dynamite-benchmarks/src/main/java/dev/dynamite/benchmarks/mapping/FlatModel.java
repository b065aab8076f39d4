package dev.dynamite.benchmarks.mapping;

import dev.dynamite.annotation.PrimaryKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The flat model of the mapping benchmark: ten attributes, its key and the {@link FlatFields}. One class serves both
 * mappers: Dynamite maps its fields, the Enhanced Client's BeanTableSchema its getter/setter pairs, so both see
 * exactly the same shape and data.
 */
@DynamoDbBean
public class FlatModel extends FlatFields {
    @PrimaryKey public String id;

    /** For both mappers. */
    public FlatModel() {
    }

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
