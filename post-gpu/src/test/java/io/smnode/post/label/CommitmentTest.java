package io.smnode.post.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommitmentTest {
    static Stream<Arguments> cases() {
        return Vectors.casesWhere("post.json", "kind", "commitment").stream()
                .map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void commitmentIsBlake3OfNodeIdAndAtxId(JsonNode c) {
        assertEquals(c.get("expected_hex").asText(), Commitment.of(NodeId.ofHex(c.get("node_id_hex").asText()),
                AtxId.ofHex(c.get("commitment_atx_hex").asText())).hex());
    }
}
