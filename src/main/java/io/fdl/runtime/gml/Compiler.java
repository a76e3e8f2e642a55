package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.gml.Ast.*;
import io.fdl.runtime.gml.Callables.FunctionDef;
import io.fdl.runtime.gml.Values.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the AST into a tree of {@link Eval} closures. Names are resolved statically (§5.3): lambda
 * parameters, script names and temporaries become slot reads, everything else a context lookup.
 */
final class Compiler {
    private int slotCount;
    private final Map<String, Integer> locals = new HashMap<>();
    private final Map<String, Integer> temps = new HashMap<>();
    private final ArrayDeque<Map<String, Integer>> lambdaScopes = new ArrayDeque<>();
    private final Set<String> freeNames = new LinkedHashSet<>();
    private boolean usesThis;

    static CompiledScript compile(String source, Script script, GmlLimits limits) {
        return new Compiler().script(source, script, limits);
    }

    private CompiledScript script(String source, Script script, GmlLimits limits) {
        List<Item> items = script.items();
        List<Exec> execs = new ArrayList<>();
        Eval value = null;
        boolean objectMode = false;
        int n = items.size();
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            boolean last = i == n - 1;
            if (item instanceof Return r) {
                value = compile(r.value());
            } else if (item instanceof ExprItem e) {
                value = compile(e.value());
            } else if (item instanceof Compact c && n == 1) {
                value = compile(new Ident(c.pos(), c.name()));
            } else {
                execs.add(item(item));
                if (last) objectMode = true;
            }
        }
        List<GmlScript.ScriptItem> described = items.stream().map(Compiler::describe).toList();
        return new CompiledScript(source, limits, execs.toArray(new Exec[0]), value, objectMode, usesThis, slotCount,
                described, Set.copyOf(freeNames));
    }

    private static GmlScript.ScriptItem describe(Item item) {
        Pos p = item.pos();
        GmlScript.ScriptItem.Kind kind;
        String name = null;
        if (item instanceof Assign a) {
            kind = GmlScript.ScriptItem.Kind.ASSIGN;
            name = a.name();
        } else if (item instanceof TempAssign t) {
            kind = GmlScript.ScriptItem.Kind.TEMP;
            name = "$" + t.name();
        } else if (item instanceof SpreadItem) {
            kind = GmlScript.ScriptItem.Kind.SPREAD;
        } else if (item instanceof Compact c) {
            kind = GmlScript.ScriptItem.Kind.COMPACT;
            name = c.name();
        } else if (item instanceof ExprItem) {
            kind = GmlScript.ScriptItem.Kind.EXPRESSION;
        } else {
            kind = GmlScript.ScriptItem.Kind.RETURN;
        }
        return new GmlScript.ScriptItem(kind, name, p.line(), p.col());
    }

    // ---- items --------------------------------------------------------------------------------

    /** One non-final item executed for its effect on the script's fields. */
    interface Exec {
        void run(Env env);
    }

    private Exec item(Item item) {
        if (item instanceof Assign a) {
            return assign(a.name(), a.value(), a.quoted() && !isIdentifier(a.name()));
        }
        if (item instanceof Compact c) {
            return assign(c.name(), new Ident(c.pos(), c.name()), false);
        }
        {
            if (item instanceof TempAssign t) {
                Eval v = compile(t.value());
                int slot = temps.computeIfAbsent(t.name(), k -> slotCount++);
                String key = "$" + t.name();
                return env -> {
                    JsonNode val = v.eval(env);
                    env.slots[slot] = val;
                    if (env.state != null) env.state.set(key, val);
                };
            }
            if (item instanceof SpreadItem s) {
                Eval v = compile(s.value());
                Pos pos = s.pos();
                return env -> {
                    JsonNode val = v.eval(env);
                    if (Values.isNull(val)) return;
                    if (!val.isObject()) throw Errors.at(Errors.eval("cannot spread " + Values.typeName(val) + " into the script's fields (an object is needed)"), pos);
                    val.fields().forEachRemaining(e -> {
                        if (env.result != null) {
                            env.result.set(e.getKey(), e.getValue());
                            if (env.result.size() > env.limits.maxObjectKeys()) throw Errors.at(Errors.limit(keysMsg(env)), pos);
                        }
                        if (env.state != null) env.state.set(e.getKey(), e.getValue());
                    });
                };
            }
            throw new IllegalStateException("not an effect item: " + item);
        }
    }

    private static String keysMsg(Env env) {
        return "object exceeds the limit of " + env.limits.maxObjectKeys() + " keys (maxObjectKeys)";
    }

    private Exec assign(String key, Expr valueExpr, boolean keyOnly) {
        Eval v = compile(valueExpr);
        ObjectEval direct = v instanceof ObjectEval o ? o : null;
        int slot = keyOnly ? -1 : locals.computeIfAbsent(key, k -> slotCount++);
        Pos pos = valueExpr.pos();
        return env -> {
            JsonNode val = direct != null && env.state != null ? direct.evalInto(env, env.state, key) : v.eval(env);
            if (slot >= 0) env.slots[slot] = val;
            if (env.result != null) {
                env.result.set(key, val);
                if (env.result.size() > env.limits.maxObjectKeys()) throw Errors.at(Errors.limit(keysMsg(env)), pos);
            }
            if (env.state != null) env.state.set(key, val);
        };
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Lexer.isIdentStart(s.codePointAt(0))) return false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Lexer.isIdentPart(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    // ---- expressions --------------------------------------------------------------------------

    Eval compile(Expr e) {
        if (e instanceof Literal l) return literal(l.value());
        if (e instanceof Template t) return template(t);
        if (e instanceof Ident i) return ident(i);
        if (e instanceof Temp t) return temp(t);
        if (e instanceof Root) {
            return env -> {
                env.step();
                return Values.orNull(env.ctx.root());
            };
        }
        if (e instanceof This) {
            usesThis = true;
            return env -> {
                env.step();
                return env.snapshotState();
            };
        }
        if (e instanceof Unary u) return unary(u);
        if (e instanceof Binary b) return binary(b);
        if (e instanceof Ternary t) {
            Eval c = compile(t.cond()), a = compile(t.then()), b = compile(t.otherwise());
            return env -> {
                env.step();
                return Values.truthy(c.eval(env)) ? a.eval(env) : b.eval(env);
            };
        }
        if (e instanceof Member m) {
            if (thisRooted(m)) return frozen(nav(m));
            if (m.target() instanceof Ident i) return identMember(i, m.name().intern());
            return member(compile(m.target()), m.name().intern());
        }
        if (e instanceof Index x) return thisRooted(x) ? frozen(nav(x)) : index(compile(x.target()), compile(x.index()), x.pos());
        if (e instanceof LastElem l) return thisRooted(l) ? frozen(nav(l)) : last(compile(l.target()));
        if (e instanceof MethodCall m) return methodCall(m);
        if (e instanceof Call c) return call(c);
        if (e instanceof ArrayLit a) return array(a);
        if (e instanceof ObjectLit o) return object(o);
        if (e instanceof Case c) return caseExpr(c);
        if (e instanceof Spread s) throw Parser.error(s.pos(), "'...' is only allowed in arrays, objects and script items");
        throw Parser.error(e.pos(), "a lambda may only be a method argument");
    }

    private static Eval literal(JsonNode v) {
        return env -> {
            env.step();
            return v;
        };
    }

    private Eval template(Template t) {
        String[] lits = t.literals().toArray(new String[0]);
        Eval[] parts = t.parts().stream().map(this::compile).toArray(Eval[]::new);
        Pos pos = t.pos();
        if (parts.length == 0) return literal(Values.of(lits[0]));
        return env -> {
            env.step();
            StringBuilder sb = new StringBuilder(lits[0]);
            for (int i = 0; i < parts.length; i++) {
                JsonNode v = parts[i].eval(env);
                String s = Values.isNull(v) ? "" : text(env, v, pos);
                if ((long) sb.length() + s.length() + lits[i + 1].length() > env.limits.maxStringCodePoints()) {
                    env.checkString(sb.toString() + s + lits[i + 1]);
                }
                sb.append(s).append(lits[i + 1]);
            }
            return env.allocated(Values.of(sb.toString()), null);
        };
    }

    /** Text form with the string limit applied to JSON texts of arrays and objects. */
    static String text(Env env, JsonNode v, Pos pos) {
        if (v.isContainerNode()) {
            try {
                return env.checkString(JsonText.write(v, env.limits.maxStringCodePoints(), env.limits.maxEvalDepth()));
            } catch (GmlException e) {
                throw Errors.at(e, pos);
            }
        }
        return Values.text(v);
    }

    /** The slot of a lambda parameter or script name, or -1 for a context variable. */
    private int slotOf(String name) {
        for (Map<String, Integer> scope : lambdaScopes) {
            Integer slot = scope.get(name);
            if (slot != null) return slot;
        }
        Integer slot = locals.get(name);
        return slot == null ? -1 : slot;
    }

    /** {@code name.field}: the hottest shape in mappings and lambdas, fused into one node (two steps). */
    private Eval identMember(Ident i, String field) {
        int slot = slotOf(i.name());
        if (slot >= 0) {
            return env -> {
                env.step();
                env.step();
                JsonNode t = env.slots[slot];
                if (t instanceof ObjectNode) {
                    JsonNode v = t.get(field);
                    return v == null ? Values.NULL : v;
                }
                return Values.NULL;
            };
        }
        String name = i.name().intern();
        freeNames.add(name);
        return env -> {
            env.step();
            env.step();
            JsonNode t = env.ctx.get(name);
            if (t instanceof ObjectNode) {
                JsonNode v = t.get(field);
                return v == null ? Values.NULL : v;
            }
            return Values.NULL;
        };
    }

    private Eval ident(Ident i) {
        String name = i.name().intern();
        int slot = slotOf(name);
        if (slot >= 0) return slotRead(slot);
        freeNames.add(name);
        return env -> {
            env.step();
            JsonNode v = env.ctx.get(name);
            return v == null ? Values.NULL : v;
        };
    }

    private static Eval slotRead(int slot) {
        return env -> {
            env.step();
            JsonNode v = env.slots[slot];
            return v == null ? Values.NULL : v;
        };
    }

    private Eval temp(Temp t) {
        Integer slot = temps.get(t.name());
        return slot != null ? slotRead(slot) : literal(Values.NULL);
    }

    private Eval unary(Unary u) {
        Eval o = compile(u.operand());
        Pos pos = u.pos();
        return switch (u.op()) {
            case BANG, NOT -> env -> {
                env.step();
                return Values.of(!Values.truthy(o.eval(env)));
            };
            case MINUS -> env -> {
                env.step();
                JsonNode v = o.eval(env);
                try {
                    return Ops.negate(v);
                } catch (GmlException ex) {
                    throw Errors.at(ex, pos);
                }
            };
            default -> env -> {
                env.step();
                JsonNode v = o.eval(env);
                try {
                    return Ops.plus(v);
                } catch (GmlException ex) {
                    throw Errors.at(ex, pos);
                }
            };
        };
    }

    private Eval binary(Binary b) {
        Eval l = compile(b.left()), r = compile(b.right());
        Pos pos = b.pos();
        boolean neg = b.negated();
        switch (b.op()) {
            case PLUS:
                return env -> {
                    env.step();
                    JsonNode x = l.eval(env), y = r.eval(env);
                    try {
                        return env.allocated(Ops.add(env, x, y), null);
                    } catch (GmlException ex) {
                        throw Errors.at(ex, pos);
                    }
                };
            case MINUS: case STAR: case SLASH: case PERCENT: {
                char op = b.op() == TokenType.MINUS ? '-' : b.op() == TokenType.STAR ? '*' : b.op() == TokenType.SLASH ? '/' : '%';
                return env -> {
                    env.step();
                    JsonNode x = l.eval(env), y = r.eval(env);
                    try {
                        return Ops.arith(op, x, y);
                    } catch (GmlException ex) {
                        throw Errors.at(ex, pos);
                    }
                };
            }
            case EQ_EQ:
                return env -> {
                    env.step();
                    return Values.of(Values.equal(l.eval(env), r.eval(env)));
                };
            case BANG_EQ:
                return env -> {
                    env.step();
                    return Values.of(!Values.equal(l.eval(env), r.eval(env)));
                };
            case LT: case LT_EQ: case GT: case GT_EQ: {
                TokenType op = b.op();
                return env -> {
                    env.step();
                    JsonNode x = l.eval(env), y = r.eval(env);
                    try {
                        return Values.of(Ops.relation(op, x, y));
                    } catch (GmlException ex) {
                        throw Errors.at(ex, pos);
                    }
                };
            }
            case AMP_AMP:
                return env -> {
                    env.step();
                    return Values.of(Values.truthy(l.eval(env)) && Values.truthy(r.eval(env)));
                };
            case PIPE_PIPE:
                return env -> {
                    env.step();
                    JsonNode x = l.eval(env);
                    return Values.truthy(x) ? x : r.eval(env);
                };
            case QQ:
                return env -> {
                    env.step();
                    JsonNode x = l.eval(env);
                    return Values.isNull(x) ? r.eval(env) : x;
                };
            case IN:
                return env -> {
                    env.step();
                    JsonNode x = l.eval(env), y = r.eval(env);
                    try {
                        return Values.of(Ops.in(x, y) != neg);
                    } catch (GmlException ex) {
                        throw Errors.at(ex, pos);
                    }
                };
            case LIKE:
                return env -> {
                    env.step();
                    JsonNode x = l.eval(env), y = r.eval(env);
                    try {
                        return Values.of(Ops.like(env, x, y) != neg);
                    } catch (GmlException ex) {
                        throw Errors.at(ex, pos);
                    }
                };
            default:
                throw new IllegalStateException("operator " + b.op());
        }
    }

    // ---- member access and this -------------------------------------------------------------

    private static boolean thisRooted(Expr e) {
        while (true) {
            if (e instanceof This) return true;
            if (e instanceof Member m) e = m.target();
            else if (e instanceof Index x) e = x.target();
            else if (e instanceof LastElem l) e = l.target();
            else return false;
        }
    }

    /** Navigation through the live {@code this} state (no copy at each step). */
    private Eval nav(Expr e) {
        if (e instanceof This) {
            usesThis = true;
            return env -> {
                env.step();
                return env.state == null ? Values.NULL : env.state;
            };
        }
        if (e instanceof Member m) return member(nav(m.target()), m.name());
        if (e instanceof Index x) return index(nav(x.target()), compile(x.index()), x.pos());
        if (e instanceof LastElem l) return last(nav(l.target()));
        return compile(e);
    }

    private static Eval frozen(Eval e) {
        return env -> env.freeze(e.eval(env));
    }

    private static Eval member(Eval target, String name) {
        return env -> {
            env.step();
            JsonNode t = target.eval(env);
            if (t instanceof ObjectNode) {
                JsonNode v = t.get(name);
                return v == null ? Values.NULL : v;
            }
            return Values.NULL;
        };
    }

    private static Eval index(Eval target, Eval index, Pos pos) {
        return env -> {
            env.step();
            JsonNode t = target.eval(env);
            JsonNode k = index.eval(env);
            try {
                return Access.index(t, k);
            } catch (GmlException ex) {
                throw Errors.at(ex, pos);
            }
        };
    }

    private static Eval last(Eval target) {
        return env -> {
            env.step();
            return Access.last(target.eval(env));
        };
    }

    // ---- calls --------------------------------------------------------------------------------

    private Eval methodCall(MethodCall m) {
        Eval recv = compile(m.receiver());
        List<Expr> argExprs = m.args();
        int n = argExprs.size();
        Eval[] argEvals = new Eval[n];
        Fn[] fns = new Fn[n];
        boolean anyFn = false;
        for (int i = 0; i < n; i++) {
            if (argExprs.get(i) instanceof Lambda l) {
                fns[i] = lambda(l);
                anyFn = true;
            } else {
                argEvals[i] = compile(argExprs.get(i));
            }
        }
        Fn[] fnsFinal = anyFn ? fns : new Fn[n];
        return new MethodCallEval(m.name(), Methods.lookup(m.name()), recv, argEvals, fnsFinal, m.pos());
    }

    private Fn lambda(Lambda l) {
        Map<String, Integer> scope = new HashMap<>();
        int[] slots = new int[l.params().size()];
        for (int i = 0; i < slots.length; i++) {
            String p = l.params().get(i);
            Integer existing = scope.get(p);
            slots[i] = existing != null ? existing : slotCount++;
            scope.put(p, slots[i]);
        }
        lambdaScopes.push(scope);
        Eval body = compile(l.body());
        lambdaScopes.pop();
        return new Fn(slots, body);
    }

    private Eval call(Call c) {
        String upper = c.name().toUpperCase(Locale.ROOT);
        int n = c.args().size();
        if (upper.equals("IF") || upper.equals("COALESCE")) {
            if (upper.equals("IF") && (n < 2 || n > 3)) throw Parser.error(c.pos(), "IF expects 2 to 3 arguments, got " + n);
            if (upper.equals("COALESCE") && n < 1) throw Parser.error(c.pos(), "COALESCE expects 1 or more arguments, got 0");
            Eval[] args = c.args().stream().map(this::compile).toArray(Eval[]::new);
            if (upper.equals("IF")) {
                return env -> {
                    env.step();
                    if (Values.truthy(args[0].eval(env))) return args[1].eval(env);
                    return args.length == 3 ? args[2].eval(env) : Values.NULL;
                };
            }
            return env -> {
                env.step();
                for (Eval a : args) {
                    JsonNode v = a.eval(env);
                    if (!Values.isNull(v)) return v;
                }
                return Values.NULL;
            };
        }
        FunctionDef def = Functions.lookup(upper);
        if (def == null) throw Parser.error(c.pos(), "unknown function '" + c.name() + "'");
        if (!def.accepts(n)) {
            throw Parser.error(c.pos(), def.name() + " expects " + def.arity() + ", got " + n);
        }
        Eval[] args = c.args().stream().map(this::compile).toArray(Eval[]::new);
        Callables.Function impl = def.impl();
        String name = def.name();
        Pos pos = c.pos();
        return env -> {
            env.step();
            JsonNode[] vals = new JsonNode[args.length];
            for (int i = 0; i < vals.length; i++) vals[i] = args[i].eval(env);
            env.enter();
            try {
                return env.allocated(impl.apply(env, vals), vals.length == 0 ? null : vals[0]);
            } catch (GmlException ex) {
                throw ex.line() != 0 ? ex : Errors.at(prefixed(name, ex), pos);
            } finally {
                env.exit();
            }
        };
    }

    static GmlException prefixed(String name, GmlException ex) {
        return new GmlException(ex.kind(), name + ": " + ex.getMessage(), 0, 0, ex.limitExceeded());
    }

    // ---- literals -----------------------------------------------------------------------------

    private Eval array(ArrayLit a) {
        int n = a.elements().size();
        Eval[] els = new Eval[n];
        boolean[] spread = new boolean[n];
        for (int i = 0; i < n; i++) {
            Expr el = a.elements().get(i);
            if (el instanceof Spread s) {
                spread[i] = true;
                els[i] = compile(s.value());
            } else {
                els[i] = compile(el);
            }
        }
        Pos pos = a.pos();
        return env -> {
            env.step();
            ArrayNode out = Values.array(n);
            for (int i = 0; i < n; i++) {
                JsonNode v = els[i].eval(env);
                if (!spread[i]) {
                    out.add(v);
                } else if (v.isArray()) {
                    if ((long) out.size() + v.size() > env.limits.maxArrayElements()) throw Errors.at(Errors.limit(
                            "array exceeds the limit of " + env.limits.maxArrayElements() + " elements (maxArrayElements)"), pos);
                    out.addAll((ArrayNode) v);
                } else if (!Values.isNull(v)) {
                    throw Errors.at(Errors.eval("cannot spread " + Values.typeName(v) + " into an array (an array is needed)"), pos);
                }
            }
            if (out.size() > env.limits.maxArrayElements()) env.checkArray(out.size());
            return env.allocated(out, null);
        };
    }

    private Eval object(ObjectLit o) {
        int n = o.fields().size();
        String[] keys = new String[n];
        Eval[] vals = new Eval[n];
        for (int i = 0; i < n; i++) {
            Field f = o.fields().get(i);
            if (f instanceof Prop p) {
                keys[i] = p.key().intern();
                vals[i] = compile(p.value());
            } else {
                vals[i] = compile(((SpreadField) f).value());
            }
        }
        return new ObjectEval(keys, vals, o.pos());
    }

    /** An object literal; when it is a field's direct value it is visible through this while built (§5.4). */
    static final class ObjectEval implements Eval {
        private final String[] keys;   // null entry: spread
        private final Eval[] vals;
        private final Pos pos;

        ObjectEval(String[] keys, Eval[] vals, Pos pos) {
            this.keys = keys;
            this.vals = vals;
            this.pos = pos;
        }

        @Override
        public JsonNode eval(Env env) {
            env.step();
            ObjectNode out = Values.object();
            fill(env, out, false);
            return env.allocated(out, null);
        }

        JsonNode evalInto(Env env, ObjectNode container, String key) {
            env.step();
            ObjectNode out = Values.object();
            container.set(key, out);
            if (env.building == null) env.building = new ArrayList<>();
            env.building.add(out);
            fill(env, out, true);
            env.building.remove(env.building.size() - 1);
            return env.allocated(out, null);
        }

        private void fill(Env env, ObjectNode out, boolean direct) {
            int max = env.limits.maxObjectKeys();
            for (int i = 0; i < keys.length; i++) {
                String k = keys[i];
                if (k != null) {
                    Eval v = vals[i];
                    JsonNode val = direct && v instanceof ObjectEval child ? child.evalInto(env, out, k) : v.eval(env);
                    out.set(k, val);
                } else {
                    JsonNode v = vals[i].eval(env);
                    if (v.isObject()) {
                        if (v == out) continue;
                        v.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
                    } else if (!Values.isNull(v)) {
                        throw Errors.at(Errors.eval("cannot spread " + Values.typeName(v) + " into an object (an object is needed)"), pos);
                    }
                }
                if (out.size() > max) {
                    throw Errors.at(Errors.limit("object exceeds the limit of " + max + " keys (maxObjectKeys)"), pos);
                }
            }
        }
    }

    private Eval caseExpr(Case c) {
        int n = c.whens().size();
        Eval[] conds = new Eval[n];
        Eval[] results = new Eval[n];
        for (int i = 0; i < n; i++) {
            conds[i] = compile(c.whens().get(i).cond());
            results[i] = compile(c.whens().get(i).result());
        }
        Eval otherwise = c.otherwise() == null ? null : compile(c.otherwise());
        if (c.subject() == null) {
            return env -> {
                env.step();
                for (int i = 0; i < n; i++) if (Values.truthy(conds[i].eval(env))) return results[i].eval(env);
                return otherwise == null ? Values.NULL : otherwise.eval(env);
            };
        }
        Eval subject = compile(c.subject());
        return env -> {
            env.step();
            JsonNode s = subject.eval(env);
            for (int i = 0; i < n; i++) if (Values.equal(s, conds[i].eval(env))) return results[i].eval(env);
            return otherwise == null ? Values.NULL : otherwise.eval(env);
        };
    }

    /** Methods whose results contain containers they built themselves (charged one level deeper). */
    private static final java.util.Set<String> NESTED_BUILDERS = java.util.Set.of(
            "chunk", "expand", "group", "groupBy", "collap", "omit", "pick", "proj", "entries");

    /** Method dispatch by receiver kind (§6.8). */
    static final class MethodCallEval implements Eval {
        private final String name;
        private final Methods.Entry entry;
        private final Eval recv;
        private final Eval[] args;
        private final Fn[] fns;
        private final Pos pos;
        private final boolean nested;

        MethodCallEval(String name, Methods.Entry entry, Eval recv, Eval[] args, Fn[] fns, Pos pos) {
            this.name = name;
            this.nested = NESTED_BUILDERS.contains(name);
            this.entry = entry;
            this.recv = recv;
            this.args = args;
            this.fns = fns;
            this.pos = pos;
        }

        @Override
        public JsonNode eval(Env env) {
            env.step();
            JsonNode r = recv.eval(env);
            Kind k = Values.kind(r);
            if (k == Kind.NULL) return Values.NULL;
            Callables.MethodDef def = entry == null ? null : entry.forKind(k);
            if (def == null) throw Errors.at(Errors.eval(noMethod(k)), pos);
            if (!def.accepts(args.length)) {
                throw Errors.at(Errors.eval(name + "(): wrong number of arguments (" + args.length + ") for " + Values.typeName(r)), pos);
            }
            JsonNode[] vals = new JsonNode[args.length];
            for (int i = 0; i < vals.length; i++) if (args[i] != null) vals[i] = args[i].eval(env);
            env.enter();
            try {
                return env.allocated(def.impl().call(env, r, new Args(vals, fns, name)), r, nested);
            } catch (GmlException ex) {
                throw ex.line() != 0 ? ex : Errors.at(prefixed(name + "()", ex), pos);
            } finally {
                env.exit();
            }
        }

        private String noMethod(Kind k) {
            return switch (k) {
                case INTEGER, DECIMAL -> "numbers have no methods (called " + name + "())";
                case BOOLEAN -> "booleans have no methods (called " + name + "())";
                default -> "unknown method " + name + "() for " + k.name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
