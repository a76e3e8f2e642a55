package io.fdl.runtime.fdl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses exec URIs per fdl.md §9.1 and tools.md §3–§5; problems are reported as EXEC_URI at text offsets. */
final class ExecUriParser {

    static final Set<String> RESERVED_TYPES = Set.of("mcp", "agent", "svc", "oss", "mq", "mail", "sms");
    static final Set<String> DB_OPS = Set.of("take", "list", "page", "count", "create", "modify", "delete", "save",
            "bulk", "native");
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    interface Sink {
        /** A problem at a char offset of the URI text. */
        void error(String message, int offset);

        /** Compiles the GML of a {@code ${...}} part found at a char offset; null when it does not compile. */
        Script compile(String expression, int offset);
    }

    private final String s;
    private final Sink sink;
    private final FdlLimits limits;
    private boolean failed;

    private ExecUriParser(String s, Sink sink, FdlLimits limits) {
        this.s = s;
        this.sink = sink;
        this.limits = limits;
    }

    static ExecUri parse(String text, SourcePos pos, FdlLimits limits, Sink sink) {
        return new ExecUriParser(text, sink, limits).parse(pos);
    }

    private void error(String message, int offset) {
        failed = true;
        sink.error(message, offset);
    }

    private ExecUri parse(SourcePos pos) {
        int sep = s.indexOf("://");
        if (sep <= 0 || !s.substring(0, sep).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            error("malformed exec URI '" + s + "': expected type://service[/path][?options]", 0);
            return null;
        }
        String scheme = s.substring(0, sep);
        ExecUri.ToolType type = ExecUri.ToolType.of(scheme);
        if (type == null) {
            if (RESERVED_TYPES.contains(scheme.toLowerCase(Locale.ROOT))) {
                error("tool type '" + scheme + "://' is reserved for extensions and not available", 0);
            } else {
                error("unknown tool type '" + scheme + "://' (expected api, db or flow)", 0);
            }
            return null;
        }
        int i = sep + 3;
        // the query starts at the first '?' outside ${...}
        int query = -1;
        for (int k = i; k < s.length(); k++) {
            if (s.startsWith("${", k)) {
                int end = interpEnd(k + 2);
                if (end < 0) {
                    error("unterminated '${' in exec URI", k);
                    return null;
                }
                k = end;
            } else if (s.charAt(k) == '?') {
                query = k;
                break;
            }
        }
        int bodyEnd = query < 0 ? s.length() : query;
        int slash = -1;
        for (int k = i; k < bodyEnd; k++) {
            if (s.startsWith("${", k)) k = interpEnd(k + 2);
            else if (s.charAt(k) == '/') {
                slash = k;
                break;
            }
        }
        int serviceEnd = slash < 0 ? bodyEnd : slash;
        ExecUri.Template service = service(type, i, serviceEnd);
        ExecUri.Template path = ExecUri.Template.EMPTY;
        List<String> segments = new ArrayList<>();
        if (slash >= 0) path = path(type, slash + 1, bodyEnd, segments);
        Long timeout = null;
        Integer attempts = null;
        String method = null;
        if (query >= 0) {
            String opts = s.substring(query + 1);
            int off = query + 1;
            if (opts.isEmpty()) error("empty option list after '?'", query);
            for (String opt : opts.split("&", -1)) {
                int eq = opt.indexOf('=');
                String key = eq < 0 ? opt : opt.substring(0, eq);
                String val = eq < 0 ? "" : opt.substring(eq + 1);
                if (opt.contains("${")) {
                    error("'${}' is not allowed in exec URI options", off);
                } else if (eq < 0 || val.isEmpty()) {
                    error("option '" + opt + "' needs a value", off);
                } else if (key.equals("timeout")) {
                    if (timeout != null) error("option 'timeout' given twice", off);
                    Long v = digits(val);
                    if (v == null || v < 1 || v > limits.maxTimeoutMs()) {
                        error("timeout must be an integer from 1 to " + limits.maxTimeoutMs() + " ms, got '" + val + "'", off);
                    } else {
                        timeout = v;
                    }
                } else if (key.equals("max-attempts")) {
                    if (attempts != null) error("option 'max-attempts' given twice", off);
                    Long v = digits(val);
                    if (v == null || v < 1 || v > limits.maxAttempts()) {
                        error("max-attempts must be an integer from 1 to " + limits.maxAttempts() + ", got '" + val + "'", off);
                    } else {
                        attempts = v.intValue();
                    }
                } else if (key.equals("method")) {
                    if (method != null) error("option 'method' given twice", off);
                    if (type != ExecUri.ToolType.API) {
                        error("option 'method' is only allowed for api://", off);
                    } else if (!METHODS.contains(val.toUpperCase(Locale.ROOT))) {
                        error("method must be GET, POST, PUT, PATCH or DELETE, got '" + val + "'", off);
                    } else {
                        method = val.toUpperCase(Locale.ROOT);
                    }
                } else {
                    error("unknown option '" + key + "' (allowed: timeout, max-attempts"
                            + (type == ExecUri.ToolType.API ? ", method" : "") + ")", off);
                }
                off += opt.length() + 1;
            }
        }
        checkType(type, slash, segments);
        if (failed) return null;
        return new ExecUri(s, type, service, path, timeout, attempts == null ? 1 : attempts, method, pos);
    }

