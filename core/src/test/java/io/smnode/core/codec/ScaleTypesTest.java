package io.smnode.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.util.Hex;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The name-based registry, checked against the codec vectors whose type names it registers. */
class ScaleTypesTest {
    private static final ScaleTypes TYPES = ScaleTypes.withCoreTypes();

    static Stream<Arguments> registeredCases() {
        return Vectors.cases("codec-scale.json", c -> TYPES.names().contains(c.get("type").asText()))
                .stream().map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredCases")
    void decodesVectorBytesToTheVectorValueOrFails(JsonNode c) throws ScaleException {
        String type = c.get("type").asText();
        byte[] bytes = Hex.decode(c.get("hex").asText());
        if (c.get("op").asText().equals("decode_error")) {
            ScaleException e = assertThrows(ScaleException.class, () -> TYPES.decodeToTree(type, bytes));
            assertEquals(ScaleVectorTest.expectedReason(c.get("error").asText(), type), e.reason());
            assertEquals(type, e.path());
        } else {
            assertEquals(TreeCodecs.fromJson(c.get("value")), TreeCodecs.normalise(TYPES.decodeToTree(type, bytes)));
        }
    }

    @Test
    void registersTheCoreNames() {
        assertTrue(TYPES.names().containsAll(Set.of("compact_u8", "compact_u16", "compact_u32", "compact_u64",
                "bool", "bytes", "string", "u16_le", "u32_le", "u64_le", "hash32", "hash20", "node_id", "atx_id",
                "address", "layer_id", "epoch_id", "option_compact_u64")));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TYPES.decodeToTree("atx", new byte[0]));
        assertTrue(e.getMessage().contains("'atx'") && e.getMessage().contains("compact_u64") && e.getMessage().contains("node_id"),
                e.getMessage());
    }

    @Test
    void modulesRegisterTheirStructsAndGetOrderedTrees() throws ScaleException {
        JsonNode spend = Vectors.casesWhere("codec-scale.json", "id", "struct/Spend").get(0);
        ScaleTypes types = ScaleTypes.withCoreTypes().register("spend", VectorTypes.SPEND, v -> v);
        Object tree = types.decodeToTree("spend", Hex.decode(spend.get("hex").asText()));
        assertEquals(List.of("Type", "Body"), List.copyOf(assertInstanceOf(Map.class, tree).keySet()));
        assertEquals(TreeCodecs.fromJson(spend.get("value")), tree);
        assertThrows(IllegalArgumentException.class, () -> types.register("spend", VectorTypes.SPEND, v -> v));
    }

    @Test
    void idsBecomeHexAndFailWithTheTypeAsPath() throws ScaleException {
        String hex = "0102030405060708090a0b0c0d0e0f1011121314";
        assertEquals(hex, TYPES.decodeToTree("hash20", Hex.decode(hex)));
        ScaleException e = assertThrows(ScaleException.class, () -> TYPES.decodeToTree("hash32", Hex.decode(hex)));
        assertEquals(ScaleException.Reason.TRUNCATED, e.reason());
        assertEquals("hash32", e.path());
    }
}
