package io.fdl.runtime.api.error;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How client JSON (REST bodies, WebSocket frames) is read: strictly. Exactly one JSON value per
 * body (trailing content → {@code MALFORMED_JSON}); the bytes must be well-formed UTF-8 (overlong
 * or truncated sequences, lone surrogates → {@code INVALID_TEXT}: Jackson's own decoder would turn
 * an overlong {@code C0 AF} into "/"); no U+0000 in any string or key ({@code INVALID_TEXT}:
 * PostgreSQL can store neither, and a NUL in a name is never intended); numbers must be finite as
 * doubles and integers must fit in 64 bits ({@code 1e999999999} → {@code INVALID_REQUEST}, instead
 * of an unbounded BigDecimal or an infinity further down). Only readers change; writing is that of the base mapper.
 */
public final class StrictJson {
    private StrictJson() {}

    /** A copy of {@code base} (same modules and features) that reads strictly. */
    public static ObjectMapper mapper(ObjectMapper base) {
        return base.copyWith(new StrictFactory(base.getFactory()))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Client JSON refused for its content; {@link #code} is INVALID_TEXT or INVALID_REQUEST. */
    public static final class Rejected extends JsonParseException {
        private final String code;

        Rejected(String code, String message, JsonLocation location) {
            super(message, location);
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The message without Jackson's location suffix (the location goes into details). */
        public String reason() {
            return getOriginalMessage();
        }
    }

    private static final class StrictFactory extends JsonFactory {
        StrictFactory(JsonFactory base) {
            super(base, null);
        }

        private StrictFactory(StrictFactory src, ObjectCodec codec) {
            super(src, codec);
        }

        @Override
        public JsonFactory copy() {
            return new StrictFactory(this, null);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return _createParser(strictUtf8(in), ctxt);
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return _createParser(strictUtf8(new ByteArrayInputStream(data, offset, len)), ctxt);
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new Checked(super._createParser(r, ctxt));
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
                throws IOException {
            return new Checked(super._createParser(data, offset, len, ctxt, recyclable));
        }
    }

    /** JSON is UTF-8 (RFC 8259 §8.1); the JDK decoder refuses every ill-formed sequence. */
    private static Reader strictUtf8(InputStream in) {
        Reader decoder = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new FilterReader(decoder) {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                try {
                    return super.read(buf, off, len);
                } catch (CharacterCodingException e) {
                    throw new Rejected(ErrorCodes.INVALID_TEXT, "request body is not well-formed UTF-8", null);
                }
            }
        };
    }

    /** Checks each string, key and number as the parser reaches it, and that nothing follows the root value. */
    private static final class Checked extends JsonParserDelegate {
        private int depth;
        private boolean rootDone;

        Checked(JsonParser d) {
            super(d);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            if (rootDone) return afterRoot();
            JsonToken t = delegate.nextToken();
            if (t == null) return null;
            if (t.isStructStart()) depth++;
            else if (t.isStructEnd()) depth--;
            if (depth == 0) rootDone = true;
            switch (t) {
                case VALUE_STRING, FIELD_NAME -> {
                    String problem = textProblem(delegate.getText());
                    if (problem != null) {
                        throw new Rejected(ErrorCodes.INVALID_TEXT, problem, delegate.currentTokenLocation());
                    }
                }
                case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> {
                    double d = delegate.getDoubleValue();
                    boolean underflow = d == 0 && t == JsonToken.VALUE_NUMBER_FLOAT
                            && delegate.getDecimalValue().signum() != 0;
                    boolean tooLong = t == JsonToken.VALUE_NUMBER_INT && delegate.getNumberType() == NumberType.BIG_INTEGER;
                    if (Double.isInfinite(d) || underflow || tooLong) {
                        throw new Rejected(ErrorCodes.INVALID_REQUEST, "number out of range: " + abbreviated(delegate.getText()),
                                delegate.currentTokenLocation());
                    }
                }
                default -> { }
            }
            return t;
        }

        /** Trailing content after the one root value (what FAIL_ON_TRAILING_TOKENS asks for) is malformed JSON. */
        private JsonToken afterRoot() throws IOException {
            JsonToken t;
            try {
                t = delegate.nextToken();
            } catch (Rejected r) {
                throw r;
            } catch (JsonParseException e) {
                t = JsonToken.NOT_AVAILABLE;
            }
            if (t == null) return null;
            throw new Rejected(ErrorCodes.MALFORMED_JSON, "trailing content after the JSON value", delegate.currentTokenLocation());
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            // the delegate's own skipChildren would bypass the checks above
            if (currentToken() != JsonToken.START_OBJECT && currentToken() != JsonToken.START_ARRAY) return this;
            int open = 1;
            while (open > 0) {
                JsonToken t = nextToken();
                if (t == null) return this;
                if (t.isStructStart()) open++;
                else if (t.isStructEnd()) open--;
            }
            return this;
        }

        /** NUL, or a surrogate escape ({@code \\ud800}) that is not half of a pair: neither is storable text. */
        private static String textProblem(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\u0000') return "text must not contain the NUL character (U+0000)";
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return "text must not contain an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
                }
            }
            return null;
        }

        private static String abbreviated(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
