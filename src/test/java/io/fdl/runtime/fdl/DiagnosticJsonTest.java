package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Diagnostics serialise as the API's {severity, code, message, line, column, node, path} (api.md §4). */
class DiagnosticJsonTest {
    @Test
    void serialisesWithLowerCaseSeverity() throws Exception {
        Diagnostic d = new Diagnostic(Diagnostic.Severity.WARNING, "STYLE", "m", 3, 5, "n", "flow.node.n");
        assertEquals("{\"severity\":\"warning\",\"code\":\"STYLE\",\"message\":\"m\",\"line\":3,\"column\":5,\"node\":\"n\",\"path\":\"flow.node.n\"}",
                new ObjectMapper().writeValueAsString(d));
    }
}
