package io.fdl.runtime.tools.cql;

import io.fdl.runtime.engine.port.ToolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CqlParserTest {

    @Test
    void emptyOrBlankIsNoCondition() {
        assertNull(CqlParser.parse(null));
        assertNull(CqlParser.parse("   "));
    }

    @Test
    void andBindsTighterThanOr() {
        CqlExpr e = CqlParser.parse("a = 1 || b = 2 && c = 3");
        CqlExpr.Or or = assertInstanceOf(CqlExpr.Or.class, e);
        assertInstanceOf(CqlExpr.Compare.class, or.operands().get(0));
        CqlExpr.And and = assertInstanceOf(CqlExpr.And.class, or.operands().get(1));
        assertEquals(2, and.operands().size());
    }

    @Test
    void parenthesesGroupAndKeywordsAreCaseInsensitive() {
        CqlExpr e = CqlParser.parse("(a = 1 or b = 2) AnD c not in (x, 'y z', 3)");
        CqlExpr.And and = assertInstanceOf(CqlExpr.And.class, e);
        assertInstanceOf(CqlExpr.Or.class, and.operands().get(0));
        CqlExpr.InList in = assertInstanceOf(CqlExpr.InList.class, and.operands().get(1));
        assertTrue(in.negated());
        assertEquals(List.of(new CqlValue.Text("x", 32), new CqlValue.Text("y z", 35), new CqlValue.Number("3", 42)), in.values());
    }

    @Test
    void operatorsAreNormalised() {
        assertEquals("=", ((CqlExpr.Compare) CqlParser.parse("a == 1")).op());
        assertEquals("<>", ((CqlExpr.Compare) CqlParser.parse("a != 1")).op());
        assertEquals("<>", ((CqlExpr.Compare) CqlParser.parse("a <> 1")).op());
        assertEquals(">=", ((CqlExpr.Compare) CqlParser.parse("a>=1")).op());
        assertEquals("<", ((CqlExpr.Compare) CqlParser.parse("a<1")).op());
    }

    @Test
    void nullComparisonsBecomeIsNull() {
        assertEquals(new CqlExpr.IsNull(new CqlExpr.Field("a", 1), false), CqlParser.parse("a = NULL"));
        assertEquals(new CqlExpr.IsNull(new CqlExpr.Field("a", 1), true), CqlParser.parse("a != null"));
        assertEquals(new CqlExpr.IsNull(new CqlExpr.Field("a", 1), true), CqlParser.parse("a IS NOT NULL"));
        assertEquals(new CqlExpr.IsNull(new CqlExpr.Field("a", 1), false), CqlParser.parse("a is null"));
    }

    @Test
    void wordsNumbersStringsParamsAndTimeFunctions() {
        CqlExpr.Compare c = (CqlExpr.Compare) CqlParser.parse("createdAt > 2025-01-01T00:00:00Z");
        assertEquals(new CqlValue.Text("2025-01-01T00:00:00Z", 13), c.value());
        assertEquals(new CqlValue.Number("-1.5e3", 5), ((CqlExpr.Compare) CqlParser.parse("a = -1.5e3")).value());
        assertEquals(new CqlValue.Text("O'Neil", 8), ((CqlExpr.Compare) CqlParser.parse("name = 'O''Neil'")).value());
        assertEquals(new CqlValue.Text("say \"hi\"", 5), ((CqlExpr.Compare) CqlParser.parse("a = \"say \"\"hi\"\"\"")).value());
        assertEquals(new CqlValue.Param("cid", 14), ((CqlExpr.Compare) CqlParser.parse("customerId = :cid")).value());
        assertEquals(new CqlValue.TimeFn("TIME", "-5m", false, 5), ((CqlExpr.Compare) CqlParser.parse("a > time(-5m)")).value());
        assertEquals(new CqlValue.TimeFn("NOW", null, false, 5), ((CqlExpr.Compare) CqlParser.parse("a < NOW()")).value());
        assertEquals(new CqlValue.Bool(true, 5), ((CqlExpr.Compare) CqlParser.parse("a = TRUE")).value());
        CqlExpr.InParam ip = (CqlExpr.InParam) CqlParser.parse("status IN :s");
        assertEquals("s", ip.param().name());
    }

    @Test
    void fieldsMayBeCalledDateOrTime() {
        CqlExpr.Compare c = (CqlExpr.Compare) CqlParser.parse("date = DATE('2024-01-01')");
        assertEquals("date", c.field().name());
        assertInstanceOf(CqlValue.TimeFn.class, c.value());
    }

    @Test
    void specExampleParses() {
        CqlExpr e = CqlParser.parse("customerId = :cid && (status IN (paid, shipped) || total >= 100)");
        assertInstanceOf(CqlExpr.And.class, e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "(a = 1                 | 7",
            "a = 1)                 | 6",
            "a =                    | 4",
            "a                      | 2",
            "a = 1 b = 2            | 7",
            "a ~ 1                  | 3",
            "a = 'open              | 5",
            "a & b                  | 3",
            "\"a | b\"                | 3",
            "a ! b                  | 3",
            "a > NULL               | 5",
            "a IN (1, NULL)         | 10",
            "a IN 1                 | 6",
            "a LIKE NULL            | 8",
            "1 = a                  | 1",
            "'a' = 1                | 1",
            "and = 1                | 1",
            "a IS 5                 | 6",
            "a NOT = 1              | 7",
            "a = :                  | 5",
            "a = :1x                | 5",
            "a = TIME(-5m           | 13",
            "a = 1 AND              | 10",
            "a = AND                | 5",
    })
    void syntaxErrorsCarryTheColumn(String cql, int column) {
        ToolException e = assertThrows(ToolException.class, () -> CqlParser.parse(cql));
        assertEquals("CQL_SYNTAX", e.code());
        assertTrue(e.getMessage().contains("column " + column + ":"), () -> cql + " -> " + e.getMessage());
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String cql = "(".repeat(10_000) + "a = 1" + ")".repeat(10_000);
        ToolException e = assertThrows(ToolException.class, () -> CqlParser.parse(cql));
        assertEquals("CQL_SYNTAX", e.code());
    }
}
