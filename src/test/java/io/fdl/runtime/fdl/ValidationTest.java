package io.fdl.runtime.fdl;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every diagnostic code of fdl.md §12 with its exact position, node and path. */
class ValidationTest {

    static ParseResult parse(String yaml) {
        return FlowDefinitions.parseYaml(yaml);
    }

    static ParseResult parse(String yaml, ValidationOptions o) {
        return FlowDefinitions.parseYaml(yaml, o);
    }

    /** "CODE line:col" of every diagnostic with the given code. */
    static List<String> at(ParseResult r, String code) {
        return r.diagnostics().stream().filter(d -> d.code().equals(code)).map(d -> d.line() + ":" + d.column())
                .collect(Collectors.toList());
    }

    static Diagnostic only(ParseResult r, String code) {
        List<Diagnostic> l = r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertEquals(1, l.size(), () -> "expected one " + code + " in " + r.diagnostics());
        return l.get(0);
    }

    static void assertAt(ParseResult r, String code, int line, int column) {
        Diagnostic d = only(r, code);
        assertEquals(line + ":" + column, d.line() + ":" + d.column(), () -> d.toString() + "\nall: " + r.diagnostics());
        if (d.isError()) assertNull(r.flow());
    }

    /** Asserts the single diagnostic of a code sits on {@code line} at the first occurrence of {@code marker}. */
    static void assertAt(String doc, String code, int line, String marker) {
        assertAt(doc, parse(doc), code, line, marker);
    }

    static void assertAt(String doc, ParseResult r, String code, int line, String marker) {
        String text = doc.lines().toList().get(line - 1);
        int col = text.indexOf(marker);
        assertTrue(col >= 0, "marker '" + marker + "' not on line " + line + ": " + text);
        assertAt(r, code, line, col + 1);
    }

    static String flow(String nodes) {
        return "flow:\n    name: t\n    node:\n" + nodes.stripIndent().lines().map(l -> "        " + l).collect(Collectors.joining("\n")) + "\n";
    }

    // ---------------------------------------------------------------- YAML_SYNTAX

    @Test
    void yamlSyntax() {
        assertAt(parse("flow:\n    name: a\n    name: b\n    node:\n        m:\n            with: 1\n"), "YAML_SYNTAX", 3, 5);
        assertAt(parse("flow:\n    name: &n a\n    node:\n        m:\n            with: 1\n"), "YAML_SYNTAX", 2, 11);
        assertAt(parse("flow:\n    name: !!str a\n    node:\n        m:\n            with: 1\n"), "YAML_SYNTAX", 2, 11);
        ParseResult alias = parse("flow:\n    name: &n a\n    desp: *n\n    node:\n        m:\n            with: 1\n");
        assertEquals(List.of("2:11", "3:11"), at(alias, "YAML_SYNTAX"));
        ParseResult bad = parse("flow:\n    name: [a\n    node: x\n");
        assertEquals("YAML_SYNTAX", bad.diagnostics().get(0).code());
        assertTrue(bad.diagnostics().get(0).line() >= 2);
        assertEquals(1, only(parse("flow:\n    name: a\n---\nflow: {}\n"), "YAML_SYNTAX").line() > 0 ? 1 : 0);
        // duplicate node ids are YAML duplicate keys when in the same map
        assertAt(parse(flow("a:\n    with: 1\na:\n    with: 2\n")), "YAML_SYNTAX", 6, 9);
    }

    // ---------------------------------------------------------------- DOC_SHAPE

    @Test
    void docShape() {
        assertAt(parse("other: 1\n"), "DOC_SHAPE", 1, 1);
        assertAt(parse(""), "DOC_SHAPE", 1, 1);
        assertAt(parse("- flow\n"), "DOC_SHAPE", 1, 1);
        assertAt(parse("flow:\n    node:\n        m:\n            with: 1\n"), "DOC_SHAPE", 1, 1);
        assertAt(parse("flow:\n    name: ''\n    node:\n        m:\n            with: 1\n"), "DOC_SHAPE", 2, 11);
        assertAt(parse("flow:\n    name: t\n"), "DOC_SHAPE", 1, 1);
        assertAt(parse("flow:\n    name: t\n    nodes: {}\n    node:\n        m:\n            with: 1\n"), "DOC_SHAPE", 3, 5);
        assertAt(parse(flow("m: 1\n")), "DOC_SHAPE", 4, 12);
        assertAt(parse(flow("m:\n    with:\n        a: 1\n")), "DOC_SHAPE", 6, 17);
        // x- keys are ignored everywhere they are allowed
        ParseResult ok = parse("flow:\n    name: t\n    x-editor: {a: 1}\n    args:\n        x-pos: 1\n    node:\n        m:\n            x-pos: [1, 2]\n            with: 1\n");
        assertEquals(List.of(), ok.errors());
    }

