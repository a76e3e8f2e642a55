package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What an execution row keeps so that any replica can resume the run (column {@code resume}): the
 * caller it runs for, the inputs as supplied (only when they differ from the prepared inputs the row
 * holds anyway), mocks, the run timeout and the flow:// depth. Small: no result, no run state — the
 * run state is rebuilt by replaying the recorded steps.
 */
record RunResume(Caller caller, JsonNode suppliedInputs, JsonNode mocks, long timeoutMs, int flowDepth) {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    JsonNode toJson(JsonNode preparedInputs) {
        ObjectNode o = F.objectNode();
        ObjectNode c = o.putObject("caller");
        c.put("tenant_claim", caller.tenantClaim());
        c.put("bu_code", caller.buCode());
        c.put("subject", caller.subject());
        var roles = c.putArray("roles");
        caller.roles().forEach(roles::add);
        if (suppliedInputs != null && !suppliedInputs.equals(preparedInputs)) o.set("inputs", suppliedInputs);
        if (mocks != null) o.set("mocks", mocks);
        o.put("timeout_ms", timeoutMs);
        if (flowDepth > 0) o.put("flow_depth", flowDepth);
        return o;
    }

    /**
     * Reads a row's resume data. Rows written before durable runs existed have none: they are resumed
     * for a system caller of their tenant, with their stored inputs and the default timeout.
     */
    static RunResume of(JsonNode json, UUID tenantId, JsonNode storedInputs, long defaultTimeoutMs) {
        if (json == null || !json.isObject()) {
            Caller adopted = new Caller(tenantId, tenantId.toString(), "default", "system:adopted", Set.of(Caller.EXECUTOR));
            return new RunResume(adopted, storedInputs, null, defaultTimeoutMs, 0);
        }
        JsonNode c = json.path("caller");
        Set<String> roles = new HashSet<>();
        c.path("roles").forEach(r -> roles.add(r.asText()));
        Caller caller = new Caller(tenantId, c.path("tenant_claim").asText(tenantId.toString()),
                c.path("bu_code").asText("default"), c.path("subject").asText("system:resumed"), roles);
        JsonNode inputs = json.has("inputs") ? json.get("inputs") : storedInputs;
        JsonNode mocks = json.has("mocks") ? json.get("mocks") : null;
        return new RunResume(caller, inputs, mocks, json.path("timeout_ms").asLong(defaultTimeoutMs),
                json.path("flow_depth").asInt(0));
    }
}
