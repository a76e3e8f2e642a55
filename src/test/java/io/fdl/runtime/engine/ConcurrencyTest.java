package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.ToolException;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.fdl.runtime.engine.Dsl.F;
import static io.fdl.runtime.engine.Dsl.json;
import static io.fdl.runtime.engine.MockedRunTest.yaml;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Many runs on a small pool with real timers: run confinement must keep every run's state
 * consistent without locks (no lost sets, events gap-free and ordered per run).
 */
class ConcurrencyTest {

    @Test
    void manyRunsOnTwoThreadsStayConsistent() throws Exception {
        CompiledFlow f = yaml("""
                flow:
                    name: stress
                    vars: n = 0
                    args:
                        in:
                            k: int
                    node:
                        a:
                            exec: api://svc/a
                            sets: n = n + 1
                            next: j
                        b:
                            exec: api://svc/b
                            sets: n = n + 1
                            next: j
                        c:
                            each: "[1, 2, 3] => x"
                            node:
                                d:
                                    exec: api://svc/d
                                    args: x = x
                                    sets: n = n + x
                            next: j
                        j:
                            with: n * 1000 + k
                """);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        DefaultScheduler timer = new DefaultScheduler();
        try {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            FlowEngine engine = new FlowEngine(call -> Uni.createFrom().failure(new ToolException("X", "x")), timer,
                    r -> pool.execute(() -> { threads.add(Thread.currentThread().getName()); r.run(); }), EngineLimits.DEFAULT);
            ObjectNode mocks = (ObjectNode) json("{'api://svc/a': {'delayMs': 3, 'result': 1}, 'api://svc/b': 2, "
                    + "'api://svc/d': {'sequence': [{'delayMs': 1, 'result': 0}, 0, {'delayMs': 2, 'result': 0}]}}");
            int runs = 500;
            List<RunHandle> handles = new ArrayList<>();
            List<List<ExecutionEvent>> events = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                List<ExecutionEvent> ev = new ArrayList<>(); // filled on the run's serial context only
                events.add(ev);
                handles.add(engine.start(f, new RunRequest("r" + i, F.objectNode().put("k", i), "t", "b", mocks, null, 0, ev::add)));
            }
            CompletableFuture.allOf(handles.stream().map(h -> h.outcomeStage().toCompletableFuture()).toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
            for (int i = 0; i < runs; i++) {
                RunOutcome o = handles.get(i).outcomeStage().toCompletableFuture().get();
                assertEquals(RunStatus.COMPLETED, o.status(), () -> o.toJson().toString());
                assertEquals(8_000L + i, o.result().asLong());
                List<ExecutionEvent> ev = events.get(i);
                synchronized (ev) {
                    for (int s = 0; s < ev.size(); s++) assertEquals(s + 1, ev.get(s).seq());
                    assertEquals("started", ev.get(0).type().wire());
                    assertEquals("completed", ev.get(ev.size() - 1).type().wire());
                }
            }
            assertTrue(threads.size() <= 2, "runs share the pool: " + threads);
        } finally {
            pool.shutdownNow();
            timer.close();
        }
    }
}
