package io.smnode.post.k2pow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.util.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fast mode must hash exactly like light mode. It needs ≈ 2.1 GiB and tens of seconds to build the dataset, so it
 * runs only on request: {@code -Dsmnode.randomx.fast=true}.
 */
@EnabledIfSystemProperty(named = "smnode.randomx.fast", matches = "true")
class RandomXFastModeTest {
    @Test
    void fastModeReproducesTheK2PowHashVectors() {
        try (RandomX fast = RandomX.forSpacemesh(RandomXMode.FAST, Runtime.getRuntime().availableProcessors());
                RandomXVm vm = fast.newVm()) {
            for (JsonNode c : Vectors.casesWhere("post.json", "kind", "k2pow_hash")) {
                byte[] input = K2PowInput.of(c.get("pow").asLong(), c.get("nonce_group").asInt(),
                        K2PowVectorsTest.challenge(c), K2PowVectorsTest.nodeId(c));
                assertEquals(c.get("expected_hex").asText(), Hex.encode(vm.hash(input)), c.get("id").asText());
            }
        }
    }
}
