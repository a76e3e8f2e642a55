package io.fdl.runtime.gml;

import java.util.Locale;

/**
 * SQL LIKE of gml.md §6.5: whole-string, case-insensitive; {@code %} any run, {@code _} one code
 * point, {@code \} escapes. Dynamic programming over the pattern: O(|s|·|p|) time, O(|p|) space,
 * never a backtracking regex.
 */
final class Like {
    private Like() {}

    private static final int ANY = -1;   // %
    private static final int ONE = -2;   // _

    static boolean matches(String text, String pattern) {
        int[] s = text.toLowerCase(Locale.ROOT).codePoints().toArray();
        int[] p = compile(pattern.toLowerCase(Locale.ROOT));
        int m = p.length;
        // cur[j]: s[0..i) matches p[0..j)
        boolean[] cur = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        cur[0] = true;
        for (int j = 1; j <= m; j++) cur[j] = cur[j - 1] && p[j - 1] == ANY;
        for (int c : s) {
            next[0] = false;
            for (int j = 1; j <= m; j++) {
                int t = p[j - 1];
                if (t == ANY) next[j] = next[j - 1] || cur[j];
                else next[j] = cur[j - 1] && (t == ONE || t == c);
            }
            boolean[] tmp = cur;
            cur = next;
            next = tmp;
        }
        return cur[m];
    }

    /** Pattern as code points with ANY/ONE markers; escaped characters are literal. */
    private static int[] compile(String pattern) {
        int[] cps = pattern.codePoints().toArray();
        int[] out = new int[cps.length];
        int n = 0;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == '\\' && i + 1 < cps.length) out[n++] = cps[++i];
            else if (c == '%') {
                if (n == 0 || out[n - 1] != ANY) out[n++] = ANY;
            } else if (c == '_') out[n++] = ONE;
            else out[n++] = c;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
