package io.smnode.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Amount;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CoreCodecsTest {

    static Stream<Arguments> compact(String type) {
        return Vectors.cases("codec-scale.json",
                c -> c.get("type").asText().equals(type) && c.get("op").asText().equals("roundtrip"))
                .stream().map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    static Stream<Arguments> compactU64() {
        return compact("compact_u64");
    }

    static Stream<Arguments> compactU32() {
        return compact("compact_u32");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compactU64")
    void amountIsACompactUint64(JsonNode c) throws ScaleException {
        Amount amount = Amount.ofUnsigned(c.get("value").bigIntegerValue());
        assertEquals(c.get("hex").asText(), Hex.encode(Scale.encode(CoreCodecs.AMOUNT, amount)));
        assertEquals(amount, Scale.decode(CoreCodecs.AMOUNT, Hex.decode(c.get("hex").asText())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compactU32")
    void epochIsACompactUint32(JsonNode c) throws ScaleException {
        EpochId epoch = EpochId.of(c.get("value").longValue());
        assertEquals(c.get("hex").asText(), Hex.encode(Scale.encode(CoreCodecs.EPOCH_ID, epoch)));
        assertEquals(epoch, Scale.decode(CoreCodecs.EPOCH_ID, Hex.decode(c.get("hex").asText())));
    }

    /** The examples of spec 01 §4 (matching go-spacemesh's wallet golden files). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"5, 14", "64, 0101", "255, fd03", "351, 7d05", "1543, 1d18", "111222333, f678841a"})
    void layerIsACompactUint32(long layer, String hex) throws ScaleException {
        assertEquals(hex, Hex.encode(Scale.encode(CoreCodecs.LAYER_ID, LayerId.of(layer))));
        assertEquals(LayerId.of(layer), Scale.decode(CoreCodecs.LAYER_ID, Hex.decode(hex)));
    }

    @Test
    void layerAboveUint32IsRefusedOnDecode() {
        // compact64 form of 2^32 (vector compact64/4294967296): too wide for a uint32 field
        ScaleException e = assertThrows(ScaleException.class,
                () -> Scale.decode(CoreCodecs.LAYER_ID, Hex.decode("070000000001")));
        assertEquals(ScaleException.Reason.OUT_OF_RANGE, e.reason());
    }

    @Test
    void idsAreRawFixedBytes() throws ScaleException {
        String hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
        NodeId id = NodeId.ofHex(hex);
        assertEquals(hex, Hex.encode(Scale.encode(CoreCodecs.NODE_ID, id)));
        assertEquals(id, Scale.decode(CoreCodecs.NODE_ID, Hex.decode(hex)));
        assertEquals(ScaleException.Reason.TRAILING_BYTES, assertThrows(ScaleException.class,
                () -> Scale.decode(CoreCodecs.NODE_ID, Hex.decode(hex + "00"))).reason());
        assertEquals(ScaleException.Reason.TRUNCATED, assertThrows(ScaleException.class,
                () -> Scale.decode(CoreCodecs.HASH32, Hex.decode(hex.substring(2)))).reason());
    }
}
