package dev.dynamite.local.internal.protocol;

import dev.dynamite.local.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/** Builds protocol requests for tests: a signed {@code POST} of DynamoDB JSON by default. */
final class Requests {
    static final String AUTH = "AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123456789abcdef";

    private String method = "POST";
    private String query;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];

    private Requests() {
    }

    /** A signed POST of {@code DynamoDB_20120810.<operation>} with a JSON body. */
    static Requests call(String operation, String json) {
        Requests r = new Requests();
        r.headers.put("Content-Type", "application/x-amz-json-1.0");
        r.headers.put("X-Amz-Target", "DynamoDB_20120810." + operation);
        r.headers.put("X-Amz-Date", "20240101T000000Z");
        r.headers.put("Authorization", AUTH);
        r.body = json.getBytes(StandardCharsets.UTF_8);
        return r;
    }

    static Requests call(String operation, Map<String, Object> request) {
        return call(operation, Json.write(request));
    }

    static Requests get() {
        Requests r = new Requests();
        r.method = "GET";
        return r;
    }

    Requests method(String value) {
        this.method = value;
        return this;
    }

    Requests query(String value) {
        this.query = value;
        return this;
    }

    Requests header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    Requests body(byte[] value) {
        this.body = value;
        return this;
    }

    ProtocolRequest build() {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return new ProtocolRequest(method, query, copy::get, body);
    }

    static String text(ProtocolResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(ProtocolResponse response) {
        return (Map<String, Object>) Json.parse(text(response));
    }

    static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
