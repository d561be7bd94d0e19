package io.smnode.post.k2pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.util.Hex;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PowThresholdTest {
    static Stream<Arguments> scaleCases() {
        return Vectors.casesWhere("post.json", "kind", "scale_pow_difficulty").stream()
                .map(c -> Arguments.of(c.get("id").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaleCases")
    void scalesByUnits(String id, JsonNode c) {
        PowThreshold scaled = PowThreshold.ofHex(c.get("difficulty_hex").asText()).scaledBy(c.get("num_units").asLong());
        assertEquals(c.get("expected_hex").asText(), scaled.hex());
    }

    @Test
    void comparisonIsStrictAndUnsigned() {
        PowThreshold t = PowThreshold.ofHex("80" + "00".repeat(31));
        assertTrue(t.isMetBy(Hex.decode("7f" + "ff".repeat(31))));
        assertFalse(t.isMetBy(Hex.decode("80" + "00".repeat(31))));
        assertFalse(t.isMetBy(Hex.decode("ff" + "00".repeat(31))));
    }

    @Test
    void zeroUnitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PowThreshold.ofHex("ff".repeat(32)).scaledBy(0));
    }
}
