package io.smnode.post.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Hash32;
import io.smnode.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScryptJaneVectorsTest {
    private static final String FILE = "post.json";

    static Stream<Arguments> labelCases() {
        return named("scrypt_label");
    }

    static Stream<Arguments> janeCases() {
        return named("scrypt_jane");
    }

    static Stream<Arguments> bitstreamCases() {
        return named("scrypt_bitstream");
    }

    private static Stream<Arguments> named(String kind) {
        return Vectors.casesWhere(FILE, "kind", kind).stream()
                .map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    @ParameterizedTest
    @MethodSource("labelCases")
    void labelOutputMatchesReference(JsonNode c) {
        ScryptJane gen = new ScryptJane(Hash32.ofHex(c.get("commitment_hex").asText()), c.get("N").asInt());
        byte[] out = new byte[LabelGenerator.OUTPUT_SIZE];
        gen.output(c.get("index").asLong(), out, 0);
        byte[] expected = Hex.decode(c.has("expected_hex")
                ? c.get("expected_hex").asText() : c.get("expected_prefix_hex").asText());
        assertEquals(Hex.encode(expected), Hex.encode(Arrays.copyOf(out, expected.length)));
    }

    @ParameterizedTest
    @MethodSource("janeCases")
    void generalScryptJaneMatchesLibraryVector(JsonNode c) {
        assertEquals(1, c.get("r").asInt());
        assertEquals(1, c.get("p").asInt());
        byte[] expected = Hex.decode(c.get("expected_hex").asText());
        byte[] out = ScryptJane.derive(ascii(c, "password_ascii"), ascii(c, "salt_ascii"), c.get("N").asInt(),
                expected.length);
        assertEquals(Hex.encode(expected), Hex.encode(out));
    }

    /** Bit 0 of byte 0 of consecutive labels packed LSB-first; the prefix given fixes the first 8·len labels. */
    @ParameterizedTest
    @MethodSource("bitstreamCases")
    void bitstreamPrefixMatchesGpuPost(JsonNode c) {
        byte[] expected = Hex.decode(c.get("expected_prefix_hex").asText());
        ScryptJane gen = new ScryptJane(Hash32.ofHex(c.get("commitment_hex").asText()), c.get("N").asInt());
        byte[] packed = new byte[expected.length];
        byte[] out = new byte[LabelGenerator.OUTPUT_SIZE];
        for (int i = 0; i < 8 * expected.length; i++) {
            gen.output(i, out, 0);
            packed[i / 8] |= (byte) ((out[0] & 1) << (i % 8));
        }
        assertEquals(Hex.encode(expected), Hex.encode(packed));
    }

    @Test
    void writesExactlyThirtyTwoBytesAtTheOffsetAndIsRepeatable() {
        ScryptJane gen = new ScryptJane(Hash32.ZERO, 4);
        byte[] alone = new byte[32];
        gen.output(1, alone, 0);
        byte[] wide = new byte[40];
        Arrays.fill(wide, (byte) 0x5a);
        gen.output(7, wide, 4); // a different label first: no state may leak between labels
        gen.output(1, wide, 4);
        assertArrayEquals(alone, Arrays.copyOfRange(wide, 4, 36));
        for (int i : new int[] {0, 1, 2, 3, 36, 37, 38, 39}) {
            assertEquals((byte) 0x5a, wide[i], "byte " + i + " outside the output was written");
        }
    }

    @Test
    void rejectsAnNThatIsNotAPowerOfTwoOfAtLeastTwo() {
        for (int n : new int[] {0, 1, 3, 12, -8, 1 << 23}) {
            assertThrows(IllegalArgumentException.class, () -> ScryptJane.FACTORY.create(Hash32.ZERO, n), "N=" + n);
        }
        assertEquals(8192, ScryptJane.FACTORY.create(Hash32.ZERO, 8192).n());
    }

    private static byte[] ascii(JsonNode c, String field) {
        return c.get(field).asText().getBytes(StandardCharsets.US_ASCII);
    }
}
