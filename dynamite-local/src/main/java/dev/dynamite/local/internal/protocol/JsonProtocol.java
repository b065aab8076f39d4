package dev.dynamite.local.internal.protocol;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.engine.Operations;
import dev.dynamite.local.internal.json.Json;
import java.io.InterruptedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The DynamoDB JSON 1.0 protocol over HTTP, independent of any transport: turns one request (method, headers, body)
 * into one response, as DynamoDB answers it, running the operation on the engine and applying injected faults.
 *
 * <p>Checks run in DynamoDB's (and dynalite's) order: health check on {@code GET}, method and content type
 * ({@code 404 <UnknownOperationException/>}), JSON syntax ({@code SerializationException}), {@code X-Amz-Target}
 * ({@code UnknownOperationException}), presence of a SigV4 signature ({@code MissingAuthenticationTokenException},
 * {@code IncompleteSignatureException}; signatures are not verified), then the operation. Every response carries an
 * {@code x-amzn-RequestId} and the {@code x-amz-crc32} of its body, which the AWS SDK checks.
 *
 * <p>This class must not use any AWS SDK type: the HTTP server and the command line run without the SDK.
 * Thread-safe.
 */
public final class JsonProtocol {
    private static final System.Logger LOG = System.getLogger(JsonProtocol.class.getName());

    /** The {@code X-Amz-Target} prefix of DynamoDB's current API version. */
    public static final String API = "DynamoDB_20120810";
    /** The name of the batch read operation. */
    public static final String BATCH_GET = "BatchGetItem";
    /** The name of the batch write operation. */
    public static final String BATCH_WRITE = "BatchWriteItem";
    /** Every operation of DynamoDB's API; other names answer {@code UnknownOperationException}. */
    public static final Set<String> OPERATIONS = Set.of(
            "BatchExecuteStatement", BATCH_GET, BATCH_WRITE, "CreateBackup", "CreateGlobalTable", "CreateTable",
            "DeleteBackup", "DeleteItem", "DeleteResourcePolicy", "DeleteTable", "DescribeBackup",
            "DescribeContinuousBackups", "DescribeContributorInsights", "DescribeEndpoints", "DescribeExport",
            "DescribeGlobalTable", "DescribeGlobalTableSettings", "DescribeImport",
            "DescribeKinesisStreamingDestination", "DescribeLimits", "DescribeTable",
            "DescribeTableReplicaAutoScaling", "DescribeTimeToLive", "DisableKinesisStreamingDestination",
            "EnableKinesisStreamingDestination", "ExecuteStatement", "ExecuteTransaction", "ExportTableToPointInTime",
            "GetItem", "GetResourcePolicy", "ImportTable", "ListBackups", "ListContributorInsights", "ListExports",
            "ListGlobalTables", "ListImports", "ListTables", "ListTagsOfResource", "PutItem", "PutResourcePolicy",
            "Query", "RestoreTableFromBackup", "RestoreTableToPointInTime", "Scan", "TagResource",
            "TransactGetItems", "TransactWriteItems", "UntagResource", "UpdateContinuousBackups",
            "UpdateContributorInsights", "UpdateGlobalTable", "UpdateGlobalTableSettings", "UpdateItem",
            "UpdateKinesisStreamingDestination", "UpdateTable", "UpdateTableReplicaAutoScaling",
            "UpdateTimeToLive");

    /** The largest request body accepted, as dynalite (larger ones answer 413). */
    public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    static final String AMZ_JSON = "application/x-amz-json-1.0";
    static final String PLAIN_JSON = "application/json";
    static final String HEALTH = "healthy: dynamodb.us-east-1.amazonaws.com ";
    static final String NOT_FOUND = "<UnknownOperationException/>\n";
    static final String REQUEST_ID = "x-amzn-RequestId";
    static final String CRC32_HEADER = "x-amz-crc32";
    static final String CONTENT_TYPE = "Content-Type";

    static final String CORAL_SERVICE = "com.amazon.coral.service#";
    static final String CORAL_VALIDATE = "com.amazon.coral.validate#";
    static final String CORAL_AVAILABILITY = "com.amazon.coral.availability#";

