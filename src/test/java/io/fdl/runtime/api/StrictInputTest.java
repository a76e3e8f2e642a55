package io.fdl.runtime.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.fdl.runtime.api.TestFlows.*;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

/** Strict input (issue 14 item 9): every refusal is a 4xx with the JSON envelope and its exact code. */
@QuarkusTest
class StrictInputTest {

    @Test
    void oneJsonValuePerBody() {
        editorA().body("{\"name\":\"x\"} xx").post("/api/flows").then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        editorA().body("{\"name\":\"x\"}{\"name\":\"y\"}").post("/api/flows").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        editorA().body("{\"name\":\"x\"}  \n").post("/api/flows").then().statusCode(201);
    }

    @Test
    void numbersOutOfRangeAreInvalidRequest() {
        String run = "{\"fdl\":\"flow:\\n    name: n\\n    node:\\n        a:\\n            with: x = 1\\n\",";
        as(TENANT_A, "executor").body(run + "\"inputs\":{\"x\":1e999999999}}").post("/api/execute/run")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        as(TENANT_A, "executor").body(run + "\"inputs\":{\"x\":-1e-999999999}}").post("/api/execute/run")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        as(TENANT_A, "executor").body(run + "\"timeout_ms\":99999999999999999999}").post("/api/execute/run")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        as(TENANT_A, "executor").body(run + "\"inputs\":{\"x\":1.5e300}}").post("/api/execute/run")
                .then().statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void badPagingParametersAre400() {
        for (String path : new String[]{"/api/flows", "/api/execute/list"}) {
            for (String[] q : new String[][]{{"limit", "abc"}, {"limit", "1e3"}, {"offset", "12345678901234567890"},
                    {"offset", "-"}, {"limit", "2.5"}}) {
                as(TENANT_A, "viewer").queryParam(q[0], q[1]).get(path).then().statusCode(400)
                        .contentType(ContentType.JSON).body("code", equalTo("INVALID_REQUEST"));
            }
            as(TENANT_A, "viewer").queryParam("limit", "5").get(path).then().statusCode(200);
        }
        String id = as(TENANT_A, "executor").body(java.util.Map.of("fdl", "flow:\n    name: p\n    node:\n        a:\n            with: x = 1\n"))
                .post("/api/execute/run").then().statusCode(200).extract().path("execution_id");
        as(TENANT_A, "viewer").queryParam("after_seq", "1e3").get("/api/execute/" + id + "/events").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        as(TENANT_A, "viewer").queryParam("limit", "abc").get("/api/execute/" + id + "/events").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void overlongUtf8IsRefusedNotStored() {
        byte[] prefix = "{\"name\":\"a".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC0; // overlong encoding of '/'
        body[prefix.length + 1] = (byte) 0xAF;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        editorA().body(body).post("/api/flows").then().statusCode(400).body("code", equalTo("INVALID_TEXT"));
        editorA().queryParam("q", "a/").get("/api/flows").then().body("flows.name", not(hasItem("a/")));
    }

    @Test
    void uriAndHeaderLimitsAnswerWithTheEnvelope() throws Exception {
        String longUri = "/api/flows?q=" + "a".repeat(9000);
        assertEnvelope(raw("GET " + longUri + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414, "URI_TOO_LONG");
        String bigHeader = "X-Pad: " + "b".repeat(30_000) + "\r\n";
        assertEnvelope(raw("GET /api/flows HTTP/1.1\r\nHost: x\r\n" + bigHeader + "\r\n"), 431, "HEADERS_TOO_LARGE");
    }

    private static void assertEnvelope(String response, int status, String code) {
        assertThat(response, startsWith("HTTP/1.1 " + status));
        assertThat(response.toLowerCase(), containsString("content-type: application/json"));
        assertThat(response, containsString("\"code\":\"" + code + "\""));
    }

    /** The whole answer to one raw HTTP/1.1 request (the server closes after these errors). */
    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                got.write(buf, 0, n);
                if (got.toString(StandardCharsets.UTF_8).contains("}")) break;
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }
}
