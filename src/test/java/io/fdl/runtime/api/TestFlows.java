package io.fdl.runtime.api;

import io.fdl.runtime.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

/** Flow definitions and request helpers shared by the API tests. */
public final class TestFlows {
    private TestFlows() {}

    static final String TENANT_A = TestTokens.DEFAULT_TENANT;
    static final String TENANT_B = "tenant-b";

    /** Three mapping nodes in a chain (also the load-test flow). */
    public static final String GREET = """
            flow:
                name: greet
                args:
                    in:
                        name: string
                        times: int = 2
                node:
                    a:
                        with: greeting = 'Hello ' + name
                        next: b

                    b:
                        with: text = a.greeting + '!', n = times
                        next: c

                    c:
                        with: message = b.text, count = b.n, tenant = tenantId
            """;

    /** One tool call: fails with NOT_FOUND_TOOL unless mocked. */
    static final String TOOL = """
            flow:
                name: customer lookup
                args:
                    in:
                        customerId: string
                node:
                    load:
                        exec: api://crm/customers/${customerId}
                        next: show

                    show:
                        with: name = load.name
            """;

    /** Waits 30 s before finishing: for async status, events and cancel. */
    public static final String WAIT_LONG = """
            flow:
                name: slow
                node:
                    pause:
                        wait: 30s
                        next: done

                    done:
                        with: finished = true
            """;

    /** Waits 300 ms: an async run that completes by itself. */
    public static final String WAIT_SHORT = """
            flow:
                name: short wait
                node:
                    pause:
                        wait: 300ms
                        next: done

                    done:
                        with: finished = true
            """;

    /** A jump to a node that does not exist (JUMP_UNKNOWN). */
    public static final String INVALID = """
            flow:
                name: broken
                node:
                    a:
                        with: x = 1
                        next: nowhere
            """;

    static final String BAD_YAML = "flow:\n    name: x\n    node: [unclosed\n";

    /** The editor's JSON graph: start node with one parameter, one mapping node. */
    public static final String EDITOR_GRAPH = """
            {"meta": {"name": "editor flow", "description": "from the canvas"},
             "nodes": [
               {"id": "start", "type": "start", "position": {"x": 0, "y": 0},
                "data": {"nodeType": "start", "parameters": [{"name": "x", "type": "number", "required": true}]}},
               {"id": "double", "type": "mapping", "position": {"x": 200, "y": 0}, "selected": true,
                "data": {"nodeType": "mapping", "label": "double it", "with": "y = x * 2"}}
             ],
             "edges": [{"id": "e1", "source": "start", "target": "double"}]}
            """;

    static RequestSpecification as(String tenant, String... roles) {
        return RestAssured.given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestTokens.token(tenant, roles));
    }

    static RequestSpecification editorA() { return as(TENANT_A, "editor"); }

    static RequestSpecification editorB() { return as(TENANT_B, "editor"); }

    static String createFlow(RequestSpecification spec, String name) {
        return spec.body(Map.of("name", name, "description", "test flow")).post("/api/flows")
                .then().statusCode(201).extract().path("id");
    }

    static String addVersion(RequestSpecification spec, String flowId, String fdl) {
        return spec.body(Map.of("fdl", fdl)).post("/api/flows/" + flowId + "/versions")
                .then().statusCode(201).extract().path("id");
    }

    /** A flow in tenant A with one version of {@code fdl}; returns the flow id. */
    static String flowWith(String name, String fdl) {
        String id = createFlow(editorA(), name);
        addVersion(editorA(), id, fdl);
        return id;
    }
}
