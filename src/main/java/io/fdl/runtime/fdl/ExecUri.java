package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A parsed exec URI (fdl.md §9.1, tools.md §2.1): {@code type://service[/path][?options]}.
 *
 * @param text        the URI as written
 * @param type        {@code api}, {@code db} or {@code flow}
 * @param service     the service / datasource / flow part (literal text and {@code ${expr}} parts)
 * @param path        the path after the service, without the leading {@code /} (empty when absent);
 *                    {@code {name}} placeholders (api only) are kept as {@link Part.Placeholder}
 * @param timeoutMs   the {@code timeout} option, or null (the tool's default applies)
 * @param maxAttempts the {@code max-attempts} option, 1 when absent
 * @param method      the {@code method} option upper-cased (api only), or null
 * @param pos         position of the exec value
 */
public record ExecUri(String text, ToolType type, Template service, Template path, Long timeoutMs,
                      int maxAttempts, String method, SourcePos pos) {

    public enum ToolType {
        API("api"), DB("db"), FLOW("flow");

        private final String scheme;

        ToolType(String scheme) {
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }

        public static ToolType of(String scheme) {
            for (ToolType t : values()) if (t.scheme.equals(scheme)) return t;
            return null;
        }
    }

    /** Evaluates one {@code ${expr}} part in the node's context (plus the evaluated args, fdl.md §9.2). */
    @FunctionalInterface
    public interface Evaluator {
        JsonNode evaluate(Script expression);
    }

    /** A null, array or object value in {@code ${...}} (fdl.md §9.2); the engine reports it as EVAL_ERROR. */
    public static final class InterpolationException extends RuntimeException {
        private final transient Script expression;

        public InterpolationException(String message, Script expression) {
            super(message, null, false, false);
            this.expression = expression;
        }

        public Script expression() {
            return expression;
        }
    }

    /**
     * The result of interpolation.
     *
     * @param service the service with its {@code ${}} parts filled in
     * @param path    the path with its {@code ${}} parts filled in and {@code {name}} placeholders kept
     * @param callKey {@code type://service[/path]} (fdl.md §9.2), used by mocks and call records
     */
    public record Interpolated(String service, String path, String callKey) {}

    /** True when service or path contain {@code ${...}}. */
    public boolean hasInterpolation() {
        return service.hasInterpolation() || path.hasInterpolation();
    }

    /**
     * Fills the {@code ${expr}} parts: each value's GML text form is percent-encoded (RFC 3986
     * unreserved characters kept). Throws {@link InterpolationException} for null/array/object values;
     * exceptions of the evaluator (e.g. GML evaluation errors) propagate unchanged.
     */
    public Interpolated interpolate(Evaluator evaluator) {
        String s = service.render(evaluator);
        String p = path.render(evaluator);
        return new Interpolated(s, p, type.scheme() + "://" + s + (p.isEmpty() ? "" : "/" + p));
    }

    /** The call key of a URI without {@code ${}} parts; for others use {@link #interpolate}. */
    public String staticCallKey() {
        return interpolate(e -> {
            throw new IllegalStateException("URI has ${} parts: " + text);
        }).callKey();
    }

    /** A piece of the service or path. */
    public sealed interface Part {
        /** Literal text, copied as written. */
        record Literal(String text) implements Part {}

        /** {@code ${expr}}: GML evaluated at call time. */
        record Interp(Script expression) implements Part {}

        /** {@code {name}}: an api path placeholder filled by the api tool from args (tools.md §3.3). */
        record Placeholder(String name) implements Part {}
    }

    /** A sequence of parts. */
    public record Template(List<Part> parts) {
        public static final Template EMPTY = new Template(List.of());

        public Template {
            parts = List.copyOf(parts);
        }

        public boolean isEmpty() {
            return parts.isEmpty();
        }

        public boolean hasInterpolation() {
            return parts.stream().anyMatch(p -> p instanceof Part.Interp);
        }

        /** The text as written ({@code ${...}} and {@code {name}} included). */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                if (p instanceof Part.Literal l) sb.append(l.text());
                else if (p instanceof Part.Interp i) sb.append("${").append(i.expression().source()).append('}');
                else if (p instanceof Part.Placeholder ph) sb.append('{').append(ph.name()).append('}');
            }
            return sb.toString();
        }

        String render(Evaluator evaluator) {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                if (p instanceof Part.Literal l) {
                    sb.append(l.text());
                } else if (p instanceof Part.Placeholder ph) {
                    sb.append('{').append(ph.name()).append('}');
                } else if (p instanceof Part.Interp i) {
                        JsonNode v = evaluator.evaluate(i.expression());
                        if (v == null || v.isNull() || v.isMissingNode()) {
                            throw new InterpolationException("exec URI: ${" + i.expression().source() + "} is null", i.expression());
                        }
                        if (v.isContainerNode()) {
                            throw new InterpolationException("exec URI: ${" + i.expression().source() + "} is an "
                                    + (v.isArray() ? "array" : "object") + ", expected a scalar", i.expression());
                        }
                        sb.append(percentEncode(TextForm.of(v)));
                }
            }
            return sb.toString();
        }
    }

    /** Percent-encodes UTF-8 bytes, keeping RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~}). */
    public static String percentEncode(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
