package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The read-only names a script sees (gml.md §1). Looked up lazily: the FDL context can be large.
 */
public interface GmlContext {

    /** The value of a top-level name, or Java null when the name is not defined. */
    JsonNode get(String name);

    /** The whole context as an object, for `$` (gml.md §5.4). Called only when a script uses `$`. */
    ObjectNode root();

    /** The clock read by DATE/TIME/NOW/timestamp (gml.md §11); tests and tenants may supply their own. */
    default Clock clock() { return Clock.systemUTC(); }

    /** The runtime zone of gml.md §11.1 (default UTC; a tenant may override it). */
    default ZoneId zone() { return ZoneOffset.UTC; }

    GmlContext EMPTY = of(Map.of());

    static GmlContext of(Map<String, ? extends JsonNode> vars) {
        return new GmlContext() {
            @Override public JsonNode get(String name) { return vars.get(name); }
            @Override public ObjectNode root() {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                vars.forEach(o::set);
                return o;
            }
        };
    }

    static GmlContext of(ObjectNode object) {
        return new GmlContext() {
            @Override public JsonNode get(String name) { return object.get(name); }
            @Override public ObjectNode root() { return object; }
        };
    }
}
