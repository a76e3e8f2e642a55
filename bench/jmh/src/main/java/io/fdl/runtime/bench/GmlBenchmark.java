package io.fdl.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.gml.Gml;
import io.fdl.runtime.gml.GmlContext;
import io.fdl.runtime.gml.GmlScript;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** GML compile and evaluation costs (goals: compile ≤ 50 µs, a + b * 2 ≤ 50 ns, mapping ≤ 2 µs). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GmlBenchmark {

    /** A typical 10-line mapping script (FDL `with` / `sets`). */
    static final String MAPPING = String.join("\n",
            "id       = order.id",
            "customer = { name = order.customer.name, email = order.customer.email }",
            "$net     = order.lines.filter(l => l.qty > 0).map(l => l.qty * l.price).sum()",
            "net      = ROUND($net, 2)",
            "vat      = ROUND($net * 0.2, 2)",
            "total    = this.net + this.vat",
            "skus     = order.lines.map('sku').distinct()",
            "label    = `${order.channel}-${order.id}`",
            "vip      = order.customer.tier IN ['gold', 'platinum']",
            "status   = CASE WHEN total > 100 THEN 'review' ELSE 'auto' END");

    static final String OBJECT = "{ ...base, id = order.id, channel = order.channel, name = order.customer.name, "
            + "tier = order.customer.tier ?? 'none', count = items.length(), "
            + "total = items.filter(i => i.qty > 2).map(i => i.qty * i.price).sum(), "
            + "first = items[0].sku, last = items[#].sku, flag = total > 10, kind = 'order' }";

    GmlScript arith;
    GmlScript object;
    GmlScript template;
    GmlScript distinct;
    GmlContext ctx;
    GmlContext distinctCtx;

    @Setup
    public void setup() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode vars = f.objectNode();
        vars.put("a", 7).put("b", 5).put("total", 42.5);
        ObjectNode order = vars.putObject("order");
        order.put("id", 1001).put("channel", "pos");
        order.putObject("customer").put("name", "Ada").put("email", "ada@example.com").put("tier", "gold");
        ArrayNode lines = order.putArray("lines");
        ArrayNode items = vars.putArray("items");
        for (int i = 0; i < 100; i++) {
            ObjectNode it = f.objectNode().put("sku", "p" + (i % 17)).put("qty", i % 5).put("price", 1.5 + i);
            items.add(it);
            if (i < 10) lines.add(it);
        }
        vars.putObject("base").put("source", "bench").put("version", 3);
        vars.put("user", "Ada").put("n", 3);
        ctx = GmlContext.of(vars);
        arith = Gml.compile("a + b * 2");
        object = Gml.compile(OBJECT);
        ArrayNode many = f.arrayNode();
        for (int i = 0; i < 99_999; i++) many.add(f.objectNode().put("id", i).put("sku", "p" + i).put("price", 1.5 + i));
        distinctCtx = GmlContext.of((ObjectNode) f.objectNode().set("xs", many));
        distinct = Gml.compile("xs.distinct().length()");
        template = Gml.compile("`Hello ${user}, you have ${n} item${n == 1 ? '' : 's'}`");
    }

    /** distinct() over 99 999 distinct objects (issue 14: was 76 s, quadratic). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public JsonNode distinctObjects() {
        return distinct.evaluate(distinctCtx);
    }

    @Benchmark
    public GmlScript compileMapping() {
        return Gml.compile(MAPPING);
    }

    @Benchmark
    public JsonNode evalArithmetic() {
        return arith.evaluate(ctx);
    }

    @Benchmark
    public JsonNode evalObjectWithChain() {
        return object.evaluate(ctx);
    }

    /**
     * Calibration: the filter/map/sum part of evalObjectWithChain written by hand in Java on the same
     * Jackson nodes. On a shared, overloaded machine compare the GML numbers with this one.
     */
    @Benchmark
    public JsonNode baselineHandwrittenChain() {
        ArrayNode items = (ArrayNode) ctx.get("items");
        ArrayNode filtered = JsonNodeFactory.instance.arrayNode(items.size());
        for (JsonNode e : items) if (e.get("qty").asLong() > 2) filtered.add(e);
        ArrayNode mapped = JsonNodeFactory.instance.arrayNode(filtered.size());
        for (JsonNode e : filtered) mapped.add(DoubleNode.valueOf(e.get("qty").asLong() * e.get("price").asDouble()));
        double sum = 0;
        for (JsonNode e : mapped) sum += e.asDouble();
        return DoubleNode.valueOf(sum);
    }

    @Benchmark
    public JsonNode evalTemplate() {
        return template.evaluate(ctx);
    }
}
