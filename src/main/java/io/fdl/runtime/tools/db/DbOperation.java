package io.fdl.runtime.tools.db;

import java.util.Locale;
import java.util.Optional;

/** The operations of tools.md §4.3. */
public enum DbOperation {
    TAKE(false), LIST(false), PAGE(false), COUNT(false),
    CREATE(true), MODIFY(true), DELETE(true), SAVE(true), BULK(true),
    /** Neither read nor write: it runs as written in a read-only transaction on a read-only datasource. */
    NATIVE(false);

    private final boolean write;

    DbOperation(boolean write) {
        this.write = write;
    }

    public boolean isWrite() {
        return write;
    }

    /** Lower-case operation name as written in the URI; anything else is empty. */
    public static Optional<DbOperation> parse(String op) {
        for (DbOperation o : values()) {
            if (o.name().toLowerCase(Locale.ROOT).equals(op)) return Optional.of(o);
        }
        return Optional.empty();
    }
}
