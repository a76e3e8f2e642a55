package io.fdl.runtime.tools.db;

import java.util.regex.Pattern;

/** Field ↔ column name conversion of tools.md §4.5 / §4.6, and identifier validation. */
public final class Names {
    public static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {}

    /** {@code customerId} → {@code customer_id}: '_' before an upper-case letter following a lower-case letter or digit, then lower-case. */
    public static String toColumn(String field) {
        StringBuilder sb = new StringBuilder(field.length() + 4);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char prev = field.charAt(i - 1);
                if (Character.isLowerCase(prev) || Character.isDigit(prev)) sb.append('_');
            }
            sb.append(c);
        }
        return sb.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code customer_id} → {@code customerId}: each '_' followed by a letter becomes that letter upper-cased. */
    public static String toKey(String column) {
        StringBuilder sb = new StringBuilder(column.length());
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '_' && i + 1 < column.length() && Character.isLetter(column.charAt(i + 1))) {
                sb.append(Character.toUpperCase(column.charAt(++i)));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Double-quotes an identifier that has already been validated or read from the catalog. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