    private void checkType(ExecUri.ToolType type, int slash, List<String> segments) {
        if (type == ExecUri.ToolType.FLOW && slash >= 0) {
            error("flow:// takes no path: flow://<flow id or name>", slash);
        }
        if (type == ExecUri.ToolType.DB) {
            if (slash < 0 || segments.isEmpty()) {
                error("db:// needs an operation: db://<datasource>[/<table>]/<op>", s.length());
            } else if (segments.size() > 2) {
                error("db:// path must be <op> or <table>/<op>", slash + 1);
            } else {
                String op = segments.get(segments.size() - 1);
                if (op != null && !DB_OPS.contains(op)) {
                    error("unknown db operation '" + op + "' (expected one of take, list, page, count, create, modify, "
                            + "delete, save, bulk, native)", s.lastIndexOf(op));
                }
            }
        }
    }

    private ExecUri.Template service(ExecUri.ToolType type, int from, int to) {
        List<ExecUri.Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        if (from >= to) {
            error("missing service after '" + type.scheme() + "://'", from);
            return ExecUri.Template.EMPTY;
        }
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (s.startsWith("${", k)) {
                k = interp(k, parts, lit);
            } else if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.') {
                lit.append(c);
            } else if (type == ExecUri.ToolType.FLOW && c == '%' && isPct(k)) {
                lit.append(s, k, k + 3);
                k += 2;
            } else {
                error("invalid character '" + c + "' in service name", k);
                return ExecUri.Template.EMPTY;
            }
        }
        flush(parts, lit);
        return new ExecUri.Template(parts);
    }

    /** Parses the path; collects literal segment texts (null for segments with dynamic parts). */
    private ExecUri.Template path(ExecUri.ToolType type, int from, int to, List<String> segments) {
        List<ExecUri.Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int segStart = from;
        boolean dynamic = false;
        for (int k = from; k <= to; k++) {
            if (k == to || s.charAt(k) == '/') {
                if (k == segStart) {
                    error("empty path segment in exec URI", k);
                    return ExecUri.Template.EMPTY;
                }
                segments.add(dynamic ? null : s.substring(segStart, k));
                if (k < to) lit.append('/');
                segStart = k + 1;
                dynamic = false;
                continue;
            }
            char c = s.charAt(k);
            if (s.startsWith("${", k)) {
                k = interp(k, parts, lit);
                dynamic = true;
            } else if (c == '{') {
                int close = s.indexOf('}', k);
                String name = close < 0 ? "" : s.substring(k + 1, close);
                if (close < 0 || close > to || !name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                    error("malformed path placeholder: expected {name}", k);
                    return ExecUri.Template.EMPTY;
                }
                if (type != ExecUri.ToolType.API) {
                    error("path placeholders {" + name + "} are only allowed in api:// paths", k);
                }
                flush(parts, lit);
                parts.add(new ExecUri.Part.Placeholder(name));
                k = close;
                dynamic = true;
            } else if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                lit.append(c);
            } else if (c == '%' && isPct(k)) {
                lit.append(s, k, k + 3);
                k += 2;
            } else {
                error("invalid character '" + c + "' in exec URI path (percent-encode it)", k);
                return ExecUri.Template.EMPTY;
            }
        }
        flush(parts, lit);
        return new ExecUri.Template(parts);
    }

    private int interp(int k, List<ExecUri.Part> parts, StringBuilder lit) {
        int end = interpEnd(k + 2);
        String expr = s.substring(k + 2, end);
        if (expr.isBlank()) {
            error("empty '${}' in exec URI", k);
        } else {
            Script script = sink.compile(expr, k + 2);
            if (script == null) {
                failed = true;
            } else {
                flush(parts, lit);
                parts.add(new ExecUri.Part.Interp(script));
            }
        }
        return end;
    }

    private static void flush(List<ExecUri.Part> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new ExecUri.Part.Literal(lit.toString()));
            lit.setLength(0);
        }
    }

    private boolean isPct(int k) {
        return k + 2 < s.length() && hex(s.charAt(k + 1)) && hex(s.charAt(k + 2));
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    private static Long digits(String v) {
        if (!v.matches("[0-9]{1,12}")) return null;
        return Long.parseLong(v);
    }

    /**
     * The index of the '}' closing a {@code ${} whose expression starts at {@code from}, skipping GML
     * strings, templates (with nested {@code ${}}) and brackets; -1 when unterminated.
     */
    int interpEnd(int from) {
        return GmlText.closingBrace(s, from);
    }
}