    // ---------------------------------------------------------------- TYPE_INVALID

    @Test
    void typeInvalid() {
        String head = "flow:\n    name: t\n    args:\n";
        String tail = "    node:\n        m:\n            with: 1\n";
        assertAt(parse(head + "        in:\n            a: Foo[]\n" + tail), "TYPE_INVALID", 5, 16);
        assertAt(parse(head + "        in:\n            a: string??\n" + tail), "TYPE_INVALID", 5, 23);
        assertAt(parse(head + "        in:\n            a: map<int = 1\n" + tail), "TYPE_INVALID", 5, 24);
        assertAt(parse(head + "        in:\n            a:\n" + tail), "TYPE_INVALID", 5, 15);
        assertAt(parse(head + "        in:\n            a: int =\n" + tail), "TYPE_INVALID", 5, 20);
        assertAt(parse(head + "        out:\n            a: int = 1\n" + tail), "TYPE_INVALID", 5, 16);
        assertAt(parse(head + "        out: string = 'x'\n" + tail), "TYPE_INVALID", 4, 14);
        assertAt(parse(head + "        defs:\n            R:\n                a: int = 1\n" + tail), "TYPE_INVALID", 6, 20);
        assertAt(parse(head + "        defs:\n            string:\n                a: int\n" + tail), "TYPE_INVALID", 5, 13);
        // recursive defs and every alias are fine
        ParseResult ok = parse(head + "        defs:\n            Tree:\n                kids: Tree[]\n                tags: map<string>?\n"
                + "        in:\n            t: Tree?\n            c: a ?? 'x'\n            n: number\n            o: object\n            l: array\n            b: boolean\n" + tail);
        assertEquals(List.of(), ok.errors());
    }

    // ---------------------------------------------------------------- names

    @Test
    void nameInvalid() {
        assertAt(parse(flow("1st:\n    with: 1\n")), "NAME_INVALID", 4, 9);
        assertAt(parse(flow("END:\n    with: 1\n")), "NAME_INVALID", 4, 9);
        assertAt(parse(flow("a-b:\n    with: 1\n")), "NAME_INVALID", 4, 9);
        assertAt(parse("flow:\n    name: t\n    vars: x = 1, 'y-z' = 2\n    node:\n        m:\n            with: 1\n"),
                "NAME_INVALID", 3, 18);
        assertAt(parse("flow:\n    name: t\n    args:\n        in:\n            null: int\n    node:\n        m:\n            with: 1\n"),
                "NAME_INVALID", 5, 13);
        assertAt(parse(flow("e:\n    each: xs => it, 2i\n    node:\n        m:\n            with: 1\n")), "NAME_INVALID", 5, 29);
        // inputs may contain '-'
        assertEquals(List.of(), parse("flow:\n    name: t\n    args:\n        in:\n            a-b: int\n    node:\n        m:\n            with: $['a-b']\n").errors());
    }

    @Test
    void nameDuplicateAcrossBlocks() {
        ParseResult r = parse(flow("""
                a:
                    with: 1
                l:
                    vars: i = 0
                    when: i < 1
                    node:
                        a:
                            with: 2
                """));
        Diagnostic d = only(r, "NAME_DUPLICATE");
        assertEquals("10:17", d.line() + ":" + d.column());
        assertEquals("a", d.node());
        assertEquals("flow.node.l.node.a", d.path());
    }

