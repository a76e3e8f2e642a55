package io.fdl.runtime.engine.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.Scheduler;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.engine.port.ToolInvoker;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers every call attempt of a mocked run from the request's {@code mocks} (tools.md §6); no
 * tool handler is ever invoked. One instance per run: sequence counters are per run. Delays are
 * scheduler timers, so they block no thread and an engine attempt timeout cancels them.
 */
public final class MockInvoker implements ToolInvoker {
    private final Map<String, MockValue> mocks;
    private final Scheduler scheduler;

    private MockInvoker(Map<String, MockValue> mocks, Scheduler scheduler) {
        this.mocks = mocks;
        this.scheduler = scheduler;
    }

    /** The parsed mocks, or the problems ({@code mocks.<key>: <problem>}) that reject the run. */
    public record Parsed(MockInvoker invoker, List<String> problems) {
        public boolean ok() { return problems.isEmpty(); }
    }

    /** Validates and parses a request's {@code mocks} (tools.md §6.4). */
    public static Parsed parse(JsonNode mocks, Scheduler scheduler) {
        List<String> problems = new ArrayList<>();
        Map<String, MockValue> parsed = new LinkedHashMap<>();
        if (mocks == null || !mocks.isObject()) {
            problems.add("mocks: must be a JSON object");
            return new Parsed(null, problems);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = mocks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = normalise(e.getKey());
            MockValue v = parseValue(e.getValue(), "mocks." + e.getKey(), problems);
            if (parsed.containsKey(key)) {
                problems.add("mocks." + e.getKey() + ": duplicates key " + key + " once the query string is removed");
            }
            parsed.put(key, v);
        }
        return new Parsed(problems.isEmpty() ? new MockInvoker(parsed, scheduler) : null, problems);
    }

    /** Keys are call keys: a query string is removed (tools.md §6.2). */
    static String normalise(String key) {
        int q = key.indexOf('?');
        return q < 0 ? key : key.substring(0, q);
    }

    private static MockValue parseValue(JsonNode v, String where, List<String> problems) {
        if (v != null && v.isObject() && v.size() >= 1) {
            if (v.size() == 1 && v.has("error")) {
                JsonNode err = v.get("error");
                if (!err.isObject()) {
                    problems.add(where + ": error must be an object {code, message}");
                    return null;
                }
                JsonNode code = err.get("code");
                JsonNode msg = err.get("message");
                if (code != null && !code.isNull() && !code.isTextual()) problems.add(where + ": error.code must be a string");
                if (msg != null && !msg.isNull() && !msg.isTextual()) problems.add(where + ": error.message must be a string");
                return new MockValue.Failure(code == null || code.isNull() ? "MOCK_ERROR" : code.asText(),
                        msg == null || msg.isNull() ? "" : msg.asText());
            }
            if (v.size() == 1 && v.has("sequence")) {
                JsonNode seq = v.get("sequence");
                if (!seq.isArray() || seq.isEmpty()) {
                    problems.add(where + ": sequence must be a non-empty array");
                    return null;
                }
                List<MockValue> entries = new ArrayList<>();
                for (int i = 0; i < seq.size(); i++) entries.add(parseValue(seq.get(i), where + ".sequence[" + i + "]", problems));
                return new MockValue.Sequence(entries, new AtomicInteger());
            }
            if (v.size() == 1 && v.has("byArgs")) {
                JsonNode list = v.get("byArgs");
                if (!list.isArray()) {
                    problems.add(where + ": byArgs must be a list of {args, result} entries");
                    return null;
                }
                List<MockValue.ByArgs.Entry> entries = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode en = list.get(i);
                    String w = where + ".byArgs[" + i + "]";
                    if (!en.isObject() || !en.has("args") || !en.get("args").isObject()) {
                        problems.add(w + ": must be an object {args: object, result}");
                        continue;
                    }
                    boolean extra = false;
                    for (Iterator<String> k = en.fieldNames(); k.hasNext(); ) {
                        String name = k.next();
                        if (!name.equals("args") && !name.equals("result")) extra = true;
                    }
                    if (extra) {
                        problems.add(w + ": only args and result are allowed");
                        continue;
                    }
                    JsonNode res = en.has("result") ? en.get("result") : NullNode.instance;
                    entries.add(new MockValue.ByArgs.Entry(en.get("args"), parseValue(res, w + ".result", problems)));
                }
                return new MockValue.ByArgs(entries);
            }
            if (v.has("delayMs") && (v.size() == 1 || (v.size() == 2 && v.has("result")))) {
                JsonNode d = v.get("delayMs");
                boolean integral = d.isIntegralNumber() || (d.isNumber() && d.doubleValue() == Math.rint(d.doubleValue()));
                if (!d.isNumber() || !integral || d.doubleValue() < 0) {
                    problems.add(where + ": delayMs must be a non-negative integer");
                    return null;
                }
                JsonNode res = v.has("result") ? v.get("result") : NullNode.instance;
                return new MockValue.Delay(d.longValue(), parseValue(res, where + ".result", problems));
            }
        }
        return new MockValue.Plain(v == null ? NullNode.instance : v);
    }

    @Override
    public Uni<JsonNode> invoke(ToolCall call) {
        MockValue m = mocks.get(call.callKey());
        if (m == null) return Uni.createFrom().failure(new ToolException("NO_MOCK", "no mock for " + call.callKey()));
        Answer a = resolve(m, call, 0);
        if (a.delayMs == 0) return a.deliver();
        return Uni.createFrom().emitter(em -> {
            Scheduler.Cancellable timer = scheduler.schedule(a.delayMs, () -> {
                if (a.error != null) em.fail(a.error);
                else em.complete(a.value);
            });
            em.onTermination(timer::cancel);
        });
    }

    /** The answer for one call, decided at call time (so sequence positions follow start order). */
    private record Answer(JsonNode value, ToolException error, long delayMs) {
        Uni<JsonNode> deliver() {
            return error != null ? Uni.createFrom().failure(error) : Uni.createFrom().item(value);
        }
    }

    private Answer resolve(MockValue m, ToolCall call, long delay) {
        if (m instanceof MockValue.Plain p) return new Answer(p.value().deepCopy(), null, delay);
        if (m instanceof MockValue.Failure f) return new Answer(null, new ToolException(f.code(), f.message()), delay);
        if (m instanceof MockValue.Sequence s) {
            int n = s.calls().getAndIncrement();
            return resolve(s.entries().get(Math.min(n, s.entries().size() - 1)), call, delay);
        }
        if (m instanceof MockValue.ByArgs b) {
            ObjectNode args = call.args();
            for (MockValue.ByArgs.Entry e : b.entries()) {
                if (JsonEquality.subset(e.args(), args)) return resolve(e.result(), call, delay);
            }
            return new Answer(null, new ToolException("NO_MOCK", "no mock for " + call.callKey()
                    + " matching the call's args"), delay);
        }
        MockValue.Delay d = (MockValue.Delay) m;
        return resolve(d.result(), call, delay + d.delayMs());
    }
}
