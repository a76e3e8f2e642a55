package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/** Compact JSON writing ({@code toJson}, text form) and strict RFC 8259 parsing ({@code parseJson}), §9.8. */
final class JsonText {
    private JsonText() {}

    static final int DEFAULT_DEPTH = 1000;

    static String write(JsonNode n, int maxChars) {
        return write(n, maxChars, DEFAULT_DEPTH);
    }

    static String write(JsonNode n, int maxChars, int maxDepth) {
        StringBuilder sb = new StringBuilder();
        write(sb, n, 0, maxDepth, maxChars);
        return sb.toString();
    }

    private static void write(StringBuilder sb, JsonNode n, int depth, int maxDepth, int maxChars) {
        if (sb.length() > maxChars) {
            throw Errors.limit("string result exceeds the limit of " + maxChars + " code points (maxStringCodePoints)");
        }
        if (depth > maxDepth) throw Errors.limit("value nesting exceeds the limit of " + maxDepth + " (maxEvalDepth)");
        switch (Values.kind(n)) {
            case NULL -> sb.append("null");
            case BOOLEAN -> sb.append(n.booleanValue());
            case INTEGER -> sb.append(n.longValue());
            case DECIMAL -> {
                double d = n.doubleValue();
                if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d).append(".0");
                else sb.append(d);
            }
            case STRING -> quote(sb, n.asText());
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) sb.append(',');
                    write(sb, n.get(i), depth + 1, maxDepth, maxChars);
                }
                sb.append(']');
            }
            case OBJECT -> {
                sb.append('{');
                boolean first = true;
                Iterator<Map.Entry<String, JsonNode>> it = n.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!first) sb.append(',');
                    first = false;
                    quote(sb, e.getKey());
                    sb.append(':');
                    write(sb, e.getValue(), depth + 1, maxDepth, maxChars);
                }
                sb.append('}');
            }
        }
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    // ---- parsing ----------------------------------------------------------------------------

    static JsonNode parse(String s, int maxDepth, GmlLimits limits) {
        Reader r = new Reader(s, maxDepth, limits);
        r.ws();
        JsonNode v = r.value(0);
        r.ws();
        if (r.pos < s.length()) throw r.fail("unexpected text after the JSON value");
        return v;
    }

    private static final class Reader {
        final String s;
        final int maxDepth;
        final GmlLimits limits;
        int pos;

        Reader(String s, int maxDepth, GmlLimits limits) {
            this.s = s;
            this.maxDepth = maxDepth;
            this.limits = limits;
        }

        GmlException fail(String msg) {
            return Errors.eval("parseJson: invalid JSON: " + msg + " at offset " + pos);
        }

        void ws() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') pos++;
                else break;
            }
        }

        JsonNode value(int depth) {
            if (pos >= s.length()) throw fail("unexpected end of input");
            char c = s.charAt(pos);
            switch (c) {
                case '{': return object(depth + 1);
                case '[': return array(depth + 1);
                case '"': return Values.of(string());
                case 't': word("true"); return Values.TRUE;
                case 'f': word("false"); return Values.FALSE;
                case 'n': word("null"); return Values.NULL;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return number();
                    throw fail("unexpected character '" + c + "'");
            }
        }

        void word(String w) {
            if (!s.startsWith(w, pos)) throw fail("unexpected token");
            pos += w.length();
        }

        void depth(int depth) {
            if (depth > maxDepth) {
                throw Errors.limit("parseJson: document nesting exceeds the limit of " + maxDepth + " (maxJsonDepth)");
            }
        }

        JsonNode object(int depth) {
            depth(depth);
            pos++;
            ObjectNode o = Values.object();
            ws();
            if (peek() == '}') {
                pos++;
                return o;
            }
            while (true) {
                ws();
                if (peek() != '"') throw fail("expected a string key");
                String key = string();
                ws();
                if (peek() != ':') throw fail("expected ':'");
                pos++;
                ws();
                o.set(key, value(depth));
                if (o.size() > limits.maxObjectKeys()) {
                    throw Errors.limit("object exceeds the limit of " + limits.maxObjectKeys() + " keys (maxObjectKeys)");
                }
                ws();
                char c = peek();
                pos++;
                if (c == '}') return o;
                if (c != ',') {
                    pos--;
                    throw fail("expected ',' or '}'");
                }
            }
        }

        JsonNode array(int depth) {
            depth(depth);
            pos++;
            ArrayNode a = Values.array(8);
            ws();
            if (peek() == ']') {
                pos++;
                return a;
            }
            while (true) {
                ws();
                a.add(value(depth));
                if (a.size() > limits.maxArrayElements()) {
                    throw Errors.limit("array exceeds the limit of " + limits.maxArrayElements() + " elements (maxArrayElements)");
                }
                ws();
                char c = peek();
                pos++;
                if (c == ']') return a;
                if (c != ',') {
                    pos--;
                    throw fail("expected ',' or ']'");
                }
            }
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        String string() {
            pos++;
            StringBuilder sb = null;
            int start = pos;
            while (true) {
                if (pos >= s.length()) throw fail("unterminated string");
                char c = s.charAt(pos);
                if (c == '"') {
                    String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
                    pos++;
                    return out;
                }
                if (c < 0x20) throw fail("control character in string");
                if (c == '\\') {
                    if (sb == null) sb = new StringBuilder();
                    sb.append(s, start, pos);
                    pos++;
                    if (pos >= s.length()) throw fail("unterminated string");
                    char e = s.charAt(pos++);
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 > s.length()) throw fail("bad \\u escape");
                            int v = 0;
                            for (int i = 0; i < 4; i++) {
                                int d = Character.digit(s.charAt(pos + i), 16);
                                if (d < 0) throw fail("bad \\u escape");
                                v = v * 16 + d;
                            }
                            sb.append((char) v);
                            pos += 4;
                        }
                        default -> throw fail("bad escape '\\" + e + "'");
                    }
                    start = pos;
                } else {
                    pos++;
                }
            }
        }

        JsonNode number() {
            int start = pos;
            if (peek() == '-') pos++;
            if (peek() == '0') pos++;
            else if (peek() >= '1' && peek() <= '9') while (peek() >= '0' && peek() <= '9') pos++;
            else throw fail("bad number");
            boolean decimal = false;
            if (peek() == '.') {
                decimal = true;
                pos++;
                if (!(peek() >= '0' && peek() <= '9')) throw fail("bad number");
                while (peek() >= '0' && peek() <= '9') pos++;
            }
            if (peek() == 'e' || peek() == 'E') {
                decimal = true;
                pos++;
                if (peek() == '+' || peek() == '-') pos++;
                if (!(peek() >= '0' && peek() <= '9')) throw fail("bad number");
                while (peek() >= '0' && peek() <= '9') pos++;
            }
            String t = s.substring(start, pos);
            if (!decimal) {
                try {
                    return Values.of(Long.parseLong(t));
                } catch (NumberFormatException e) {
                    // does not fit 64 bits: a decimal (§2.1)
                }
            }
            double d = Double.parseDouble(t);
            if (Double.isInfinite(d)) throw fail("number out of range");
            return Values.of(d);
        }
    }
}
