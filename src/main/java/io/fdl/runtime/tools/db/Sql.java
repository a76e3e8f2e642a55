package io.fdl.runtime.tools.db;

import java.util.List;

/** A parameterised statement: text with {@code $n} placeholders and the values bound to them, in order. */
public record Sql(String text, List<Object> params) {

    /** Accumulates the parameters of one statement while its text is generated. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final java.util.ArrayList<Object> params = new java.util.ArrayList<>();

        public Builder append(String s) {
            text.append(s);
            return this;
        }

        /** Adds a parameter and returns the placeholder SQL for the column it is bound to. */
        public String bind(ColumnInfo col, Object value) {
            params.add(value);
            return col.placeholder(params.size());
        }

        /** Adds a parameter whose SQL type is the placeholder's own (e.g. LIMIT). */
        public String bindPlain(Object value) {
            params.add(value);
            return "$" + params.size();
        }

        public Sql build() {
            return buildAllowingNulls();
        }

        /** Params may contain nulls, which List.copyOf refuses. */
        public Sql buildAllowingNulls() {
            return new Sql(text.toString(), java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params)));
        }
    }
}
