package io.smnode.tortoise.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A trace line's JSON: canonical on the way out, the same values on the way back, strict about the rest. */
class TraceJsonTest {
    @Test
    void aLineIsCanonicalAndReadsBackToTheSameValues() throws Exception {
        String line = TraceJson.line("x", g -> {
            g.writeStringField("s", "q\"\\\u00e9\n");
            g.writeFieldName("h");
            g.writeNumber(Long.toUnsignedString(-1L));
            g.writeArrayFieldStart("a");
            g.writeNumber(-3);
            g.writeBoolean(true);
            g.writeNull();
            g.writeEndArray();
        });
        assertEquals("{\"t\":\"x\",\"s\":\"q\\\"\\\\\\u00E9\\n\",\"h\":18446744073709551615,\"a\":[-3,true,null]}", line);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("t", "x");
        expected.put("s", "q\"\\\u00e9\n");
        expected.put("h", new BigInteger("18446744073709551615"));
        expected.put("a", Arrays.asList(BigInteger.valueOf(-3), Boolean.TRUE, null));
        assertEquals(expected, TraceJson.parse(line));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(((Map<?, ?>) TraceJson.parse(line)).keySet()),
                "field order is kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"t\":", "{\"t\":1.5}", "{\"t\":1} {}", "{\"t\":1}]", "{t:1}", "[1,]"})
    void malformedLinesAreATypedError(String line) {
        assertThrows(TraceFormatException.class, () -> TraceJson.parse(line));
    }
}
