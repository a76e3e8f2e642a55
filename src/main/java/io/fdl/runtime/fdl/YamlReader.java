package io.fdl.runtime.fdl;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one YAML document into a {@link YNode} tree with positions, from the snakeyaml-engine event
 * stream (rather than the composer, which would silently resolve aliases): rejects anchors, aliases,
 * explicit tags, duplicate keys, complex keys and multiple documents with {@code YAML_SYNTAX} (fdl.md §2.2).
 * Iterative, so hostile nesting cannot overflow the stack.
 */
final class YamlReader {
    /** Deeper YAML nesting than any sensible flow is refused early (also bounds later recursive walks). */
    static final int MAX_DEPTH = 64;

    private final String text;
    private final int[] cps;
    private final int[] lineStarts;
    private final Diagnostics diags;

    private YamlReader(String text, Diagnostics diags) {
        this.text = text;
        this.cps = text.codePoints().toArray();
        this.lineStarts = computeLineStarts(cps);
        this.diags = diags;
    }

    /** Returns the root node, or null after a fatal syntax error (already reported). */
    static YNode read(String text, Diagnostics diags) {
        return new YamlReader(text, diags).read();
    }

    private sealed interface Frame permits MapFrame, SeqFrame {}

    private static final class MapFrame implements Frame {
        final List<YNode.Entry> entries = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        final SourcePos pos;
        final String path;
        final boolean block;
        YNode.Scalar pendingKey;
        boolean discard;

        MapFrame(SourcePos pos, String path, boolean block) {
            this.pos = pos;
            this.path = path;
            this.block = block;
        }
    }

    private static final class SeqFrame implements Frame {
        final List<YNode> items = new ArrayList<>();
        final SourcePos pos;
        final String path;
        final boolean block;

        SeqFrame(SourcePos pos, String path, boolean block) {
            this.pos = pos;
            this.path = path;
            this.block = block;
        }
    }

