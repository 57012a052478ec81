package org.calibrate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON calls to {@code /api} for the black-box tests: status and parsed body, with assertions that show the body on failure. */
final class Api {
    private final LtiClient client;

    Api(LtiClient client) {
        this.client = client;
    }

    record Reply(int status, String body) {
        JsonObject json() {
            return body.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : Json.createReader(new StringReader(body)).readObject();
        }

        Reply expect(int expected) {
            assertEquals(expected, status, body);
            return this;
        }

        String error() {
            return json().getString("error", "");
        }
    }

    Reply call(String method, String path, String json, String token) throws Exception {
        HttpResponse<String> r = method.equals("GET") ? client.get(path, token) : client.send(method, path, json == null ? "" : json, token);
        return new Reply(r.statusCode(), r.body());
    }

    Reply get(String path, String token) throws Exception {
        return call("GET", path, null, token);
    }

    Reply post(String path, String json, String token) throws Exception {
        return call("POST", path, json, token);
    }

    Reply put(String path, String json, String token) throws Exception {
        return call("PUT", path, json, token);
    }

    Reply upload(String path, byte[] body, String contentType, String token) throws Exception {
        HttpResponse<String> r = client.sendBytes(path, body, contentType, token);
        return new Reply(r.statusCode(), r.body());
    }

    java.net.http.HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        return client.getBytes(path, token);
    }

    Reply delete(String path, String token) throws Exception {
        return call("DELETE", path, null, token);
    }

    static JsonStructure parse(String body) {
        return Json.createReader(new StringReader(body)).read();
    }

    /** A JSON string literal. */
    static String q(String s) {
        return Json.createValue(s).toString();
    }
}
