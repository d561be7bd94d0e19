package io.smnode.post.prove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.util.Hex;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompressionAndDifficultyVectorsTest {
    static Stream<Arguments> compressCases() {
        return PostVectors.ofKind("compress");
    }

    static Stream<Arguments> requiredBitsCases() {
        return PostVectors.ofKind("required_bits");
    }

    static Stream<Arguments> indicesBytesCases() {
        return PostVectors.ofKind("expected_indices_bytes");
    }

    static Stream<Arguments> difficultyCases() {
        return PostVectors.ofKind("proving_difficulty");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compressCases")
    void compressesAndDecompresses(String id, JsonNode c) {
        long[] indices = PostVectors.u64s(c.get("indices"));
        int bits = c.get("bits").asInt();
        byte[] packed = IndexCompression.compress(indices, bits);
        assertEquals(c.get("expected_hex").asText(), Hex.encode(packed));
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        long[] low = java.util.Arrays.stream(indices).map(i -> i & mask).toArray();
        assertArrayEquals(low, IndexCompression.decompress(packed, bits, indices.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredBitsCases")
    void requiredBits(String id, JsonNode c) {
        assertEquals(c.get("expected").asInt(), IndexCompression.requiredBits(PostVectors.u64(c.get("value"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicesBytesCases")
    void expectedIndicesBytes(String id, JsonNode c) {
        assertEquals(c.get("expected").asLong(),
                IndexCompression.expectedBytes(c.get("bits_per_index").asInt(), c.get("k2").asLong()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("difficultyCases")
    void provingDifficulty(String id, JsonNode c) {
        Optional<ProvingDifficulty> d = ProvingDifficulty.of(c.get("k1").asLong(), PostVectors.u64(c.get("num_labels")));
        if (c.has("expected_error")) {
            assertTrue(d.isEmpty());
        } else {
            assertEquals(PostVectors.u64(c.get("expected")), d.orElseThrow().value());
        }
    }

    @Test
    void decompressionTakesAtMostTheRequestedCountAndIgnoresPartialFields() {
        byte[] packed = Hex.decode("280e"); // 16 bits hold five 3-bit fields
        assertEquals(5, IndexCompression.decompress(packed, 3, 100).length);
        assertEquals(4, IndexCompression.decompress(packed, 3, 4).length);
    }

    @Test
    void difficultySplitsIntoHighByteAndLow56Bits() {
        ProvingDifficulty d = new ProvingDifficulty(0x0c12_3456_789a_bcdeL);
        assertEquals(0x0c, d.msb());
        assertEquals(0x12_3456_789a_bcdeL, d.lsb());
    }
}