    private YNode read() {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).setParseComments(false)
                .setCodePointLimit(Math.max(cps.length + 16, 1024)).build();
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        Deque<Frame> stack = new ArrayDeque<>();
        YNode root = null;
        int documents = 0;
        try {
            while (parser.hasNext()) {
                Event ev = parser.next();
                switch (ev.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) {
                            diags.error("YAML_SYNTAX", "only one YAML document is allowed", pos(ev.getStartMark()), null, null);
                            return null;
                        }
                    }
                    case Alias -> {
                        diags.error("YAML_SYNTAX", "aliases (*name) are not allowed", pos(ev.getStartMark()), null, null);
                        YNode n = new YNode.Scalar("", YNode.Style.PLAIN, pos(ev.getStartMark()), childPath(stack), null);
                        root = attach(stack, n, root);
                    }
                    case Scalar -> {
                        ScalarEvent se = (ScalarEvent) ev;
                        checkNodeProps(se, se.getTag());
                        YNode.Scalar s = scalar(se, childPath(stack));
                        root = attach(stack, s, root);
                    }
                    case MappingStart, SequenceStart -> {
                        CollectionStartEvent ce = (CollectionStartEvent) ev;
                        checkNodeProps(ce, ce.getTag());
                        if (stack.size() >= MAX_DEPTH) {
                            diags.error("LIMIT", "YAML nesting deeper than " + MAX_DEPTH + " levels", pos(ev.getStartMark()), null, null);
                            return null;
                        }
                        Frame top = stack.peek();
                        if (top instanceof MapFrame mf && mf.pendingKey == null) {
                            diags.error("YAML_SYNTAX", "a map key must be a plain text, not a collection", pos(ev.getStartMark()), null, mf.path);
                            return null;
                        }
                        boolean block = ce.getFlowStyle() == FlowStyle.BLOCK;
                        String path = childPath(stack);
                        stack.push(ev.getEventId() == Event.ID.MappingStart
                                ? new MapFrame(pos(ev.getStartMark()), path, block)
                                : new SeqFrame(pos(ev.getStartMark()), path, block));
                    }
                    case MappingEnd -> {
                        MapFrame mf = (MapFrame) stack.pop();
                        root = attach(stack, new YNode.Map(List.copyOf(mf.entries), mf.pos, mf.path, mf.block), root);
                    }
                    case SequenceEnd -> {
                        SeqFrame sf = (SeqFrame) stack.pop();
                        root = attach(stack, new YNode.Seq(List.copyOf(sf.items), sf.pos, sf.path, sf.block), root);
                    }
                    default -> { }
                }
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> m = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext();
            diags.error("YAML_SYNTAX", (context == null || context.isBlank() ? "" : context + ": ") + problem,
                    m.map(this::pos).orElse(SourcePos.START), null, null);
            return null;
        } catch (YamlEngineException e) {
            diags.error("YAML_SYNTAX", "invalid YAML: " + e.getMessage(), SourcePos.START, null, null);
            return null;
        }
        return root;
    }

    private void checkNodeProps(NodeEvent ev, Optional<String> tag) {
        if (ev.getAnchor().isPresent()) {
            diags.error("YAML_SYNTAX", "anchors (&" + ev.getAnchor().get().getValue() + ") are not allowed",
                    pos(ev.getStartMark()), null, null);
        }
        if (tag.isPresent()) {
            diags.error("YAML_SYNTAX", "explicit tags (" + tag.get() + ") are not allowed", pos(ev.getStartMark()), null, null);
        }
    }

    private YNode attach(Deque<Frame> stack, YNode node, YNode root) {
        Frame top = stack.peek();
        if (top == null) return root == null ? node : root;
        if (top instanceof SeqFrame sf) {
            sf.items.add(node);
        } else if (top instanceof MapFrame mf) {
            if (mf.pendingKey == null) {
                YNode.Scalar raw = (YNode.Scalar) node;
                YNode.Scalar key = new YNode.Scalar(raw.value(), raw.style(), raw.pos(),
                        mf.path.isEmpty() ? raw.value() : mf.path + "." + raw.value(), raw.map());
                mf.discard = !mf.keys.add(key.value());
                if (mf.discard) {
                    diags.error("YAML_SYNTAX", "duplicate key '" + key.value() + "'", key.pos(), null, key.path());
                }
                mf.pendingKey = key;
            } else {
                if (!mf.discard) mf.entries.add(new YNode.Entry(mf.pendingKey, node));
                mf.pendingKey = null;
                mf.discard = false;
            }
        }
        return root;
    }

    /** Path of the next node: the key path for map keys and values, an index for sequence items. */
    private static String childPath(Deque<Frame> stack) {
        Frame top = stack.peek();
        if (top == null) return "";
        if (top instanceof SeqFrame sf) return sf.path + "[" + sf.items.size() + "]";
        MapFrame mf = (MapFrame) top;
        if (mf.pendingKey == null) return mf.path; // the key itself: completed below
        return mf.path.isEmpty() ? mf.pendingKey.value() : mf.path + "." + mf.pendingKey.value();
    }

    private YNode.Scalar scalar(ScalarEvent se, String path) {
        YNode.Style style = switch (se.getScalarStyle()) {
            case PLAIN -> YNode.Style.PLAIN;
            case SINGLE_QUOTED -> YNode.Style.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> YNode.Style.DOUBLE_QUOTED;
            case LITERAL -> YNode.Style.LITERAL;
            case FOLDED -> YNode.Style.FOLDED;
            default -> YNode.Style.PLAIN;
        };
        SourcePos p = pos(se.getStartMark());
        String value = se.getValue();
        int start = se.getStartMark().map(Mark::getIndex).orElse(-1);
        int end = se.getEndMark().map(Mark::getIndex).orElse(-1);
        boolean exact = style == YNode.Style.PLAIN || style == YNode.Style.LITERAL;
        // a key scalar's path is completed by the caller's convention: keys share their value's path
        return new YNode.Scalar(value, style, p, path, exact && start >= 0
                ? () -> exactMap(value, p, start, end, style == YNode.Style.LITERAL)
                : () -> SourceMap.startOnly(p));
    }

    /**
     * Aligns the scalar's value with the raw source: non-blank value characters are found in order in
     * the source (skipping indentation and line folding), so every value code point gets its document
     * position. Falls back to the scalar start when the alignment fails.
     */
    private SourceMap exactMap(String value, SourcePos start, int from, int to, boolean literal) {
        int[] v = value.codePoints().toArray();
        int p = from;
        int limit = Math.min(Math.max(to, from), cps.length);
        if (literal) { // skip the header line ("| # comment")
            while (p < limit && cps[p] != '\n' && cps[p] != '\r') p++;
            if (p < limit && cps[p] == '\r') p++;
            if (p < limit && cps[p] == '\n') p++;
        }
        int[] lines = new int[v.length + 1];
        int[] cols = new int[v.length + 1];
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            if (c == '\n') {
                while (p < limit && cps[p] != '\n') p++;
            } else if (c == ' ' || c == '\t') {
                if (p < limit && cps[p] != c && cps[p] != '\n' && cps[p] != '\r' && cps[p] != ' ' && cps[p] != '\t') {
                    return SourceMap.startOnly(start);
                }
            } else {
                while (p < limit && cps[p] != c && isBlank(cps[p])) p++;
                if (p >= limit || cps[p] != c) return SourceMap.startOnly(start);
            }
            int at = Math.min(p, cps.length - 1);
            if (at < 0) return SourceMap.startOnly(start);
            lines[i] = lineOf(at) + 1;
            cols[i] = at - lineStarts[lineOf(at)] + 1;
            if (p < limit && !(c == ' ' && (cps[p] == '\n' || cps[p] == '\r'))) p++;
        }
        // one past the end
        if (v.length > 0) {
            lines[v.length] = lines[v.length - 1];
            cols[v.length] = cols[v.length - 1] + 1;
        } else {
            lines[0] = start.line();
            cols[0] = start.column();
        }
        return SourceMap.exact(value, start, lines, cols);
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private int lineOf(int index) {
        int lo = 0, hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= index) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    private static int[] computeLineStarts(int[] cps) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == '\n' || (cps[i] == '\r' && (i + 1 >= cps.length || cps[i + 1] != '\n'))) starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private SourcePos pos(Optional<Mark> mark) {
        return mark.map(this::pos).orElse(SourcePos.START);
    }

    private SourcePos pos(Mark m) {
        return new SourcePos(m.getLine() + 1, m.getColumn() + 1);
    }
}