    @Test
    void nameConflict() {
        // a node id equal to an input
        assertAt(parse("flow:\n    name: t\n    args:\n        in:\n            x: int\n    node:\n        x:\n            with: 1\n"),
                "NAME_CONFLICT", 7, 9);
        // a flow variable equal to an input / to a built-in
        assertAt(parse("flow:\n    name: t\n    args:\n        in:\n            x: int\n    vars: x = 1\n    node:\n        m:\n            with: 1\n"),
                "NAME_CONFLICT", 6, 11);
        assertAt(parse("flow:\n    name: t\n    vars: a = 1, tenantId = 2\n    node:\n        m:\n            with: 1\n"), "NAME_CONFLICT", 3, 18);
        // an alias reusing a flow variable; alias and index equal
        assertAt(parse("flow:\n    name: t\n    vars: it = 1\n    node:\n        e:\n            each: xs => it\n            node:\n                m:\n                    with: 1\n"),
                "NAME_CONFLICT", 6, 19);
        assertAt(parse(flow("e:\n    each: xs => a, a\n    node:\n        m:\n            with: 1\n")), "NAME_CONFLICT", 5, 19);
        // loop vars reusing a top-level node id
        assertAt(parse(flow("m:\n    with: 1\nl:\n    vars: m = 1\n    when: false\n    node:\n        b:\n            with: 1\n")),
                "NAME_CONFLICT", 7, 19);
        // sibling scopes may reuse names
        assertEquals(List.of(), parse(flow("""
                e1:
                    each: xs => item, i
                    vars: acc = 0
                    node:
                        s1:
                            with: item
                e2:
                    each: ys => item, i
                    vars: acc = 0
                    node:
                        s2:
                            with: item
                """)).errors());
        // declaring the built-ins as inputs is allowed
        assertEquals(List.of(), parse("flow:\n    name: t\n    args:\n        in:\n            tenantId: string\n    node:\n        m:\n            with: tenantId\n").errors());
    }

    // ---------------------------------------------------------------- kinds and keys

    @Test
    void kinds() {
        assertAt(parse(flow("m:\n    name: nothing\n")), "KIND_UNKNOWN", 4, 9);
        assertAt(parse(flow("m:\n    exec: api://a/b\n    when: true\n")), "KIND_AMBIGUOUS", 4, 9);
        assertAt(parse(flow("m:\n    with: 1\n    agent: planner\n")), "KIND_UNSUPPORTED", 6, 13);
        assertTrue(only(parse(flow("m:\n    exec: api://a/b\n    when: true\n")), "KIND_AMBIGUOUS").message().contains("tool call"));
    }

    @Test
    void keys() {
        assertAt(parse(flow("c:\n    when: true\n    then: m\n    with: 1\nm:\n    with: 1\n")), "KEY_NOT_ALLOWED", 7, 13);
        assertAt(parse(flow("w:\n    wait: 10\n    fail: m\nm:\n    with: 1\n")), "KEY_NOT_ALLOWED", 6, 13);
        Diagnostic missing = only(parse(flow("c:\n    when: true\n")), "KEY_MISSING");
        assertEquals("4:9", missing.line() + ":" + missing.column());
        assertEquals("flow.node.c.then", missing.path());
        assertAt(parse(flow("l:\n    when: true\n    node:\n        m:\n            with: 1\n")), "KEY_MISSING", 4, 9);
        assertAt(parse(flow("m:\n    with: ''\n    sets: x = 1\n")), "KEY_MISSING", 5, 19);
    }

    // ---------------------------------------------------------------- jumps

    @Test
    void jumps() {
        assertAt(parse(flow("a:\n    with: 1\n    next: b, nope\nb:\n    with: 2\n")), "JUMP_UNKNOWN", 6, 22);
        Diagnostic cross = only(parse(flow("""
                a:
                    with: 1
                    next: inner
                l:
                    vars: i = 0
                    when: i < 1
                    node:
                        inner:
                            with: 1
                """)), "JUMP_CROSS_LEVEL");
        assertEquals("6:19", cross.line() + ":" + cross.column());
        assertEquals("a", cross.node());
        assertAt(parse(flow("a:\n    with: 1\n    next: [b, b]\nb:\n    with: 2\n")), "JUMP_DUPLICATE", 6, 23);
        assertAt(parse(flow("a:\n    with: 1\n    next: b,b\nb:\n    with: 2\n")), "JUMP_DUPLICATE", 6, 21);
        Diagnostic cycle = only(parse(flow("a:\n    with: 1\n    next: b\nb:\n    with: 2\n    next: c\nc:\n    when: true\n    then: a\n")),
                "JUMP_CYCLE");
        assertEquals("12:19", cycle.line() + ":" + cycle.column());
        assertTrue(cycle.message().contains("a → b → c → a"), cycle.message());
        Diagnostic self = only(parse(flow("a:\n    with: 1\n    fail: a\n")), "JUMP_CYCLE");
        assertTrue(self.message().contains("a → a"), self.message());
    }

