package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;

/**
 * The state of one evaluation: context, limits, variable slots (script names, temporaries and
 * lambda parameters, resolved at compile time), counters and the script's fields.
 */
final class Env {
    final GmlContext ctx;
    final GmlLimits limits;
    final JsonNode[] slots;
    private final long maxSteps;
    private final int maxDepth;
    long steps;
    int depth;
    /** Estimated bytes of the values this evaluation built so far (see {@link #allocated}). */
    private long allocated;
    /** Fields of the result object (object mode), in definition order. */
    ObjectNode result;
    /** The view of {@code this}: fields and {@code $temporaries}; null when the script never uses this. */
    ObjectNode state;
    /** Object literals under construction that are visible through {@code this} (§5.4). */
    ArrayList<ObjectNode> building;
    private Clock clock;
    private ZoneId zone;

    Env(GmlContext ctx, GmlLimits limits, int slotCount) {
        this.ctx = ctx;
        this.limits = limits;
        this.slots = new JsonNode[slotCount];
        this.maxSteps = limits.maxSteps();
        this.maxDepth = limits.maxEvalDepth();
    }

    void step() {
        if (++steps > maxSteps) {
            throw Errors.limit("evaluation exceeds the limit of " + maxSteps + " steps (maxSteps)");
        }
    }

    /** Charges work done inside a built-in (e.g. LIKE's O(n·m) table) against the step budget. */
    void charge(long units) {
        steps += units;
        if (steps > maxSteps) {
            throw Errors.limit("evaluation exceeds the limit of " + maxSteps + " steps (maxSteps)");
        }
    }

    /**
     * Charges a value a built-in, operator or literal just built against the allocation budget.
     * {@code source} is the value it came from (a method's receiver): returning it, or a string that
     * is the very same text, allocated nothing worth counting.
     */
    JsonNode allocated(JsonNode produced, JsonNode source) {
        return allocated(produced, source, false);
    }

    /** As {@link #allocated(JsonNode, JsonNode)}; {@code nested}: the builder also made the children's containers. */
    JsonNode allocated(JsonNode produced, JsonNode source, boolean nested) {
        if (produced == source || produced.isValueNode() && !produced.isTextual()) return produced;
        if (source != null && produced.isTextual() && source.isTextual() && produced.textValue() == source.textValue()) return produced;
        allocate(ValueSize.shallow(produced, source, nested));
        return produced;
    }

    void allocate(long bytes) {
        allocated += bytes;
        if (allocated > limits.maxAllocBytes()) {
            throw Errors.limit("evaluation allocates more than the limit of " + limits.maxAllocBytes() + " bytes (maxAllocBytes)");
        }
    }

    void enter() {
        if (++depth > maxDepth) {
            throw Errors.limit("evaluation depth exceeds the limit of " + maxDepth + " (maxEvalDepth)");
        }
    }

    void exit() {
        depth--;
    }

    Clock clock() {
        if (clock == null) clock = ctx.clock();
        return clock;
    }

    ZoneId zone() {
        if (zone == null) zone = ctx.zone();
        return zone;
    }

    /** A copy of {@code this} that later items cannot change (partially built literals are copied too). */
    ObjectNode snapshotState() {
        return (ObjectNode) freeze(state);
    }

    /** Returns n, or a copy of it when it is (or contains) an object that is still being built. */
    JsonNode freeze(JsonNode n) {
        if (n == state || (building != null && !building.isEmpty() && n instanceof ObjectNode o && isBuilding(o))) {
            ObjectNode copy = Values.object();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), freeze(e.getValue()));
            }
            return copy;
        }
        return n;
    }

    private boolean isBuilding(ObjectNode o) {
        for (ObjectNode b : building) if (b == o) return true;
        return false;
    }

    void checkArray(long size) {
        if (size > limits.maxArrayElements()) {
            throw Errors.limit("array exceeds the limit of " + limits.maxArrayElements() + " elements (maxArrayElements)");
        }
    }

    void checkKeys(int size) {
        if (size > limits.maxObjectKeys()) {
            throw Errors.limit("object exceeds the limit of " + limits.maxObjectKeys() + " keys (maxObjectKeys)");
        }
    }

    /** Checks a string about to be produced, given its UTF-16 length (an upper bound of its code points). */
    void checkStringChars(long utf16Length) {
        if (utf16Length > limits.maxStringCodePoints()) {
            throw Errors.limit("string exceeds the limit of " + limits.maxStringCodePoints() + " code points (maxStringCodePoints)");
        }
        if (allocated + ValueSize.ofString(utf16Length) > limits.maxAllocBytes()) allocate(ValueSize.ofString(utf16Length));
    }

    /** Checks a produced string exactly (code points). */
    String checkString(String s) {
        if (s.length() > limits.maxStringCodePoints() && Values.cpLength(s) > limits.maxStringCodePoints()) {
            throw Errors.limit("string exceeds the limit of " + limits.maxStringCodePoints() + " code points (maxStringCodePoints)");
        }
        return s;
    }
}
