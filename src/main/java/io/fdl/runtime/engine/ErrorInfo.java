package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A run or node error (fdl.md §8.5): a stable code, the original message, and the path of the
 * failing node joined by {@code /} (null for run-level errors).
 */
public record ErrorInfo(String code, String message, String node) {

    public static ErrorInfo of(String code, String message) { return new ErrorInfo(code, message, null); }

    /** {@code {code, message}}: the shape published as {@code <id>.error} and carried in events. */
    public ObjectNode toCodeMessage() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("code", code);
        o.put("message", message);
        return o;
    }

    /** {@code {code, message, node}}. */
    public ObjectNode toJson() {
        ObjectNode o = toCodeMessage();
        o.put("node", node);
        return o;
    }
}