    // ---------------------------------------------------------------- GML

    @Test
    void gmlSyntaxPositionsInPlainAndLiteralScalars() {
        Diagnostic plain = only(parse(flow("m:\n    with: a + * b\n")), "GML_SYNTAX");
        assertEquals("5:23", plain.line() + ":" + plain.column(), plain.toString());
        assertEquals("flow.node.m.with", plain.path());
        assertEquals("m", plain.node());
        Diagnostic block = only(parse(flow("m:\n    with: |\n        a = 1\n        b = (2 +\n        c = 3\n")), "GML_SYNTAX");
        // the error is at 'c' or '=' on the third line of the block (line 8 of the document)
        assertEquals("8:19", block.line() + ":" + block.column(), block.toString());
        // positions cited in the message are document positions too
        assertTrue(block.message().contains("at 8:19") && block.message().contains("opened at 7:21"), block.message());
        Diagnostic quoted = only(parse(flow("m:\n    with: \"a + * b\"\n")), "GML_SYNTAX");
        assertEquals("5:19", quoted.line() + ":" + quoted.column());
        Diagnostic fn = only(parse(flow("m:\n    with: nosuchfn(1)\n")), "GML_SYNTAX");
        assertEquals(5, fn.line());
        Diagnostic prose = only(parse(flow("m:\n    with: Thanks for your order\n")), "GML_SYNTAX");
        assertTrue(prose.message().contains("quote"), prose.message());
        // a multi-line plain scalar maps its second line too
        Diagnostic folded = only(parse(flow("m:\n    with: a = 1,\n        b = * 2\n")), "GML_SYNTAX");
        assertEquals(6, folded.line(), folded.toString());
    }

    @Test
    void gmlForm() {
        assertAt(parse(flow("m:\n    with: 1\n    sets: x + 1\n")), "GML_FORM", 6, 19);
        assertAt(parse("flow:\n    name: t\n    vars: a = 1, return a\n    node:\n        m:\n            with: 1\n"), "GML_FORM", 3, 18);
        assertAt(parse(flow("e:\n    each: a = 1, b => x\n    node:\n        m:\n            with: 1\n")), "GML_FORM", 5, 19);
    }

    @Test
    void setsTarget() {
        ParseResult r = parse("flow:\n    name: t\n    args:\n        in:\n            n: int\n    vars: total = 0\n    node:\n"
                + "        m:\n            with: 1\n            sets: total = total + 1, n = 2, ghost = 3\n");
        assertEquals(List.of("10:38", "10:45"), at(r, "SETS_TARGET"));
        // each/loop variables of enclosing scopes are assignable; aliases are not
        ParseResult nested = parse(flow("""
                e:
                    each: xs => it
                    vars: acc = 0
                    node:
                        s:
                            with: it
                            sets: acc = acc + it, it = 0
                    with: acc
                """));
        assertEquals(List.of("10:43"), at(nested, "SETS_TARGET"));
    }

    // ---------------------------------------------------------------- exec, wait, each, case

