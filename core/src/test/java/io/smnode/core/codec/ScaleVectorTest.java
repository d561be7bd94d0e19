package io.smnode.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.codec.ScaleException.Reason;
import io.smnode.core.testing.Vectors;
import io.smnode.core.util.Hex;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of codec-scale.json, with go-scale's default nesting limit (4) under which the vectors were made.
 * Error cases are checked by class: the Go error text is mapped to our {@link Reason} by {@link #expectedReason}.
 */
class ScaleVectorTest {
    private static final String FILE = "codec-scale.json";
    private static final int NESTED = ScaleReader.GO_SCALE_MAX_NESTED;

    static Stream<Arguments> cases(String op) {
        return Vectors.casesWhere(FILE, "op", op).stream()
                .map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    static Stream<Arguments> roundtrip() {
        return cases("roundtrip");
    }

    static Stream<Arguments> decodeOnly() {
        return cases("decode_only");
    }

    static Stream<Arguments> decodeError() {
        return cases("decode_error");
    }

    static Stream<Arguments> encodeError() {
        return cases("encode_error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundtrip")
    void encodesToTheVectorBytesAndDecodesBack(JsonNode c) throws ScaleException {
        ScaleCodec<Object> codec = VectorTypes.codec(c.get("type").asText());
        Object value = TreeCodecs.fromJson(c.get("value"));
        assertEquals(c.get("hex").asText(), Hex.encode(Scale.encode(codec, value, NESTED)));
        assertEquals(value, Scale.decode(codec, Hex.decode(c.get("hex").asText()), NESTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodeOnly")
    void decodesNonCanonicalInputGoAccepts(JsonNode c) throws ScaleException {
        ScaleCodec<Object> codec = VectorTypes.codec(c.get("type").asText());
        Object value = TreeCodecs.fromJson(c.get("value"));
        assertEquals(value, Scale.decode(codec, Hex.decode(c.get("hex").asText()), NESTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodeError")
    void refusesBadBytesWithTheRightReason(JsonNode c) {
        String type = c.get("type").asText();
        ScaleCodec<Object> codec = VectorTypes.codec(type);
        ScaleException e = assertThrows(ScaleException.class,
                () -> Scale.decode(codec, Hex.decode(c.get("hex").asText()), NESTED));
        assertEquals(expectedReason(c.get("error").asText(), type), e.reason(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodeError")
    void refusesToEncodeWhatGoRefuses(JsonNode c) {
        String type = c.get("type").asText();
        ScaleCodec<Object> codec = VectorTypes.codec(type);
        Object value = TreeCodecs.fromJson(c.get("value"));
        ScaleEncodingException e = assertThrows(ScaleEncodingException.class,
                () -> Scale.encode(codec, value, NESTED));
        assertEquals(expectedReason(c.get("error").asText(), type), e.reason(), e.getMessage());
    }

    private static final Pattern OUT_OF_RANGE = Pattern.compile("value (\\d+) is out of range");
    private static final Pattern TYPE_BITS = Pattern.compile("(?i)u(?:int)?(8|16|32|64)\\b");

    /**
     * go-scale's messages to our classes. "value N is out of range" covers two faults: N fits the field's type
     * (a larger mode than needed: NON_CANONICAL) or it does not (OUT_OF_RANGE).
     */
    static Reason expectedReason(String goError, String type) {
        if (goError.contains("nested level is too deep")) {
            return Reason.NESTED_TOO_DEEP;
        }
        if (goError.contains("too many elements")) {
            return Reason.TOO_LONG;
        }
        if (goError.endsWith("EOF")) {
            return Reason.TRUNCATED;
        }
        if (goError.contains("will overflow") || goError.matches("invalid compact\\d+ needs \\d+ bytes")) {
            return Reason.OUT_OF_RANGE;
        }
        Matcher m = OUT_OF_RANGE.matcher(goError);
        if (m.matches()) {
            Matcher bits = TYPE_BITS.matcher(type);
            if (!bits.find()) {
                throw new IllegalStateException("no integer width in type " + type);
            }
            BigInteger max = BigInteger.ONE.shiftLeft(Integer.parseInt(bits.group(1))).subtract(BigInteger.ONE);
            return new BigInteger(m.group(1)).compareTo(max) <= 0 ? Reason.NON_CANONICAL : Reason.OUT_OF_RANGE;
        }
        throw new IllegalStateException("unmapped go-scale error '" + goError + "'");
    }
}
