package io.fdl.runtime.api.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** The strict reader on its own: what it refuses, with which code, and that it keeps valid JSON intact. */
class StrictJsonTest {
    record Body(JsonNode inputs, String name, Long timeout) {}

    private static final ObjectMapper STRICT = StrictJson.mapper(new ObjectMapper());

    private static Throwable fails(String json) {
        return assertThrows(Exception.class, () -> STRICT.readValue(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Body.class));
    }

    private static String code(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof StrictJson.Rejected r) return r.code();
        return "not rejected: " + t;
    }

    @Test
    void nulAnywhereIsInvalidText() {
        assertEquals("INVALID_TEXT", code(fails("{\"name\":\"a\\u0000b\"}")));
        assertEquals("INVALID_TEXT", code(fails("{\"inputs\":{\"s\":\"\\u0000\"}}")));
        assertEquals("INVALID_TEXT", code(fails("{\"inputs\":{\"\\u0000\":1}}")));
        assertEquals("INVALID_TEXT", code(fails("{\"inputs\":[[{\"a\":[\"x\\u0000\"]}]]}")));
        assertEquals("INVALID_TEXT", code(fails("{\"unknown\":{\"deep\":\"\\u0000\"}, \"name\":\"x\"}")));
        assertEquals("INVALID_TEXT", code(fails("{\"name\":\"\\ud800\"}")));
    }

    @Test
    void illFormedUtf8IsInvalidText() {
        byte[] overlong = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        Exception e = assertThrows(Exception.class, () -> STRICT.readValue(overlong, Body.class));
        assertEquals("INVALID_TEXT", code(e));
    }

    @Test
    void numbersOutOfRangeAreInvalidRequest() {
        assertEquals("INVALID_REQUEST", code(fails("{\"inputs\":{\"x\":1e999999999}}")));
        assertEquals("INVALID_REQUEST", code(fails("{\"inputs\":{\"x\":-1e400}}")));
        assertEquals("INVALID_REQUEST", code(fails("{\"inputs\":{\"x\":1e-999999999}}")));
        assertEquals("INVALID_REQUEST", code(fails("{\"inputs\":{\"x\":1" + "0".repeat(400) + "}}")));
    }

    @Test
    void trailingContentIsMalformed() {
        assertEquals("MALFORMED_JSON", code(fails("{\"name\":\"x\"} xx")));
        assertEquals("MALFORMED_JSON", code(fails("{\"name\":\"x\"} {}")));
        assertEquals("INVALID_REQUEST", code(fails("{\"timeout\":99999999999999999999}")));
        assertThrows(Exception.class, () -> STRICT.readTree("{} {}"));
    }

    @Test
    void validJsonIsReadUnchanged() throws Exception {
        Body b = STRICT.readValue("{\"inputs\":{\"x\":1.5e300,\"y\":0,\"z\":\"é😀\\\\u0000\"},\"name\":\"ok\",\"timeout\":5}".getBytes(StandardCharsets.UTF_8), Body.class);
        assertEquals(1.5e300, b.inputs().get("x").doubleValue());
        assertEquals("é😀\\u0000", b.inputs().get("z").textValue());
        assertEquals(5L, b.timeout());
        assertEquals("{\"a\":[1,2.5,\"\"]}", STRICT.readTree("{\"a\":[1,2.5,\"\"]}").toString());
    }
}
