package io.fdl.runtime.tools.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.CancellationSignal;
import io.fdl.runtime.engine.port.ToolCall;

/** Builds ToolCalls for handler tests. */
public final class Calls {
    public static final ObjectMapper M = new ObjectMapper();
    public static final String TENANT = "00000000-0000-0000-0000-00000000000a";

    private Calls() {}

    public static ObjectNode json(String json) {
        try {
            return (ObjectNode) M.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    public static ToolCall call(String type, String service, String path, String method, String argsJson, long timeoutMs) {
        return call(TENANT, type, service, path, method, argsJson, timeoutMs);
    }

    public static ToolCall call(String tenant, String type, String service, String path, String method, String argsJson, long timeoutMs) {
        return new ToolCall(type + "://" + service + (path.isEmpty() ? "" : "/" + path), type, service, path, method,
                json(argsJson), timeoutMs, 1, "run-1:node", new ToolCall.Caller(tenant, "BU1", "run-1", "node", 0, CancellationSignal.NONE));
    }
}
