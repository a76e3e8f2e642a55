package io.fdl.bench.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.engine.DefaultScheduler;
import io.fdl.runtime.engine.EngineLimits;
import io.fdl.runtime.engine.FlowCompiler;
import io.fdl.runtime.engine.FlowEngine;
import io.fdl.runtime.engine.RunHandle;
import io.fdl.runtime.engine.RunOutcome;
import io.fdl.runtime.engine.RunRequest;
import io.fdl.runtime.engine.RunStatus;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.fdl.FlowDefinitions;
import io.smallrye.mutiny.Uni;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 3: N concurrent runs (default 10 000) that each wait 2 s. Runs share a 2-thread pool
 * and the single timer thread; the driver reports completion, elapsed time, live threads and heap
 * growth while all runs are parked.
 * {@code java -cp target/benchmarks.jar io.fdl.bench.engine.ConcurrentWaitsDriver [runs] [waitMs]}
 */
public final class ConcurrentWaitsDriver {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long waitMs = args.length > 1 ? Long.parseLong(args[1]) : 2_000;
        CompiledFlow flow = compile(waitMs);
        CompiledFlow warm = compile(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        DefaultScheduler timer = new DefaultScheduler();
        FlowEngine engine = new FlowEngine(call -> Uni.createFrom().failure(new ToolException("NOT_FOUND_TOOL", "none")),
                timer, pool, EngineLimits.DEFAULT);
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        // warm-up rounds (1 ms waits) so class loading and JIT count neither as start time nor as growth
        for (int round = 0; round < 3; round++) {
            List<CompletableFuture<RunOutcome>> w = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                w.add(engine.start(warm, RunRequest.of("w" + i, JsonNodeFactory.instance.objectNode().put("n", i), "t", "b"))
                        .outcomeStage().toCompletableFuture());
            }
            CompletableFuture.allOf(w.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        }
        System.gc();
        Thread.sleep(200);
        long heapBefore = mem.getHeapMemoryUsage().getUsed();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        long t0 = System.nanoTime();
        List<RunHandle> handles = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            handles.add(engine.start(flow, RunRequest.of("r" + i, JsonNodeFactory.instance.objectNode().put("n", i), "t", "b")));
        }
        long startedMs = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(Math.min(waitMs / 2, 1_000));
        int waiting = 0;
        for (RunHandle h : handles) if (h.status() == RunStatus.WAITING) waiting++;
        System.gc();
        Thread.sleep(100);
        long heapParked = mem.getHeapMemoryUsage().getUsed();
        int threadsParked = ManagementFactory.getThreadMXBean().getThreadCount();

        CompletableFuture<?>[] all = handles.stream().map(h -> h.outcomeStage().toCompletableFuture()).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(all).get(waitMs + 60_000, TimeUnit.MILLISECONDS);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        int completed = 0;
        for (RunHandle h : handles) {
            RunOutcome o = h.outcomeStage().toCompletableFuture().getNow(null);
            if (o != null && o.status() == RunStatus.COMPLETED && o.result().asLong() == 2L * Integer.parseInt(o.executionId().substring(1)) + 1) completed++;
        }
        System.out.printf("runs=%d wait=%dms started_in=%dms waiting_at_midpoint=%d completed_ok=%d elapsed=%dms%n",
                runs, waitMs, startedMs, waiting, completed, elapsedMs);
        System.out.printf("threads: before=%d while_parked=%d (pool 2 + 1 timer, no thread per run)%n", threadsBefore, threadsParked);
        System.out.printf("heap: before=%.1f MiB while_parked=%.1f MiB growth=%.1f MiB (%.2f KiB per parked run)%n",
                heapBefore / 1048576.0, heapParked / 1048576.0, (heapParked - heapBefore) / 1048576.0,
                (heapParked - heapBefore) / 1024.0 / runs);
        pool.shutdownNow();
        timer.close();
        if (completed != runs) System.exit(1);
    }

    static CompiledFlow compile(long waitMs) {
        return FlowCompiler.compile(FlowDefinitions.parseYaml("""
                flow:
                    name: park
                    args:
                        in:
                            n: int
                    node:
                        before:
                            with: n * 2
                            next: pause
                        pause:
                            wait: %d
                            next: after
                        after:
                            with: before + 1
                """.formatted(waitMs)).flow());
    }
}
