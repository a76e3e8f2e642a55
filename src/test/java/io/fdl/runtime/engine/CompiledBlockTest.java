package io.fdl.runtime.engine;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static io.fdl.runtime.engine.Dsl.F;
import static io.fdl.runtime.engine.Dsl.flow;
import static io.fdl.runtime.engine.Dsl.json;
import static io.fdl.runtime.engine.Dsl.constant;
import static io.fdl.runtime.engine.Harness.outcome;
import static io.fdl.runtime.engine.MockedRunTest.yaml;
import static org.junit.jupiter.api.Assertions.*;

/** The compiled graph (fdl.md §7.1–7.2, §11.1) and the compile cache. */
class CompiledBlockTest {

    @Test
    void arraysDescribeTheGraph() {
        CompiledFlow f = yaml("""
                flow:
                    name: graph
                    node:
                        a:
                            with: 1
                            next: c, d
                        b:
                            when: true
                            then: c
                            else: c, e
                        c:
                            with: 2
                            fail: e
                        d:
                            case:
                                -   when: false
                                    then: e
                            else: e
                        e:
                            with: 3
                """);
        CompiledBlock b = f.top();
        assertArrayEquals(new int[]{0, 1}, b.startNodes());
        assertArrayEquals(new int[]{2, 4}, b.terminalNodes(), "fail does not make a node non-terminal");
        assertEquals(0, b.predCount(0));
        assertEquals(2, b.predCount(2), "then and else to the same node form one edge");
        assertEquals(3, b.predCount(4));
        assertArrayEquals(new int[]{2, 4}, b.node(1).succ());
        assertArrayEquals(new int[]{4}, b.node(2).fail());
        assertArrayEquals(new int[][]{{4}}, b.node(3).caseThen());
        assertEquals(6, b.edgeCount());
        assertEquals(5, f.allNodes());
    }

    @Test
    void cyclesAndForeignJumpsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> flow()
                .mapping("a", constant("with", F.numberNode(1))).next("b").end()
                .mapping("b", constant("with", F.numberNode(1))).next("a").end().compiled());
        assertThrows(IllegalArgumentException.class, () -> flow()
                .mapping("a", constant("with", F.numberNode(1))).next("zz").end().compiled());
    }

    @Test
    void cacheCompilesOncePerKey() {
        FlowCompiler cache = new FlowCompiler(2);
        CompiledFlow f = yaml("flow:\n    name: x\n    node:\n        a:\n            with: 1\n");
        AtomicInteger compiles = new AtomicInteger();
        CompiledFlow c1 = cache.get("v1", () -> { compiles.incrementAndGet(); return f; });
        CompiledFlow c2 = cache.get("v1", () -> { compiles.incrementAndGet(); return f; });
        assertSame(c1, c2);
        assertEquals(1, compiles.get());
        cache.get("v2", f.flow());
        cache.get("v3", f.flow());
        assertEquals(2, cache.size(), "LRU bound");
        cache.invalidate("v3");
        assertEquals(1, cache.size());
    }

    @Test
    void oneCompiledFlowServesManyRuns() {
        CompiledFlow f = yaml("""
                flow:
                    name: reuse
                    args:
                        in:
                            n: int
                    vars: acc = 0
                    node:
                        m:
                            with: n * 2
                            sets: acc = acc + n
                """);
        Harness h = new Harness();
        for (int i = 1; i <= 3; i++) {
            RunOutcome o = outcome(h.start(f, json("{'n': " + i + "}")));
            assertEquals(2 * i, o.result().asInt());
            assertEquals(i, o.context().get("acc").asInt(), "runs share no state");
        }
    }
}
