package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Runs every case of the shared conformance file (../shared/conformance/gml-cases.json relative to
 * the project root, else the copy in src/test/resources/conformance).
 */
class GmlConformanceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode loadCases() throws IOException {
        Path shared = Path.of(System.getProperty("user.dir"), "..", "shared", "conformance", "gml-cases.json");
        if (Files.isRegularFile(shared)) return MAPPER.readTree(shared.toFile());
        try (InputStream in = GmlConformanceTest.class.getResourceAsStream("/conformance/gml-cases.json")) {
            assertNotNull(in, "conformance file not found");
            return MAPPER.readTree(in);
        }
    }

    @TestFactory
    List<DynamicTest> conformance() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : loadCases()) {
            String id = c.get("id").asText();
            tests.add(DynamicTest.dynamicTest(id, () -> run(c)));
        }
        assertTrue(tests.size() > 50);
        return tests;
    }

    static void run(JsonNode c) {
        String id = c.get("id").asText();
        String expr = c.get("expr").asText();
        ObjectNode vars = c.has("vars") && c.get("vars").isObject() ? (ObjectNode) c.get("vars") : MAPPER.createObjectNode();
        if (c.path("expectError").asBoolean(false)) {
            assertThrows(GmlException.class, () -> Gml.compile(expr).evaluate(GmlContext.of(vars)), id + ": " + expr);
            return;
        }
        JsonNode actual;
        try {
            actual = Gml.compile(expr).evaluate(GmlContext.of(vars));
        } catch (GmlException e) {
            throw new AssertionError(id + ": " + expr + " failed: " + e.getMessage(), e);
        }
        assertNotNull(actual, id);
        if (c.has("expectMatches")) {
            assertTrue(actual.isTextual(), id + ": expected a string, got " + actual);
            assertTrue(Pattern.compile(c.get("expectMatches").asText()).matcher(actual.asText()).find(),
                    id + ": " + actual + " does not match " + c.get("expectMatches"));
            return;
        }
        JsonNode expected = c.get("expect");
        assertTrue(JsonCompare.same(expected, actual, id.contains("int-division")),
                id + ": " + expr + "\n expected " + expected + "\n      got " + actual);
    }
}
