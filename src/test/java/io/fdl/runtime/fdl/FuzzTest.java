package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Mutated documents (random deletions, insertions and swaps of characters and lines) never make
 * parsing or validation throw: every problem is a diagnostic. Documents that still validate must
 * survive generation of YAML and editor JSON unchanged.
 */
class FuzzTest {
    static final String ALPHABET = " \n\t:-#|>'\"`{}[],&*!?%@=.$()<>\\/aZ09_xé";

    static List<String> seeds() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (Path p : FdlExamplesTest.exampleFiles()) seeds.add(Files.readString(p));
        seeds.add(ValidationTest.nested(3));
        return seeds;
    }

    @Test
    void mutatedYamlNeverThrows() throws Exception {
        List<String> seeds = seeds();
        Random rnd = new Random(20261127L);
        int valid = 0;
        for (int i = 0; i < 1200; i++) {
            String doc = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd, 1 + rnd.nextInt(4));
            ParseResult r = FlowDefinitions.parseYaml(doc);
            for (Diagnostic d : r.diagnostics()) {
                assertFalse(d.message().startsWith("internal error") || d.message().contains("cannot compile:"), () -> d + "\n---\n" + doc);
            }
            if (r.ok()) {
                valid++;
                roundTrip(r.flow(), doc);
            }
        }
        assertFalse(valid == 0, "some mutations should stay valid");
    }

    private static void roundTrip(Flow flow, String doc) {
        String yaml = FlowDefinitions.toYaml(flow);
        ParseResult again = FlowDefinitions.parseYaml(yaml);
        assertEquals(List.of(), again.errors(), () -> "original:\n" + doc + "\ngenerated:\n" + yaml);
        assertEquals(ModelText.of(flow), ModelText.of(again.flow()), () -> "original:\n" + doc + "\ngenerated:\n" + yaml);
        ParseResult graph = FlowDefinitions.fromEditorJson(FlowDefinitions.toEditorJson(flow));
        assertEquals(List.of(), graph.errors(), doc);
        assertEquals(ModelText.of(flow), ModelText.of(graph.flow()), doc);
    }

    @Test
    void mutatedEditorGraphsNeverThrow() throws Exception {
        List<JsonNode> graphs = new ArrayList<>();
        for (String s : seeds()) graphs.add(FlowDefinitions.toEditorJson(FlowDefinitions.parseYaml(s).flow()));
        Random rnd = new Random(7L);
        for (int i = 0; i < 800; i++) {
            JsonNode g = graphs.get(rnd.nextInt(graphs.size())).deepCopy();
            for (int k = 0; k < 1 + rnd.nextInt(3); k++) mutateJson(g, rnd);
            ParseResult r = FlowDefinitions.fromEditorJson(g);
            for (Diagnostic d : r.diagnostics()) assertFalse(d.message().startsWith("internal error"), () -> d + "\n" + g);
            if (r.ok()) {
                FlowDefinitions.toYaml(r.flow());
                FlowDefinitions.toEditorJson(r.flow());
            }
        }
    }

    static String mutate(String doc, Random rnd, int times) {
        String s = doc;
        for (int t = 0; t < times; t++) {
            if (s.isEmpty()) return s;
            int op = rnd.nextInt(7);
            int at = rnd.nextInt(s.length());
            switch (op) {
                case 0 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + rnd.nextInt(3)));
                case 1 -> s = s.substring(0, at) + ALPHABET.charAt(rnd.nextInt(ALPHABET.length())) + s.substring(at);
                case 2 -> {
                    int b = rnd.nextInt(s.length());
                    char[] c = s.toCharArray();
                    char x = c[at];
                    c[at] = c[b];
                    c[b] = x;
                    s = new String(c);
                }
                default -> {
                    List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
                    int l = rnd.nextInt(lines.size());
                    switch (op) {
                        case 3 -> lines.remove(l);
                        case 4 -> lines.add(l, lines.get(rnd.nextInt(lines.size())));
                        case 5 -> {
                            int m = rnd.nextInt(lines.size());
                            String x = lines.get(l);
                            lines.set(l, lines.get(m));
                            lines.set(m, x);
                        }
                        default -> lines.set(l, "    ".repeat(rnd.nextInt(4)) + lines.get(l).strip());
                    }
                    s = String.join("\n", lines);
                }
            }
        }
        return s;
    }

    /** Removes a field, replaces a value by another JSON kind, or duplicates an array element, somewhere. */
    static void mutateJson(JsonNode root, Random rnd) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode c = containers.get(rnd.nextInt(containers.size()));
        JsonNode[] replacements = {JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.numberNode(rnd.nextInt(100) - 50),
                JsonNodeFactory.instance.textNode(rnd.nextBoolean() ? "" : "x => y, z"), JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.booleanNode(true),
                JsonNodeFactory.instance.textNode("api://a/${b}?timeout=1"), JsonNodeFactory.instance.textNode("start")};
        if (c instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) names.add(it.next());
            String k = names.get(rnd.nextInt(names.size()));
            if (rnd.nextInt(3) == 0) o.remove(k);
            else o.set(k, replacements[rnd.nextInt(replacements.length)]);
        } else if (c instanceof ArrayNode a && a.size() > 0) {
            int i = rnd.nextInt(a.size());
            if (rnd.nextBoolean()) a.add(a.get(i).deepCopy());
            else a.set(i, replacements[rnd.nextInt(replacements.length)]);
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(ch -> collect(ch, out));
        }
    }
}
