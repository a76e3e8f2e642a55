package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Writer;

/** JSON text of a value cut after a number of characters, without ever serialising the rest (event previews of big outputs). */
final class BoundedJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BoundedJson() {}

    /** The JSON text of {@code v}, or its first {@code max + 1} (or slightly more) characters when it is longer. */
    static String text(JsonNode v, int max) {
        Limited w = new Limited(max);
        try {
            JSON.writeValue(w, v);
        } catch (IOException e) {
            if (!w.full()) throw new IllegalStateException("cannot serialise a JSON value", e);
        }
        return w.sb.toString();
    }

    private static final class Limited extends Writer {
        private static final IOException FULL = new IOException("preview is full");
        final StringBuilder sb = new StringBuilder();
        private final int max;

        Limited(int max) { this.max = max; }

        boolean full() { return sb.length() > max; }

        @Override public void write(char[] buf, int off, int len) throws IOException {
            if (full()) throw FULL;
            sb.append(buf, off, Math.min(len, max + 1 - sb.length()));
            if (full()) throw FULL;
        }

        @Override public void flush() { }

        @Override public void close() { }
    }
}
