package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/** Object methods of §10.2. */
final class ObjectMethods {
    private ObjectMethods() {}

    static void register() {
        Methods.object("keys", 0, 0, (env, r, a) -> {
            ArrayNode out = Values.array(r.size());
            r.fieldNames().forEachRemaining(k -> out.add(Values.of(k)));
            return out;
        });
        Methods.object("values", 0, 0, (env, r, a) -> {
            ArrayNode out = Values.array(r.size());
            r.elements().forEachRemaining(out::add);
            return out;
        });
        Methods.object("entries", 0, 0, (env, r, a) -> {
            ArrayNode out = Values.array(r.size());
            Iterator<Map.Entry<String, JsonNode>> it = r.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                ArrayNode pair = Values.array(2);
                pair.add(Values.of(e.getKey()));
                pair.add(e.getValue());
                out.add(pair);
            }
            return out;
        });
        Methods.object("has", 1, 1, (env, r, a) -> {
            JsonNode k = a.get(0);
            if (Values.isNull(k)) return Values.FALSE;
            return Values.of(r.has(StringFunctions.text(env, k)));
        });
        Methods.object("proj", 1, 1, (env, r, a) -> ArrayTransforms.project(r, ArrayTransforms.fieldList(a.get(0))));
        Methods.object("pick", 1, 1, (env, r, a) -> ArrayTransforms.project(r, ArrayTransforms.fieldList(a.get(0))));
        Methods.object("omit", 1, 1, (env, r, a) -> ArrayTransforms.omit(r, ArrayTransforms.fieldList(a.get(0))));
        Methods.object("merge", 0, -1, (env, r, a) -> {
            ObjectNode out = Values.object();
            out.setAll((ObjectNode) r);
            for (int i = 0; i < a.size(); i++) {
                JsonNode o = a.get(i);
                if (Values.isNull(o)) continue;
                if (!o.isObject()) throw Errors.eval("argument " + (i + 1) + " must be an object, got " + Values.typeName(o));
                out.setAll((ObjectNode) o);
                env.checkKeys(out.size());
            }
            return out;
        });
    }
}
