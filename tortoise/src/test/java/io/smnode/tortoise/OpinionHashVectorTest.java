package io.smnode.tortoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Hash32;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The opinion hash chain, bit-exact with opinion-hash.json. */
class OpinionHashVectorTest {
    static Stream<Named<JsonNode>> cases() {
        List<JsonNode> cases = Vectors.cases("opinion-hash.json");
        assertEquals(11, cases.size());
        return cases.stream().map(c -> Named.of(c.get("id").asText(), c));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void chainMatchesVector(JsonNode c) {
        OpinionHasher hasher = new OpinionHasher();
        Hash32 previous = null;
        JsonNode layers = c.get("layers");
        JsonNode expected = c.get("expected_hashes");
        assertEquals(expected.size(), layers.size());
        for (int i = 0; i < layers.size(); i++) {
            if (previous != null) {
                hasher.writePrevious(previous);
            }
            JsonNode layer = layers.get(i);
            switch (layer.get("opinion").asText()) {
                case "support" -> {
                    for (JsonNode b : layer.get("blocks")) {
                        hasher.writeSupport(BlockId.ofHex(b.get("id").asText()), b.get("height").bigIntegerValue().longValue());
                    }
                }
                case "abstain" -> hasher.writeAbstain();
                case "against" -> { }
                default -> throw new IllegalArgumentException(layer.toString());
            }
            previous = hasher.sum();
            assertEquals(expected.get(i).asText(), previous.hex(), "layer " + i);
        }
        assertEquals(c.get("expected").asText(), previous.hex());
        if (c.has("expected_prefix_from_source")) {
            assertTrue(previous.hex().startsWith(c.get("expected_prefix_from_source").asText()));
        }
    }
}
