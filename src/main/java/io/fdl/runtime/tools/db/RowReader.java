package io.fdl.runtime.tools.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.tools.cql.DateTexts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;

/** A result row → JSON object with camelCase keys and the value mapping of tools.md §4.6. */
public final class RowReader {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final ZoneId zone;
    private final ObjectMapper mapper;

    public RowReader(ZoneId zone, ObjectMapper mapper) {
        this.zone = zone;
        this.mapper = mapper;
    }

    public ObjectNode read(Row row) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < row.size(); i++) {
            o.set(Names.toKey(row.getColumnName(i)), value(row.getValue(i)));
        }
        return o;
    }

    JsonNode value(Object v) {
        if (v == null) return F.nullNode();
        if (v instanceof Short || v instanceof Integer || v instanceof Long) return F.numberNode(((Number) v).longValue());
        if (v instanceof Numeric n) {
            if (n.isNaN()) return F.textNode("NaN");
            return decimal(n.bigDecimalValue());
        }
        if (v instanceof BigDecimal d) return decimal(d);
        if (v instanceof Float || v instanceof Double) return F.numberNode(((Number) v).doubleValue());
        if (v instanceof Boolean b) return F.booleanNode(b);
        if (v instanceof String s) return F.textNode(s);
        if (v instanceof OffsetDateTime t) return F.textNode(DateTexts.canonical(t));
        if (v instanceof LocalDateTime t) return F.textNode(DateTexts.canonical(t.atZone(zone).toOffsetDateTime()));
        if (v instanceof LocalDate d) return F.textNode(d.toString());
        if (v instanceof JsonObject || v instanceof JsonArray) return parse(v.toString());
        if (v == Tuple.JSON_NULL) return F.nullNode();
        if (v instanceof Buffer b) return F.textNode(Base64.getEncoder().encodeToString(b.getBytes()));
        if (v instanceof io.vertx.mutiny.core.buffer.Buffer b) return F.textNode(Base64.getEncoder().encodeToString(b.getBytes()));
        if (v instanceof Object[] arr) {
            ArrayNode a = F.arrayNode(arr.length);
            for (Object e : arr) a.add(value(e));
            return a;
        }
        return F.textNode(v.toString()); // uuid, enums, time, interval, inet …: their text representation
    }

    private static JsonNode decimal(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0 && s.compareTo(LONG_MIN) >= 0 && s.compareTo(LONG_MAX) <= 0) return F.numberNode(s.longValueExact());
        return F.numberNode(d.doubleValue());
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            return F.textNode(json);
        }
    }
}
