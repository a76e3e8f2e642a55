package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stable O(n log n) merge sort that tolerates comparators which throw or are inconsistent (user
 * lambdas, tolerant number equality) — unlike TimSort it never reports a contract violation.
 */
final class Sorting {
    private Sorting() {}

    interface Cmp {
        int compare(int a, int b);
    }

    /** Sorts the index permutation 0..n-1 with cmp; stable. */
    static int[] order(int n, Cmp cmp) {
        int[] a = new int[n], tmp = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width, hi = Math.min(lo + 2 * width, n);
                if (cmp.compare(a[mid - 1], a[mid]) <= 0) continue;
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) tmp[k++] = cmp.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
                while (i < mid) tmp[k++] = a[i++];
                while (j < hi) tmp[k++] = a[j++];
                System.arraycopy(tmp, lo, a, lo, hi - lo);
            }
        }
        return a;
    }

    /** Compares two values with nulls last (for either direction); desc reverses only non-null order. */
    static int nullsLast(JsonNode x, JsonNode y, boolean desc) {
        boolean nx = Values.isNull(x), ny = Values.isNull(y);
        if (nx || ny) return nx == ny ? 0 : nx ? 1 : -1;
        int c = Ops.compare(x, y);
        return desc ? -c : c;
    }

    /** One key of a sort spec: {@code path [ASC|DESC]}. */
    record Key(String[] path, boolean desc) {}

    static List<Key> spec(String spec) {
        List<Key> keys = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            String[] words = words(p);
            boolean desc = false;
            if (words.length > 2) throw Errors.eval("invalid sort key '" + p + "' (expected 'path [ASC|DESC]')");
            if (words.length == 2) {
                String dir = words[1].toUpperCase(Locale.ROOT);
                if (dir.equals("DESC")) desc = true;
                else if (!dir.equals("ASC")) throw Errors.eval("invalid sort direction '" + words[1] + "' (ASC or DESC)");
            }
            keys.add(new Key(Access.path(words[0]), desc));
        }
        if (keys.isEmpty()) throw Errors.eval("empty sort specification");
        return keys;
    }

    /** Splits at runs of spaces and tabs (no regex on user input). */
    private static String[] words(String s) {
        List<String> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
            int start = i;
            while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') i++;
            if (i > start) out.add(s.substring(start, i));
        }
        return out.toArray(new String[0]);
    }

    static int[] bySpec(List<JsonNode> items, List<Key> keys) {
        int n = items.size();
        JsonNode[][] vals = new JsonNode[keys.size()][n];
        for (int k = 0; k < keys.size(); k++) {
            for (int i = 0; i < n; i++) vals[k][i] = Access.get(items.get(i), keys.get(k).path());
        }
        return order(n, (a, b) -> {
            for (int k = 0; k < vals.length; k++) {
                int c = nullsLast(vals[k][a], vals[k][b], keys.get(k).desc());
                if (c != 0) return c;
            }
            return 0;
        });
    }
}
