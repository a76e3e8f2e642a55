package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.TenantIds;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.ExecutionStatus;
import io.fdl.runtime.store.Flow;
import io.fdl.runtime.store.FlowRepository;
import io.fdl.runtime.store.FlowVersionRepository;
import io.fdl.runtime.tools.flow.FlowToolHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * flow:// (tools.md §5): runs the published version of another flow of the caller's tenant as a
 * child execution and answers with its result. The target is named by id or by its
 * percent-encoded name (unique among the tenant's published flows).
 */
@ApplicationScoped
public class SubFlowHandler implements FlowToolHandler {
    private final FlowRepository flows;
    private final FlowVersionRepository versions;
    private final DefinitionCache cache;
    private final ExecutionService executions;

    @Inject
    public SubFlowHandler(FlowRepository flows, FlowVersionRepository versions, DefinitionCache cache,
                          ExecutionService executions) {
        this.flows = flows;
        this.versions = versions;
        this.cache = cache;
        this.executions = executions;
    }

    @Override
    public Uni<JsonNode> invoke(ToolCall call) {
        int depth = call.caller().flowDepth() + 1;
        if (depth > MAX_DEPTH) {
            return Uni.createFrom().failure(new ToolException("FLOW_DEPTH",
                    "flow:// nesting deeper than " + MAX_DEPTH + " levels"));
        }
        UUID tenant = UUID.fromString(TenantIds.toUuid(call.caller().tenantId()));
        Caller caller = new Caller(tenant, call.caller().tenantId(), call.caller().buCode(),
                "flow://" + call.caller().executionId(), Set.of());
        UUID parent = parseOrNull(call.caller().executionId());
        return resolve(tenant, call.service())
                .chain(flow -> versions.find(tenant, flow.id(), flow.publishedVersionId())
                        .map(v -> v.orElseThrow(() -> new ToolException("NOT_FOUND_TOOL",
                                "no published version of flow " + call.service())))
                        .chain(v -> cache.compiled(v)
                                .map(c -> new ExecutionService.Target(flow.id(), v.id(), flow.name(), c))))
                .chain(target -> executions.runChild(caller, target, call.args(), call.timeoutMs(), depth, parent,
                        call.caller().cancellation()))
                .onFailure(ApiException.class).transform(e -> {
                    ApiException a = (ApiException) e;
                    Object problems = a.extra().get("validation_errors");
                    String msg = problems instanceof List<?> l && !l.isEmpty()
                            ? String.join("; ", l.stream().map(String::valueOf).toList()) : a.getMessage();
                    return new ToolException(a.code(), msg);
                })
                .map(SubFlowHandler::resultOf);
    }

    private Uni<Flow> resolve(UUID tenant, String service) {
        UUID id = parseOrNull(service);
        if (id != null) {
            return flows.find(tenant, id).map(f -> f.orElseThrow(() -> notFound(service))).map(f -> published(f, service));
        }
        String name = URLDecoder.decode(service.replace("+", "%2B"), StandardCharsets.UTF_8);
        return flows.findByName(tenant, name).map(list -> {
            List<Flow> published = list.stream().filter(Flow::published).toList();
            if (published.size() > 1) {
                throw new ToolException("NOT_FOUND_TOOL", "flow name '" + name + "' is ambiguous: "
                        + published.size() + " published flows have it; call it by id");
            }
            if (published.isEmpty()) {
                if (list.isEmpty()) throw notFound(service);
                throw notPublished(name);
            }
            return published.get(0);
        });
    }

    private static Flow published(Flow f, String service) {
        if (!f.published() || f.publishedVersionId() == null) throw notPublished(service);
        return f;
    }

    private static JsonNode resultOf(Execution child) {
        if (child.status() == ExecutionStatus.COMPLETED) {
            JsonNode out = child.result() == null ? null : child.result().get("outputs");
            return out == null ? NullNode.instance : out;
        }
        JsonNode detail = child.errorDetail();
        String code = detail != null && detail.hasNonNull("code") ? detail.get("code").asText() : "CANCELLED";
        String message = detail != null && detail.hasNonNull("message") ? detail.get("message").asText()
                : "child flow ended with status " + child.status().wire();
        throw new ToolException(code, message);
    }

    private static ToolException notFound(String service) {
        return new ToolException("NOT_FOUND_TOOL", "no such flow: " + service);
    }

    private static ToolException notPublished(String service) {
        return new ToolException("NOT_ALLOWED", "flow " + service + " is not published");
    }

    private static UUID parseOrNull(String s) {
        try {
            return s != null && s.length() == 36 ? UUID.fromString(s) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
