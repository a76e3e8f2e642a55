package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coercion table of fdl.md §4. */
class TypeCoercionTest {
    static final ObjectMapper M = new ObjectMapper();

    static JsonNode json(String s) {
        try {
            return M.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static TypeRef type(String t) {
        try {
            return TypeParser.parse(t);
        } catch (TypeParser.TypeSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final Map<String, RecordDef> DEFS = Map.of(
            "Item", new RecordDef("Item", List.of(new FieldDecl("sku", TypeRef.Prim.STRING, SourcePos.NONE),
                    new FieldDecl("qty", TypeRef.Prim.INT, SourcePos.NONE),
                    new FieldDecl("note", new TypeRef.Nullable(TypeRef.Prim.STRING), SourcePos.NONE)), SourcePos.NONE),
            "Order", new RecordDef("Order", List.of(new FieldDecl("id", TypeRef.Prim.STRING, SourcePos.NONE),
                    new FieldDecl("items", new TypeRef.ArrayOf(new TypeRef.Named("Item")), SourcePos.NONE)), SourcePos.NONE));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "bool|true|true",
            "bool|'\"TRUE\"'|true",
            "bool|'\"False\"'|false",
            "int|42|42",
            "int|3.0|3",
            "int|'\"17\"'|17",
            "int|'\" 8 \"'|8",
            "long|9007199254740993|9007199254740993",
            "long|'\"-5\"'|-5",
            "double|2|2.0",
            "double|'\"2.5\"'|2.5",
            "decimal|1.25|1.25",
            "string|'\"x\"'|'\"x\"'",
            "string|12|'\"12\"'",
            "string|2.50|'\"2.5\"'",
            "string|true|'\"true\"'",
            "date|'\"2024-05-01\"'|'\"2024-05-01T00:00:00.000Z\"'",
            "date|'\"2024-05-01T10:00+02:00\"'|'\"2024-05-01T10:00:00.000+02:00\"'",
            "date|'\"2024-05-01 10:00:01.123456\"'|'\"2024-05-01T10:00:01.123Z\"'",
            "date|'\"2024-05-01T10:00:00+0530\"'|'\"2024-05-01T10:00:00.000+05:30\"'",
            "date|0|'\"1970-01-01T00:00:00.000Z\"'",
            "any|null|null",
            "any|[1,\"a\"]|[1,\"a\"]",
            "string?|null|null",
            "int[]|[1,\"2\",3.0]|[1,2,3]",
            "map<int>|{\"a\":\"1\",\"b\":2}|{\"a\":1,\"b\":2}",
            "object|{\"a\":null}|{\"a\":null}",
            "array|[null]|[null]",
            "string?[]|[null,\"a\"]|[null,\"a\"]",
            "Item|{\"sku\":\"p\",\"qty\":\"2\",\"extra\":1}|{\"sku\":\"p\",\"qty\":2,\"note\":null}",
    })
    void accepted(String t, String in, String expected) {
        List<String> problems = new ArrayList<>();
        JsonNode out = TypeCoercion.coerce(json(in), type(t), DEFS, "x", ZoneOffset.UTC, problems);
        assertEquals(List.of(), problems);
        // same JSON text; integers stay integers and decimals decimals (IntNode vs LongNode does not matter)
        assertEquals(json(expected).toString(), out.toString());
        assertEquals(json(expected).isIntegralNumber(), out.isIntegralNumber());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "bool|1|x: expected bool, got integer 1",
            "bool|'\"yes\"'|x: expected bool, got string 'yes'",
            "int|2.5|x: expected int, got decimal 2.5",
            "int|'\"x\"'|x: expected int, got string 'x'",
            "int|3000000000|x: expected int, got integer 3000000000 (out of range)",
            "int|null|x: expected int, got null",
            "double|'\"abc\"'|x: expected double, got string 'abc'",
            "string|{}|x: expected string, got object",
            "string|[]|x: expected string, got array",
            "date|'\"yesterday\"'|x: expected date, got string 'yesterday'",
            "date|'\"2024-02-30\"'|x: expected date, got string '2024-02-30'",
            "int[]|{}|x: expected int[], got object",
            "int[]|[1,\"a\"]|x[1]: expected int, got string 'a'",
            "int[]?|[null]|x[0]: expected int, got null",
            "map<bool>|{\"k\":1}|x.k: expected bool, got integer 1",
            "Item|{\"qty\":1}|x.sku: required field is missing",
            "Item|[]|x: expected Item, got array",
    })
    void rejected(String t, String in, String problem) {
        List<String> problems = new ArrayList<>();
        TypeCoercion.coerce(json(in), type(t), DEFS, "x", ZoneOffset.UTC, problems);
        assertEquals(List.of(problem), problems);
    }

    @Test
    void nestedPathsNameTheOffendingElement() {
        List<String> problems = new ArrayList<>();
        TypeCoercion.coerce(json("{\"id\":\"o1\",\"items\":[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":2},{\"sku\":\"c\",\"qty\":\"x\"}]}"),
                new TypeRef.Named("Order"), DEFS, "order", ZoneOffset.UTC, problems);
        assertEquals(List.of("order.items[2].qty: expected int, got string 'x'"), problems);
    }

    @Test
    void datesWithoutOffsetUseTheRuntimeZone() {
        List<String> problems = new ArrayList<>();
        JsonNode out = TypeCoercion.coerce(json("\"2024-01-15T08:30\""), TypeRef.Prim.DATE, DEFS, "d", ZoneId.of("Europe/Paris"), problems);
        assertEquals("2024-01-15T08:30:00.000+01:00", out.textValue());
        assertTrue(problems.isEmpty());
    }

    @Test
    void typeSyntax() throws Exception {
        assertEquals("map<string>[]?", TypeParser.parse("map< string >[] ?").text());
        assertEquals("bool", TypeParser.parse("boolean").text());
        assertEquals("double", TypeParser.parse("number").text());
        assertEquals("map<any>", TypeParser.parse("object").text());
        assertEquals("any[]", TypeParser.parse("array").text());
        assertEquals("string?[]", TypeParser.parse("string?[]").text());
        assertTrue(TypeParser.parse("Order[]?") instanceof TypeRef.Nullable);
        for (String bad : List.of("string??", "map<int", "int[", "", "int]", "1x", "map")) {
            try {
                TypeParser.parse(bad);
                throw new AssertionError("accepted " + bad);
            } catch (TypeParser.TypeSyntaxException expected) {
                // ok
            }
        }
        assertEquals(-1, TypeParser.defaultSplit("DATE() == x"));
        assertEquals(4, TypeParser.defaultSplit("int = a >= b"));
        assertEquals(-1, TypeParser.defaultSplit("'a=b'"));
        assertEquals(-1, TypeParser.defaultSplit("x => x !== 1 <= 2"));
    }
}
