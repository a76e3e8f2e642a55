package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 frames and the error codes of api.md §6.1. */
final class JsonRpc {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL = -32603;
    static final int EXECUTION = -32000;
    static final int AUTH = -32001;
    static final int NOT_FOUND = -32002;
    static final int VALIDATION = -32003;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonRpc() {}

    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode o = envelope(id);
        o.set("result", result);
        return o;
    }

    static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
        ObjectNode err = F.objectNode().put("code", code).put("message", message);
        if (data != null) err.set("data", data);
        ObjectNode o = envelope(id);
        o.set("error", err);
        return o;
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode o = F.objectNode().put("jsonrpc", "2.0");
        o.set("id", id == null ? F.nullNode() : id);
        return o;
    }

    /** An error raised while handling a call; becomes a JSON-RPC error response. */
    static final class RpcError extends RuntimeException {
        final int code;
        final transient JsonNode data;

        RpcError(int code, String message) { this(code, message, null); }

        RpcError(int code, String message, JsonNode data) {
            super(message, null, false, false);
            this.code = code;
            this.data = data;
        }
    }
}