    @Test
    void execUri() {
        assertAt(parse(flow("t:\n    exec: ftp://x/y\n")), "EXEC_URI", 5, 19);
        assertAt(parse(flow("t:\n    exec: mcp://x/y\n")), "EXEC_URI", 5, 19);
        assertAt(parse(flow("t:\n    exec: api://crm/a?timeout=0\n")), "EXEC_URI", 5, 31);
        assertAt(parse(flow("t:\n    exec: api://crm/a?timeout=300001\n")), "EXEC_URI", 5, 31);
        assertAt(parse(flow("t:\n    exec: api://crm/a?timeout=10&max-attempts=11\n")), "EXEC_URI", 5, 42);
        assertAt(parse(flow("t:\n    exec: api://crm/a?timeout=10&timeout=20\n")), "EXEC_URI", 5, 42);
        assertAt(parse(flow("t:\n    exec: db://shop/list?method=GET\n")), "EXEC_URI", 5, 34);
        assertAt(parse(flow("t:\n    exec: db://shop/{t}/list\n")), "EXEC_URI", 5, 29);
        assertAt(parse(flow("t:\n    exec: db://shop/orders/drop\n")), "EXEC_URI", 5, 36);
        assertAt(parse(flow("t:\n    exec: api://crm/a?timeout=${x}\n")), "EXEC_URI", 5, 31);
        assertAt(parse(flow("t:\n    exec: api://crm/a?retries=2\n")), "EXEC_URI", 5, 31);
        assertAt(parse(flow("t:\n    exec: api://crm/a b\n")), "EXEC_URI", 5, 30);
        assertAt(parse(flow("t:\n    exec: flow://other/x\n")), "EXEC_URI", 5, 31);
        assertAt(parse(flow("t:\n    exec: api://\n")), "EXEC_URI", 5, 25);
        assertAt(parse(flow("t:\n    exec: api://crm//x\n")), "EXEC_URI", 5, 29);
        assertAt(parse(flow("t:\n    exec: api://crm/x/${a b}\n")), "GML_SYNTAX", 5, 35);
        // valid forms
        assertEquals(List.of(), parse(flow("""
                a:
                    exec: api://crm/customers/{id}/orders?method=get&timeout=4000&max-attempts=10
                    args: id = 'C7'
                    next: b
                b:
                    exec: db://shop.orders/count
                    next: c
                c:
                    exec: flow://billing-sync?timeout=60000
                    next: d
                d:
                    exec: api://svc-${'x'}/p/${b.value}-%20/~x
                """)).errors());
    }

    @Test
    void waitFormat() {
        assertAt(parse(flow("w:\n    wait: 5 minutes\n")), "WAIT_FORMAT", 5, 19);
        assertAt(parse(flow("w:\n    wait: 1.5\n")), "WAIT_FORMAT", 5, 19);
        assertAt(parse(flow("w:\n    wait: -5\n")), "WAIT_FORMAT", 5, 19);
        assertAt(parse(flow("w:\n    wait: 2h\n")), "WAIT_FORMAT", 5, 19);
        ParseResult longRuns = parse(flow("w:\n    wait: 2h\n"), ValidationOptions.DEFAULT.withLimits(FdlLimits.DEFAULT.withMaxWaitMs(86_400_000)));
        assertEquals(List.of(), longRuns.errors());
        Node.Wait w = (Node.Wait) longRuns.flow().block().node("w");
        assertEquals(7_200_000, w.durationMs());
        for (String ok : List.of("250", "'250'", "' 30s '", "5m", "'1h'", "100ms", "0")) {
            ParseResult r = parse(flow("w:\n    wait: " + ok + "\n"));
            assertEquals(List.of(), r.errors(), ok);
        }
        assertEquals(300_000, ((Node.Wait) parse(flow("w:\n    wait: 5m\n")).flow().block().node("w")).durationMs());
    }

    @Test
    void eachFormat() {
        assertAt(parse(flow("e:\n    each: items\n    node:\n        m:\n            with: 1\n")), "EACH_FORMAT", 5, 19);
        assertAt(parse(flow("e:\n    each: items => a, b, c\n    node:\n        m:\n            with: 1\n")), "EACH_FORMAT", 5, 25);
        assertAt(parse(flow("e:\n    each: ' => a'\n    node:\n        m:\n            with: 1\n")), "EACH_FORMAT", 5, 19);
        ParseResult ok = parse(flow("e:\n    each: xs.filter(x => x.ok).map(x => [x, '=>']) => r, i\n    node:\n        m:\n            with: r\n"));
        assertEquals(List.of(), ok.errors());
        Node.Each e = (Node.Each) ok.flow().block().node("e");
        assertEquals("xs.filter(x => x.ok).map(x => [x, '=>'])", e.source().source().source());
        assertEquals("r", e.source().alias());
        assertEquals("i", e.source().index());
    }

    @Test
    void caseFormat() {
        assertAt(parse(flow("c:\n    case: x\n")), "CASE_FORMAT", 5, 19);
        assertAt(parse(flow("c:\n    case:\n        -   when: true\n            then: m\n            else: m\nm:\n    with: 1\n")),
                "CASE_FORMAT", 8, 21);
        assertAt(parse(flow("c:\n    case:\n        -   when: true\nm:\n    with: 1\n")), "CASE_FORMAT", 6, 21);
        assertAt(parse(flow("c:\n    case:\n        - x\n")), "CASE_FORMAT", 6, 19);
    }

