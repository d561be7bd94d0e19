package io.smnode.activation.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.testing.Vectors;
import io.smnode.core.util.Hex;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * go-scale's compact encodings (testdata/vectors/atx-v2/scale_compact.json): ATX v2 writes epochs, indices and
 * units as compact32, nonces and leaf indices as compact64, proof indices as compact16 and the malfeasance
 * envelopes' byte enums as compact8. Each case encodes to the expected bytes and decodes back.
 */
class ScaleCompactVectorsTest {
    static Stream<Arguments> cases() {
        return Vectors.cases("atx-v2/scale_compact.json").stream()
                .map(c -> Arguments.of(Named.of(c.get("type").asText() + " " + c.get("value").asText(), c)));
    }

    @ParameterizedTest @MethodSource("cases")
    void compactEncodingAndBack(JsonNode c) throws ScaleException {
        long value = new BigInteger(c.get("value").asText()).longValue();
        String expected = c.get("expected_hex").asText();
        switch (c.get("type").asText()) {
            case "compact_uint8" -> check(ScaleCodecs.COMPACT_U8, (int) value, expected);
            case "compact_uint16" -> check(ScaleCodecs.COMPACT_U16, (int) value, expected);
            case "compact_uint32" -> check(ScaleCodecs.COMPACT_U32, value, expected);
            case "compact_uint64" -> check(ScaleCodecs.COMPACT_U64, value, expected);
            default -> throw new IllegalStateException("unknown compact type " + c.get("type").asText());
        }
    }

    private static <T> void check(ScaleCodec<T> codec, T value, String expected) throws ScaleException {
        assertEquals(expected, Hex.encode(Scale.encode(codec, value)));
        assertEquals(value, Scale.decode(codec, Hex.decode(expected)));
    }
}
