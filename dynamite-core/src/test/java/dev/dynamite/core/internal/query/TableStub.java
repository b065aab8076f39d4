package dev.dynamite.core.internal.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A hand-built stand-in for one table, for unit tests of the query side without a server: it describes the table's
 * indexes and answers a {@code Query} whose key condition is equalities on the key attributes (no filter), in key
 * order, honouring {@code ExclusiveStartKey} and {@code Limit} as DynamoDB does. Every request is kept.
 */
final class TableStub implements DynamoDbClient {
    private static final Pattern EQUALITY = Pattern.compile("(#\\w+) = (:\\w+)");

    private final String table;
    private final List<String> tableKeys;
    private final List<GlobalSecondaryIndexDescription> indexes;
    private final List<Map<String, AttributeValue>> items;
    final List<QueryRequest> queries = new ArrayList<>();

    /**
     * @param tableKeys the table's key attributes, partition first
     * @param index an index on one attribute, named {@code GSI1_<attribute>}, or null for none
     * @param items the items
     */
    TableStub(String table, List<String> tableKeys, String index, List<Map<String, AttributeValue>> items) {
        this.table = table;
        this.tableKeys = tableKeys;
        this.indexes = index == null ? List.of() : List.of(GlobalSecondaryIndexDescription.builder()
                .indexName("GSI1_" + index).indexStatus(IndexStatus.ACTIVE)
                .keySchema(KeySchemaElement.builder().attributeName(index).keyType(KeyType.HASH).build())
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build());
        this.items = List.copyOf(items);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return DescribeTableResponse.builder().table(TableDescription.builder().tableName(table)
                .globalSecondaryIndexes(indexes).build()).build();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        queries.add(request);
        if (request.filterExpression() != null) {
            throw new UnsupportedOperationException("the stub evaluates no filter: " + request.filterExpression());
        }
        Matcher equality = EQUALITY.matcher(request.keyConditionExpression());
        List<Map<String, AttributeValue>> matching = new ArrayList<>();
        List<String[]> conditions = new ArrayList<>();
        while (equality.find()) {
            conditions.add(new String[] {request.expressionAttributeNames().get(equality.group(1)),
                    equality.group(2)});
        }
        for (Map<String, AttributeValue> item : items) {
            boolean matches = true;
            for (String[] condition : conditions) {
                matches &= request.expressionAttributeValues().get(condition[1]).equals(item.get(condition[0]));
            }
            if (matches) {
                matching.add(item);
            }
        }
        Comparator<Map<String, AttributeValue>> order = Comparator.comparing(item -> key(item));
        matching.sort(request.scanIndexForward() == Boolean.FALSE ? order.reversed() : order);
        int from = 0;
        if (request.hasExclusiveStartKey()) {
            String start = key(request.exclusiveStartKey());
            while (from < matching.size() && !key(matching.get(from)).equals(start)) {
                from++;
            }
            from++;
        }
        int limit = request.limit() == null ? Integer.MAX_VALUE : request.limit();
        int to = (int) Math.min(matching.size(), (long) from + limit);
        List<Map<String, AttributeValue>> page = matching.subList(Math.min(from, matching.size()), to);
        QueryResponse.Builder response = QueryResponse.builder().items(page).count(page.size());
        if (to < matching.size() && !page.isEmpty()) {
            Map<String, AttributeValue> last = page.get(page.size() - 1);
            Map<String, AttributeValue> lastKey = new java.util.LinkedHashMap<>();
            for (String attribute : request.indexName() == null ? tableKeys
                    : List.of(indexes.get(0).keySchema().get(0).attributeName(), tableKeys.get(0))) {
                lastKey.put(attribute, last.get(attribute));
            }
            tableKeys.forEach(attribute -> lastKey.put(attribute, last.get(attribute)));
            response.lastEvaluatedKey(lastKey);
        }
        return response.build();
    }

    /** The table key of an item, as text, for ordering and finding a start key. */
    private String key(Map<String, AttributeValue> item) {
        StringBuilder key = new StringBuilder();
        for (String attribute : tableKeys) {
            key.append(item.get(attribute).s()).append('|');
        }
        return key.toString();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
