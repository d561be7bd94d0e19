package io.smnode.tortoise.trace;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON parser for trace lines: objects become {@code Map<String,Object>} (field order kept), arrays
 * {@code List<Object>}, integers {@code BigInteger}, plus String, Boolean and null. No fractions or exponents:
 * traces never hold them. Malformed input gives a {@link TraceFormatException}.
 */
public final class JsonReader {
    private final String s;
    private int pos;

    private JsonReader(String s) {
        this.s = s;
    }

    public static Object parse(String line) throws TraceFormatException {
        JsonReader r = new JsonReader(line);
        Object v = r.value();
        r.skipSpace();
        if (r.pos != line.length()) {
            throw r.error("trailing characters");
        }
        return v;
    }

    private Object value() throws TraceFormatException {
        skipSpace();
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Map<String, Object> object() throws TraceFormatException {
        Map<String, Object> out = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a field name");
            }
            String key = string();
            skipSpace();
            expect(':');
            out.put(key, value());
            skipSpace();
            char c = next();
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private List<Object> array() throws TraceFormatException {
        List<Object> out = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            out.add(value());
            skipSpace();
            char c = next();
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private String string() throws TraceFormatException {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private BigInteger number() throws TraceFormatException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos == start || (pos == start + 1 && s.charAt(start) == '-')) {
            throw error("expected a value");
        }
        return new BigInteger(s.substring(start, pos));
    }

    private Object literal(String word, Object v) throws TraceFormatException {
        if (!s.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        return v;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() throws TraceFormatException {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private char next() throws TraceFormatException {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) throws TraceFormatException {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private TraceFormatException error(String what) {
        return new TraceFormatException(what + " at offset " + pos);
    }
}
