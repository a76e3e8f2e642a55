package io.fdl.bench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.engine.DefaultScheduler;
import io.fdl.runtime.engine.EngineLimits;
import io.fdl.runtime.engine.FlowCompiler;
import io.fdl.runtime.engine.FlowEngine;
import io.fdl.runtime.engine.RunOutcome;
import io.fdl.runtime.engine.RunRequest;
import io.fdl.runtime.engine.RunStatus;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.fdl.FlowDefinitions;
import io.fdl.runtime.fdl.ParseResult;
import io.smallrye.mutiny.Uni;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Engine overhead (goals: ≤ 5 µs per node on a 20-node mapping chain; ≥ 20 000 runs/s for two
 * parallel mocked calls + merge). Runs execute on the calling thread (direct executor) with the
 * production timer thread, so the numbers include queueing, run-timeout timers, scopes, node
 * records, mock answers and result shaping, but no thread hand-off.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
    static final ObjectMapper M = new ObjectMapper();

    FlowEngine engine;
    CompiledFlow chain20;
    CompiledFlow parallel3;
    JsonNode chainMocks;
    JsonNode parallelMocks;
    final AtomicLong ids = new AtomicLong();

    static CompiledFlow compile(String yaml) {
        ParseResult r = FlowDefinitions.parseYaml(yaml);
        if (!r.ok()) throw new IllegalStateException(r.errors().toString());
        return FlowCompiler.compile(r.flow());
    }

    @Setup
    public void setup() throws Exception {
        engine = new FlowEngine(call -> Uni.createFrom().failure(new ToolException("NOT_FOUND_TOOL", "mocked only")),
                DefaultScheduler.shared(), Runnable::run, EngineLimits.DEFAULT);
        StringBuilder y = new StringBuilder("flow:\n    name: chain\n    args:\n        in:\n            start: int = 1\n    node:\n");
        for (int i = 0; i < 20; i++) {
            y.append("        n").append(i).append(":\n");
            y.append("            with: ").append(i == 0 ? "v = start, step = 0" : "v = n" + (i - 1) + ".v + 1, step = " + i).append('\n');
            if (i < 19) y.append("            next: n").append(i + 1).append('\n');
        }
        chain20 = compile(y.toString());
        chainMocks = JsonNodeFactory.instance.objectNode();
        parallel3 = compile("""
                flow:
                    name: parallel
                    args:
                        in:
                            id: string
                    node:
                        account:
                            exec: api://billing/accounts/{id}
                            args: id = id
                            next: merge
                        invoices:
                            exec: db://billing/invoice/list
                            args: exps = 'accountId = :a', params = { a = id }
                            next: merge
                        merge:
                            with: id = account.id, holder = account.holder, open = invoices.sum('amount')
                """);
        parallelMocks = M.readTree("""
                {"api://billing/accounts/{id}": {"id": "A1", "holder": "Ann"},
                 "db://billing/invoice/list": [{"amount": 10}, {"amount": 5.5}]}""");
        check(runChain());
        check(runParallel());
    }

    static RunOutcome check(RunOutcome o) {
        if (o == null || o.status() != RunStatus.COMPLETED) throw new IllegalStateException("run did not complete: " + (o == null ? null : o.toJson()));
        return o;
    }

    private RunOutcome run(CompiledFlow flow, JsonNode inputs, JsonNode mocks) {
        RunRequest req = new RunRequest("b-" + ids.incrementAndGet(), inputs, "t", "bu", mocks, null, 0, null);
        // direct executor: the run completes inside start() (no timers involved in these flows)
        return engine.start(flow, req).outcomeStage().toCompletableFuture().getNow(null);
    }

    RunOutcome runChain() { return run(chain20, JsonNodeFactory.instance.objectNode().put("start", 1), chainMocks); }

    RunOutcome runParallel() { return run(parallel3, JsonNodeFactory.instance.objectNode().put("id", "A1"), parallelMocks); }

    /** One run of the 20-node mapping chain; divide by 20 for the per-node cost. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RunOutcome chain20Run() {
        return runChain();
    }

    /** Runs per second of two parallel mocked calls + merge, one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public RunOutcome parallel3Runs() {
        return runParallel();
    }

    /** Same with two caller threads (the machine has two cores). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public RunOutcome parallel3Runs2Threads() {
        return runParallel();
    }
}
