package io.fdl.runtime.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.api.dto.ExecutionDtos.GmlEvaluateRequest;
import io.fdl.runtime.api.dto.ExecutionDtos.GmlEvaluateResponse;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.gml.Gml;
import io.fdl.runtime.gml.GmlContext;
import io.fdl.runtime.gml.GmlException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Expression playground (api.md §5). Evaluation is CPU work bounded by the GML limits; the method
 * is synchronous, so Quarkus REST runs it on a worker thread, never on the event loop.
 */
@Path("/api/gml/evaluate")
@Tag(name = "GML")
@SecurityRequirement(name = "bearer")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class GmlResource {

    @POST
    @Operation(summary = "Evaluate a GML expression against optional variables")
    @APIResponse(responseCode = "200", description = "{result}")
    @APIResponse(responseCode = "400", description = "GML_ERROR with line and column, or a malformed body")
    public GmlEvaluateResponse evaluate(GmlEvaluateRequest request) {
        if (request == null || request.expr() == null) {
            throw ApiException.badRequest("BAD_REQUEST", "expr is required");
        }
        GmlContext context;
        if (request.vars() == null || request.vars().isNull()) {
            context = GmlContext.EMPTY;
        } else if (request.vars() instanceof ObjectNode vars) {
            context = GmlContext.of(vars);
        } else {
            throw ApiException.badRequest("BAD_REQUEST", "vars must be a JSON object");
        }
        try {
            return new GmlEvaluateResponse(Gml.compile(request.expr()).evaluate(context));
        } catch (GmlException e) {
            throw ApiException.badRequest("GML_ERROR", e.getMessage())
                    .with("line", e.line()).with("column", e.column());
        }
    }
}
