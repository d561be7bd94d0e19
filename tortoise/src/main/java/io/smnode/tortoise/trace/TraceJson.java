package io.smnode.tortoise.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trace line as JSON, through Jackson's streaming generator and parser. Written canonically (no spaces, fields
 * in call order, non-ASCII escaped); read into {@code Map<String,Object>} (field order kept), {@code List<Object>},
 * {@code BigInteger} for every integer, String, Boolean and null. Traces hold no fractions, so a number with one
 * is refused, as are trailing characters.
 */
final class TraceJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private TraceJson() {}

    /** What a line's fields are written with; a generator over a string never fails to write. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** The line {@code {"t":type, ...body}}. */
    static String line(String type, Body body) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("t", type);
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);
        }
        return out.toString();
    }

    static Object parse(String line) throws TraceFormatException {
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() == null) {
                throw new TraceFormatException("empty line");
            }
            Object value = value(p);
            if (p.nextToken() != null) {
                throw new TraceFormatException("trailing characters at offset "
                        + p.currentTokenLocation().getCharOffset());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new TraceFormatException(e.getOriginalMessage() + " at offset " + e.getLocation().getCharOffset());
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string", e);
        }
    }

    /** The value at the parser's current token, leaving the parser on its last token. */
    private static Object value(JsonParser p) throws IOException, TraceFormatException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> out = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    out.put(name, value(p));
                }
                return out;
            }
            case START_ARRAY -> {
                List<Object> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(value(p));
                }
                return out;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getBigIntegerValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new TraceFormatException("unexpected " + token + " at offset "
                    + p.currentTokenLocation().getCharOffset());
        }
    }
}