    /** The full type of DynamoDB's table throttling error. */
    public static final String THROUGHPUT_EXCEEDED = DynamoException.TYPE_PREFIX
            + "ProvisionedThroughputExceededException";
    /** DynamoDB's message for table throttling. */
    public static final String THROUGHPUT_EXCEEDED_MESSAGE = "The level of configured provisioned throughput for the"
            + " table was exceeded. Consider increasing your provisioning level with the UpdateTable API.";
    /** The full type of DynamoDB's request-rate throttling error. */
    public static final String THROTTLING = CORAL_AVAILABILITY + "ThrottlingException";
    /** DynamoDB's message for request-rate throttling. */
    public static final String THROTTLING_MESSAGE = "Rate of requests exceeds the allowed throughput.";

    /** The full type of DynamoDB's server error. */
    public static final String INTERNAL_SERVER_ERROR = DynamoException.TYPE_PREFIX + "InternalServerError";
    /** DynamoDB's message for a server error. */
    public static final String INTERNAL_SERVER_ERROR_MESSAGE = "Internal server error";

    private static final byte[] EMPTY = new byte[0];
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final Operations operations;
    private final FaultInjector faults;

    /**
     * Creates the protocol over an engine.
     *
     * @param operations the engine
     * @param faults the faults to inject, consulted on every call
     */
    public JsonProtocol(Operations operations, FaultInjector faults) {
        this.operations = operations;
        this.faults = faults;
    }

    /**
     * Answers one HTTP request.
     *
     * @param request the request
     * @return the response; never an exception for a bad request or a failing operation
     * @throws InterruptedIOException if the thread is interrupted while an injected latency elapses (the interrupt
     *     flag is set again)
     */
    public ProtocolResponse handle(ProtocolRequest request) throws InterruptedIOException {
        Map<String, String> headers = new LinkedHashMap<>(8);
        headers.put(REQUEST_ID, requestId());
        String method = request.method().toUpperCase(Locale.ROOT);
        if (request.header("Origin") != null) {
            headers.put("Access-Control-Allow-Origin", "*");
            if (method.equals("OPTIONS")) {
                copyHeader(request, "Access-Control-Request-Headers", headers, "Access-Control-Allow-Headers");
                copyHeader(request, "Access-Control-Request-Method", headers, "Access-Control-Allow-Methods");
                headers.put("Access-Control-Max-Age", "172800");
                return new ProtocolResponse(200, headers, EMPTY);
            }
        }
        byte[] body = request.body();
        if (body.length > MAX_REQUEST_BYTES) {
            return new ProtocolResponse(413, headers, EMPTY);
        }
        if (method.equals("GET")) {
            return respond(200, headers, null, HEALTH.getBytes(StandardCharsets.UTF_8));
        }
        String contentType = mediaType(request.header(CONTENT_TYPE));
        if (!method.equals("POST")
                || (body.length > 0 && !AMZ_JSON.equals(contentType) && !PLAIN_JSON.equals(contentType))) {
            return respond(404, headers, null, NOT_FOUND.getBytes(StandardCharsets.UTF_8));
        }
        String responseType = AMZ_JSON.equals(contentType) ? AMZ_JSON : PLAIN_JSON;

        Object parsed = null;
        if (body.length > 0) {
            try {
                parsed = Json.parse(new String(body, StandardCharsets.UTF_8));
            } catch (Json.JsonException | StackOverflowError e) {
                return error(headers, responseType, 400, CORAL_SERVICE + "SerializationException", null);
            }
        }
        String operation = operation(request.header("X-Amz-Target"));
        if (operation == null) {
            return error(headers, responseType, 400, CORAL_SERVICE + "UnknownOperationException", null);
        }
        ProtocolResponse authError = checkAuthentication(request, headers, responseType);
        if (authError != null) {
            return authError;
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            return error(headers, responseType, 400, CORAL_SERVICE + "SerializationException", null);
        }
        @SuppressWarnings("unchecked") // Json reads every object as a LinkedHashMap<String, Object>
        Map<String, Object> input = (Map<String, Object>) map;
        dropNullMembers(input);
        return call(operation, input, headers, responseType);
    }