    // ---------------------------------------------------------------- limits

    @Test
    void limits() {
        FdlLimits small = new FdlLimits(1 << 20, 2, 1, 10, 300_000, 3_600_000, FdlLimits.DEFAULT.gml());
        ValidationOptions o = ValidationOptions.DEFAULT.withLimits(small);
        assertAt(parse(flow("a:\n    with: 1\nb:\n    with: 1\nc:\n    with: 1\n"), o), "LIMIT", 8, 9);
        assertAt(parse(flow("""
                l:
                    vars: i = 0
                    when: false
                    node:
                        l2:
                            vars: j = 0
                            when: false
                            node:
                                x:
                                    with: 1
                """), ValidationOptions.DEFAULT.withLimits(new FdlLimits(1 << 20, 100, 1, 10, 300_000, 3_600_000, FdlLimits.DEFAULT.gml()))),
                "LIMIT", 8, 17);
        String big = flow("m:\n    with: 1\n") + "#" + "x".repeat(1 << 20) + "\n";
        assertAt(parse(big), "LIMIT", 1, 1);
        // the default nesting limit is 8: nine nested loops fail, eight pass
        assertEquals(List.of(), parse(nested(8)).errors());
        assertEquals(1, at(parse(nested(9)), "LIMIT").size());
    }

    static String nested(int depth) {
        StringBuilder sb = new StringBuilder("flow:\n    name: t\n    node:\n");
        String ind = "        ";
        for (int i = 0; i < depth; i++) {
            sb.append(ind).append("l").append(i).append(":\n").append(ind).append("    vars: v").append(i).append(" = 0\n")
                    .append(ind).append("    when: false\n").append(ind).append("    node:\n");
            ind += "        ";
        }
        sb.append(ind).append("m:\n").append(ind).append("    with: 1\n");
        return sb.toString();
    }

    // ---------------------------------------------------------------- warnings

    @Test
    void warnings() {
        ParseResult style = parse("flow:\n  name: t\n  node:\n    m:\n      with: 1\n");
        assertTrue(style.ok());
        assertEquals(List.of("2:3"), at(style, "STYLE").subList(0, 1));
        ParseResult blank = parse(flow("a:\n    with: 1\n    next: b\nb:\n    with: 2\n"));
        assertEquals(List.of("7:9"), at(blank, "STYLE"));
        ParseResult longLine = parse(flow("a:\n    with: a = 1, b = 2, c = 3, d = 4, e = 5\n"));
        assertEquals(List.of("5:19"), at(longLine, "STYLE"));

        ParseResult reads = parse(flow("c:\n    when: true\n    then: m\n\nm:\n    with: c\n"));
        assertTrue(reads.ok());
        Diagnostic d = only(reads, "READS_NO_VALUE");
        assertEquals("9:19", d.line() + ":" + d.column());
        assertEquals(Diagnostic.Severity.WARNING, d.severity());
        ParseResult eachNoWith = parse(flow("e:\n    each: xs => x\n    node:\n        s:\n            with: x\n    next: m\n\nm:\n    with: e.count\n"));
        assertEquals(List.of("12:19"), at(eachNoWith, "READS_NO_VALUE"));

        String tools = flow("a:\n    exec: api://crm/x\n    next: b\n\nb:\n    exec: db://shop.orders/list\n    next: c\n\nc:\n    exec: api://${'dyn'}/x\n    next: d\n\nd:\n    exec: flow://missing\n");
        ParseResult unknown = parse(tools, ValidationOptions.DEFAULT.withKnownTools(k -> k.equals("api://crm") || k.equals("db://shop")));
        assertTrue(unknown.ok());
        assertEquals(List.of("17:19"), at(unknown, "UNKNOWN_TOOL"));
        assertEquals(List.of(), at(parse(tools), "UNKNOWN_TOOL"));
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        ParseResult r = parse(flow("""
                a:
                    with: a +
                    next: zz

                b:
                    exec: ftp://x

                c:
                    wait: soon
                """));
        assertEquals(List.of("GML_SYNTAX", "JUMP_UNKNOWN", "EXEC_URI", "WAIT_FORMAT"),
                r.errors().stream().map(Diagnostic::code).toList());
    }
}
