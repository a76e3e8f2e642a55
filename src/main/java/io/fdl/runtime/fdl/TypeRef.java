package io.fdl.runtime.fdl;

/**
 * A type of the args type system (fdl.md §3.1). {@link #text()} renders the canonical spelling
 * ({@code map<string>[]?}); aliases ({@code boolean}, {@code number}, {@code object}, {@code array})
 * are normalised when parsed.
 */
public sealed interface TypeRef {

    String text();

    /** True for {@code any} and {@code T?}: null is accepted. */
    default boolean acceptsNull() {
        return false;
    }

    enum Primitive {
        BOOL("bool"), INT("int"), LONG("long"), DOUBLE("double"), DECIMAL("decimal"), STRING("string"),
        DATE("date"), ANY("any");

        private final String text;

        Primitive(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** {@code bool}, {@code int}, {@code long}, {@code double}, {@code decimal}, {@code string}, {@code date}, {@code any}. */
    record Prim(Primitive kind) implements TypeRef {
        public static final Prim BOOL = new Prim(Primitive.BOOL);
        public static final Prim INT = new Prim(Primitive.INT);
        public static final Prim LONG = new Prim(Primitive.LONG);
        public static final Prim DOUBLE = new Prim(Primitive.DOUBLE);
        public static final Prim DECIMAL = new Prim(Primitive.DECIMAL);
        public static final Prim STRING = new Prim(Primitive.STRING);
        public static final Prim DATE = new Prim(Primitive.DATE);
        public static final Prim ANY = new Prim(Primitive.ANY);

        @Override public String text() { return kind.text(); }
        @Override public boolean acceptsNull() { return kind == Primitive.ANY; }
    }

    /** {@code map<T>}: an object whose values are T ({@code object} = {@code map<any>}). */
    record MapOf(TypeRef value) implements TypeRef {
        @Override public String text() { return "map<" + value.text() + ">"; }
    }

    /** {@code T[]} ({@code array} = {@code any[]}). */
    record ArrayOf(TypeRef element) implements TypeRef {
        @Override public String text() { return element.text() + "[]"; }
    }

    /** {@code T?}: T or null. */
    record Nullable(TypeRef inner) implements TypeRef {
        @Override public String text() { return inner.text() + "?"; }
        @Override public boolean acceptsNull() { return true; }
    }

    /** A record type declared in {@code args.defs}. */
    record Named(String name) implements TypeRef {
        @Override public String text() { return name; }
    }
}
