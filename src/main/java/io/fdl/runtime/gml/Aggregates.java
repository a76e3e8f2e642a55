package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.gml.Values.Kind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** sum / avg / min / max / med over a list of values (§9.2, §10.1), shared by functions and methods. */
final class Aggregates {
    private Aggregates() {}

    /** The values to aggregate: the elements, or a path / lambda (argument i of args) applied to each. */
    static List<JsonNode> extract(Env env, JsonNode array, Args args, int i) {
        int n = array.size();
        List<JsonNode> out = new ArrayList<>(n);
        if (!args.has(i)) {
            for (JsonNode e : array) out.add(e);
        } else if (args.isFn(i)) {
            Fn fn = args.fn(i);
            for (int k = 0; k < n; k++) out.add(fn.call(env, array.get(k), Values.of(k)));
        } else {
            JsonNode p = args.get(i);
            if (Values.isNull(p)) {
                for (JsonNode e : array) out.add(e);
            } else {
                String[] path = Access.path(Strings.requireString(p, "a field path"));
                for (JsonNode e : array) out.add(Access.get(e, path));
            }
        }
        return out;
    }

    static List<JsonNode> byPath(JsonNode array, JsonNode pathArg) {
        List<JsonNode> out = new ArrayList<>(array.size());
        if (Values.isNull(pathArg)) {
            for (JsonNode e : array) out.add(e);
            return out;
        }
        String[] path = Access.path(Strings.requireString(pathArg, "a field path"));
        for (JsonNode e : array) out.add(Access.get(e, path));
        return out;
    }

    static JsonNode sum(List<JsonNode> values) {
        long isum = 0;
        double dsum = 0;
        boolean decimal = false;
        for (JsonNode v : values) {
            Kind k = Values.kind(v);
            if (k == Kind.NULL) continue;
            if (k == Kind.INTEGER && !decimal) {
                long x = v.longValue(), r = isum + x;
                if (((isum ^ r) & (x ^ r)) < 0) throw Errors.eval("integer overflow");
                isum = r;
            } else if (k == Kind.INTEGER || k == Kind.DECIMAL) {
                if (!decimal) {
                    decimal = true;
                    dsum = isum;
                }
                dsum += v.doubleValue();
            } else {
                throw Errors.eval("cannot sum " + Values.typeName(v) + " values (numbers are needed)");
            }
        }
        if (!decimal) return Values.of(isum);
        return Ops.decimal(dsum, "sum");
    }

    static JsonNode avg(List<JsonNode> values) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (JsonNode v : values) {
            Kind k = Values.kind(v);
            if (k == Kind.NULL) continue;
            if (k == Kind.INTEGER) sum = sum.add(BigDecimal.valueOf(v.longValue()));
            else if (k == Kind.DECIMAL) sum = sum.add(BigDecimal.valueOf(v.doubleValue()));
            else throw Errors.eval("cannot average " + Values.typeName(v) + " values (numbers are needed)");
            count++;
        }
        if (count == 0) return Values.NULL;
        return Values.of(sum.divide(BigDecimal.valueOf(count), 6, RoundingMode.HALF_UP).doubleValue());
    }

    static JsonNode extreme(List<JsonNode> values, boolean max) {
        JsonNode best = null;
        for (JsonNode v : values) {
            Kind k = Values.kind(v);
            if (k == Kind.NULL) continue;
            if (k == Kind.ARRAY || k == Kind.OBJECT) {
                throw Errors.eval("cannot compare " + Values.typeName(v) + " values (numbers or strings are needed)");
            }
            if (best == null) best = v;
            else {
                int c = Ops.compare(v, best);
                if (max ? c > 0 : c < 0) best = v;
            }
        }
        return best == null ? Values.NULL : best;
    }

    static JsonNode med(List<JsonNode> values) {
        List<JsonNode> nums = new ArrayList<>();
        for (JsonNode v : values) {
            Kind k = Values.kind(v);
            if (k == Kind.NULL) continue;
            if (k != Kind.INTEGER && k != Kind.DECIMAL) {
                throw Errors.eval("cannot take the median of " + Values.typeName(v) + " values (numbers are needed)");
            }
            nums.add(v);
        }
        if (nums.isEmpty()) return Values.NULL;
        nums.sort(Ops::compare);
        int n = nums.size();
        if (n % 2 == 1) return nums.get(n / 2);
        return Ops.decimal((nums.get(n / 2 - 1).doubleValue() + nums.get(n / 2).doubleValue()) / 2.0, "med");
    }
}
