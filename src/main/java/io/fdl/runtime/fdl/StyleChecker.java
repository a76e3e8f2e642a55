package io.fdl.runtime.fdl;

/**
 * STYLE warnings of fdl.md §2.2 rule 4 for YAML text: 4-space indentation of block collections, one
 * blank line between the nodes of a block, and trailing {@code #} comments of consecutive lines aligned
 * in one column. (Long single-line GML is reported by the builder.)
 */
final class StyleChecker {
    private StyleChecker() {}

    static void check(YNode root, String text, Diagnostics d) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        indent(root, 0, d);
        comments(root, lines, d);
        if (root instanceof YNode.Map rm && rm.get("flow") instanceof YNode.Map fm && fm.get("node") instanceof YNode.Map nodes) {
            blankLines(nodes, lines, d);
        }
    }

    /** {@code parentColumn}: column of the owning key (or dash); 0 for the root. */
    private static void indent(YNode n, int parentColumn, Diagnostics d) {
        if (n instanceof YNode.Map m) {
            if (m.block() && parentColumn >= 0 && !m.entries().isEmpty()) {
                int expected = parentColumn == 0 ? 1 : parentColumn + 4;
                SourcePos first = m.entries().get(0).key().pos();
                if (first.column() != expected) {
                    d.warning("STYLE", "indent by 4 spaces: expected this key at column " + expected, first, null,
                            m.entries().get(0).key().path());
                }
            }
            for (YNode.Entry e : m.entries()) {
                indent(e.value(), m.block() ? e.key().pos().column() : -1, d);
            }
        } else if (n instanceof YNode.Seq s) {
            if (s.block() && parentColumn > 0 && s.pos().column() != parentColumn + 4) {
                d.warning("STYLE", "indent by 4 spaces: expected '-' at column " + (parentColumn + 4), s.pos(), null, s.path());
            }
            for (YNode item : s.items()) {
                // "-   key: v": the item's keys sit 4 columns after the dash
                if (item instanceof YNode.Map im && im.block() && s.block()) indent(im, s.pos().column(), d);
                else indent(item, -1, d);
            }
        }
    }

    private static void blankLines(YNode.Map block, String[] lines, Diagnostics d) {
        for (int i = 0; i < block.entries().size(); i++) {
            YNode.Entry e = block.entries().get(i);
            if (i > 0 && block.block()) {
                int l = e.key().pos().line() - 2; // 0-based index of the line above the key
                while (l >= 0 && lines[l].strip().startsWith("#")) l--;
                int blanks = 0;
                while (l >= 0 && lines[l].isBlank()) {
                    blanks++;
                    l--;
                }
                if (blanks != 1) {
                    d.warning("STYLE", "separate nodes by one blank line", e.key().pos(), e.key().value(), e.key().path());
                }
            }
            if (e.value() instanceof YNode.Map nm && nm.get("node") instanceof YNode.Map body) blankLines(body, lines, d);
        }
    }

    /** Trailing comments on consecutive lines should start in the same column. */
    private static void comments(YNode root, String[] lines, Diagnostics d) {
        java.util.Set<Integer> blockLines = new java.util.HashSet<>();
        blockScalarLines(root, blockLines);
        int prevLine = -2;
        int groupColumn = -1;
        for (int i = 0; i < lines.length; i++) {
            if (blockLines.contains(i + 1)) continue;
            int col = trailingComment(lines[i]);
            if (col < 0) {
                prevLine = -2;
                continue;
            }
            if (prevLine == i - 1 && col != groupColumn) {
                d.warning("STYLE", "align this comment with the one above (column " + groupColumn + ")", new SourcePos(i + 1, col),
                        null, null);
            } else if (prevLine != i - 1) {
                groupColumn = col;
            }
            prevLine = i;
        }
    }

    /** Lines holding the content of literal/folded scalars (their '#' is content, e.g. GML comments). */
    private static void blockScalarLines(YNode n, java.util.Set<Integer> out) {
        if (n instanceof YNode.Scalar s && (s.style() == YNode.Style.LITERAL || s.style() == YNode.Style.FOLDED)) {
            String v = s.value().endsWith("\n") ? s.value().substring(0, s.value().length() - 1) : s.value();
            int count = v.split("\n", -1).length;
            for (int k = 1; k <= count; k++) out.add(s.pos().line() + k);
        } else if (n instanceof YNode.Map m) {
            for (YNode.Entry e : m.entries()) blockScalarLines(e.value(), out);
        } else if (n instanceof YNode.Seq q) {
            for (YNode item : q.items()) blockScalarLines(item, out);
        }
    }

    /** 1-based column of a '#' comment following content on the line (outside quotes), or -1. */
    static int trailingComment(String line) {
        char quote = 0;
        boolean content = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (quote == '"' && c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return content ? i + 1 : -1;
            } else if ((c == '\'' || c == '"') && (i == 0 || " :,[{-".indexOf(line.charAt(i - 1)) >= 0)) {
                quote = c;
                content = true;
            } else if (c != ' ' && c != '\t') {
                content = true;
            }
        }
        return -1;
    }
}