    /** Removes members whose value is {@code null}, at every depth: DynamoDB treats them as absent. */
    private static void dropNullMembers(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            map.values().removeIf(member -> member == null);
            map.values().forEach(JsonProtocol::dropNullMembers);
        } else if (value instanceof List<?> list) {
            list.forEach(JsonProtocol::dropNullMembers);
        }
    }

    private ProtocolResponse call(String operation, Map<String, Object> input, Map<String, String> headers,
            String responseType) throws InterruptedIOException {
        FaultInjector.Decision decision = faults.isEmpty() ? FaultInjector.Decision.NONE
                : faults.decide(operation, tablesOf(input));
        if (decision.delayNanos() > 0) {
            sleep(decision.delayNanos());
        }
        try {
            Map<String, Object> output;
            FaultRule.Action action = decision.action();
            if (action instanceof FaultRule.Failure failure) {
                return error(headers, responseType, failure.status(), failure.type(), failure.message());
            } else if (action instanceof FaultRule.Unprocessed unprocessed && decision.rule() != null) {
                output = partialBatch(operation, input, unprocessed.executed(), decision.rule());
            } else if (action instanceof FaultRule.LostResponse) {
                operations.execute(operation, input);   // applied, but the answer never reaches the client
                return error(headers, responseType, 500, INTERNAL_SERVER_ERROR, INTERNAL_SERVER_ERROR_MESSAGE);
            } else {
                output = operations.execute(operation, input);
            }
            return respond(200, headers, responseType, Json.write(output).getBytes(StandardCharsets.UTF_8));
        } catch (DynamoException e) {
            return error(headers, responseType, e.status(), qualifiedType(e.type()), e.getMessage(), e.details());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure of " + operation + " (request "
                    + headers.get(REQUEST_ID) + "), answered 500 InternalServerError", e);
            return error(headers, responseType, 500, INTERNAL_SERVER_ERROR, INTERNAL_SERVER_ERROR_MESSAGE);
        }
    }

    /**
     * Runs part of a batch request and answers the rest as unprocessed, as DynamoDB does under load.
     */
    private Map<String, Object> partialBatch(String operation, Map<String, Object> input, int executed,
            FaultRule rule) {
        boolean write = BATCH_WRITE.equals(operation);
        if (!(input.get("RequestItems") instanceof Map<?, ?> items)) {
            return operations.execute(operation, input); // malformed: let the engine answer the validation error
        }
        Map<String, Object> run = new LinkedHashMap<>();
        Map<String, Object> left = new LinkedHashMap<>();
        int budget = executed;
        for (Map.Entry<?, ?> entry : items.entrySet()) {
            String table = String.valueOf(entry.getKey());
            Object spec = entry.getValue();
            List<?> requests = write ? asList(spec) : spec instanceof Map<?, ?> m ? asList(m.get("Keys")) : null;
            if (requests == null || !rule.selectsTable(table)) {
                run.put(table, spec);
                continue;
            }
            int n = Math.min(budget, requests.size());
            budget -= n;
            if (n > 0) {
                run.put(table, write ? new ArrayList<Object>(requests.subList(0, n))
                        : withKeys((Map<?, ?>) spec, requests.subList(0, n)));
            }
            if (n < requests.size()) {
                left.put(table, write ? new ArrayList<Object>(requests.subList(n, requests.size()))
                        : withKeys((Map<?, ?>) spec, requests.subList(n, requests.size())));
            }
        }
        Map<String, Object> output = new LinkedHashMap<>();
        if (run.isEmpty()) {
            if (!write) {
                Map<String, Object> responses = new LinkedHashMap<>();
                for (Object table : items.keySet()) {
                    responses.put(String.valueOf(table), new ArrayList<Object>());
                }
                output.put("Responses", responses);
            }
        } else {
            Map<String, Object> partial = new LinkedHashMap<>(input);
            partial.put("RequestItems", run);
            output.putAll(operations.execute(operation, partial));
        }
        String key = write ? "UnprocessedItems" : "UnprocessedKeys";
        Map<String, Object> unprocessed = new LinkedHashMap<>();
        if (output.get(key) instanceof Map<?, ?> already) {
            already.forEach((table, value) -> unprocessed.put(String.valueOf(table), value));
        }
        left.forEach((table, value) -> unprocessed.merge(table, value, (a, b) -> mergeUnprocessed(write, a, b)));
        output.put(key, unprocessed);
        return output;
    }

    private static Object mergeUnprocessed(boolean write, Object a, Object b) {
        if (write) {
            List<Object> all = new ArrayList<>(asListOrEmpty(a));
            all.addAll(asListOrEmpty(b));
            return all;
        }
        if (!(a instanceof Map<?, ?> spec)) {
            return b;
        }
        List<Object> keys = new ArrayList<>(asListOrEmpty(spec.get("Keys")));
        keys.addAll(b instanceof Map<?, ?> other ? asListOrEmpty(other.get("Keys")) : List.of());
        return withKeys(spec, keys);
    }

    private static Map<String, Object> withKeys(Map<?, ?> spec, List<?> keys) {
        Map<String, Object> copy = new LinkedHashMap<>();
        spec.forEach((name, value) -> copy.put(String.valueOf(name), value));
        copy.put("Keys", new ArrayList<Object>(keys));
        return copy;
    }

    private static @Nullable List<?> asList(@Nullable Object value) {
        return value instanceof List<?> list ? list : null;
    }

    private static List<?> asListOrEmpty(@Nullable Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /**
     * Returns the tables a request names: {@code TableName}, the keys of {@code RequestItems}, the tables of
     * {@code TransactItems}, and the table of a {@code ResourceArn}.
     *
     * @param input the request
     * @return the table names, possibly empty
     */
    static Set<String> tablesOf(Map<String, Object> input) {
        Set<String> tables = new LinkedHashSet<>(2);
        if (input.get("TableName") instanceof String name) {
            tables.add(tableNameOf(name));
        }
        if (input.get("ResourceArn") instanceof String arn) {
            tables.add(tableNameOf(arn));
        }
        if (input.get("RequestItems") instanceof Map<?, ?> items) {
            for (Object name : items.keySet()) {
                tables.add(tableNameOf(String.valueOf(name)));
            }
        }
        if (input.get("TransactItems") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> wrapper) {
                    for (Object op : wrapper.values()) {
                        if (op instanceof Map<?, ?> body && body.get("TableName") instanceof String name) {
                            tables.add(tableNameOf(name));
                        }
                    }
                }
            }
        }
        return tables;
    }

    /**
     * Returns the table name of a table or index ARN ({@code arn:aws:dynamodb:us-east-1:000000000000:table/users}),
     * or the argument itself when it is a plain name.
     *
     * @param nameOrArn a table name or ARN
     * @return the table name
     */
    static String tableNameOf(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        int start = nameOrArn.indexOf(":table/");
        if (start < 0) {
            return nameOrArn;
        }
        start += ":table/".length();
        int end = nameOrArn.indexOf('/', start);
        return end < 0 ? nameOrArn.substring(start) : nameOrArn.substring(start, end);
    }

    /**
     * Returns the operation of an {@code X-Amz-Target} header.
     *
     * @param target the header value
     * @return the operation, or {@code null} when the target is missing, malformed, of another API or unknown
     */
    static @Nullable String operation(@Nullable String target) {
        if (target == null) {
            return null;
        }
        int dot = target.indexOf('.');
        if (dot < 0 || target.indexOf('.', dot + 1) >= 0 || !target.regionMatches(0, API, 0, dot)
                || dot != API.length()) {
            return null;
        }
        String operation = target.substring(dot + 1);
        return OPERATIONS.contains(operation) ? operation : null;
    }

    /**
     * Checks that the request is signed (Signature Version 4, in the {@code Authorization} header or the query
     * string), as dynalite does; the signature itself is not verified.
     */
    private static @Nullable ProtocolResponse checkAuthentication(ProtocolRequest request, Map<String, String> headers,
            String responseType) {
        String auth = request.header("Authorization");
        Map<String, String> query = query(request.rawQuery());
        boolean queryAuth = query.containsKey("X-Amz-Algorithm");
        if (auth != null && queryAuth) {
            return error(headers, responseType, 400, CORAL_SERVICE + "InvalidSignatureException",
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }
        if ((auth == null && !queryAuth) || (auth != null && !auth.strip().startsWith("AWS4-"))) {
            return error(headers, responseType, 400, CORAL_SERVICE + "MissingAuthenticationTokenException",
                    "Request is missing Authentication Token");
        }
        StringBuilder msg = new StringBuilder();
        if (auth != null) {
            Map<String, String> params = new LinkedHashMap<>();
            // the parts after the scheme, split at commas and spaces (by hand: a regular expression per request cost
            // a tenth of the engine's time on a small write)
            int start = 0;
            boolean scheme = true;
            for (int i = 0; i <= auth.length(); i++) {
                if (i < auth.length() && auth.charAt(i) != ',' && auth.charAt(i) != ' ') {
                    continue;
                }
                String part = auth.substring(start, i).strip();
                start = i + 1;
                if (scheme) {
                    scheme = false;   // the first part is the scheme, AWS4-HMAC-SHA256, even when empty
                    continue;
                }
                if (!part.isEmpty()) {
                    int eq = part.indexOf('=');
                    params.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
                }
            }
            for (String param : List.of("Credential", "Signature", "SignedHeaders")) {
                if (params.getOrDefault(param, "").isEmpty()) {
                    msg.append("Authorization header requires '").append(param).append("' parameter. ");
                }
            }
            if (request.header("X-Amz-Date") == null && request.header("Date") == null) {
                msg.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
            }
            if (msg.length() > 0) {
                msg.append("Authorization=").append(auth);
            }
        } else {
            for (String param : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature",
                    "X-Amz-SignedHeaders", "X-Amz-Date")) {
                if (query.getOrDefault(param, "").isEmpty()) {
                    msg.append("AWS query-string parameters must include '").append(param).append("'. ");
                }
            }
            if (msg.length() > 0) {
                msg.append("Re-examine the query-string parameters.");
            }
        }
        return msg.length() == 0 ? null
                : error(headers, responseType, 400, CORAL_SERVICE + "IncompleteSignatureException", msg.toString());
    }

    private static Map<String, String> query(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                params.putIfAbsent(name, value); // a malformed escape: keep it raw
            }
        }
        return params;
    }

    /**
     * Returns the full {@code __type} of an error code, with the namespace DynamoDB uses for it.
     *
     * @param type an error code such as {@code ValidationException}, or an already qualified type
     * @return e.g. {@code com.amazon.coral.validate#ValidationException}
     */
    public static String qualifiedType(String type) {
        if (type.indexOf('#') >= 0) {
            return type;
        }
        return switch (type) {
            case "ValidationException" -> CORAL_VALIDATE + type;
            case "SerializationException", "UnknownOperationException", "MissingAuthenticationTokenException",
                    "IncompleteSignatureException", "InvalidSignatureException", "UnrecognizedClientException",
                    "AccessDeniedException" -> CORAL_SERVICE + type;
            case "ThrottlingException" -> CORAL_AVAILABILITY + type;
            default -> DynamoException.TYPE_PREFIX + type;
        };
    }

    private static ProtocolResponse error(Map<String, String> headers, String responseType, int status, String type,
            @Nullable String message) {
        return error(headers, responseType, status, type, message, Map.of());
    }

    private static ProtocolResponse error(Map<String, String> headers, String responseType, int status, String type,
            @Nullable String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>(4);
        body.put("__type", type);
        if (message != null && !message.isEmpty() && !type.endsWith("#UnknownOperationException")) {
            // DynamoDB spells it "Message" in serialization errors and cancelled transactions, "message" elsewhere
            body.put(type.endsWith("#SerializationException") || type.endsWith("#TransactionCanceledException")
                    ? "Message" : "message", message);
        }
        details.forEach(body::putIfAbsent);
        return respond(status, headers, responseType, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static ProtocolResponse respond(int status, Map<String, String> headers, @Nullable String contentType,
            byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        headers.put(CRC32_HEADER, Long.toString(crc.getValue()));
        if (contentType != null) {
            headers.put(CONTENT_TYPE, contentType);
        }
        return new ProtocolResponse(status, Collections.unmodifiableMap(headers), body);
    }

    private static void copyHeader(ProtocolRequest request, String from, Map<String, String> headers, String to) {
        String value = request.header(from);
        if (value != null) {
            headers.put(to, value);
        }
    }

    private static @Nullable String mediaType(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static void sleep(long nanos) throws InterruptedIOException {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted during injected latency");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /**
     * Returns a request id shaped like DynamoDB's: 52 characters of {@code [A-Z0-9]}.
     *
     * @return a random id
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[52];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    /**
     * Returns the reason phrase of a status the protocol answers with.
     *
     * @param status an HTTP status
     * @return e.g. {@code Bad Request}
     */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }
}
