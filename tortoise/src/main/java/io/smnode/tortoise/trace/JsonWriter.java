package io.smnode.tortoise.trace;

/**
 * A minimal JSON writer for one trace line: objects, arrays, strings (ASCII-escaped), integers, booleans, null.
 * Hand-written so the module stays dependency-free; output is canonical (no spaces, fields in call order).
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder(128);
    /** Whether the next value in the current container needs a comma before it. */
    private boolean needComma;

    public JsonWriter beginObject() {
        separate();
        out.append('{');
        needComma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    public JsonWriter beginArray() {
        separate();
        out.append('[');
        needComma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    public JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        needComma = true;
        return this;
    }

    public JsonWriter value(long n) {
        separate();
        out.append(n);
        needComma = true;
        return this;
    }

    /** An unsigned 64-bit integer (heights). */
    public JsonWriter unsigned(long n) {
        separate();
        out.append(Long.toUnsignedString(n));
        needComma = true;
        return this;
    }

    public JsonWriter value(boolean b) {
        separate();
        out.append(b);
        needComma = true;
        return this;
    }

    public JsonWriter nullValue() {
        return value((String) null);
    }

    private void separate() {
        if (needComma) {
            out.append(',');
        }
        needComma = false;
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
