package io.smnode.tortoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.LayerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every 'fixture' and 'tortoise' case of tortoise-scenarios.json, replayed action by action. */
class TortoiseScenarioTest {
    static Stream<Named<JsonNode>> cases() {
        List<JsonNode> cases = Vectors.cases("tortoise-scenarios.json",
                c -> !c.path("text_only").asBoolean(false) && c.has("actions"));
        assertEquals(8, cases.size());
        return cases.stream().map(c -> Named.of(c.get("id").asText(), c));
    }

    /** The reference runs these fixtures in random dependency-respecting orders and expects the same results. */
    static Stream<Named<JsonNode>> orderIndependent() {
        return Stream.of("fixture/TestSanity", "fixture/TestEpochGap")
                .map(id -> Named.of(id, Vectors.casesWhere("tortoise-scenarios.json", "id", id).get(0)));
    }

    @ParameterizedTest
    @MethodSource("orderIndependent")
    void sameUpdatesInAHundredTopologicalOrders(JsonNode c) {
        Random random = new Random(20261121L);
        for (int i = 0; i < 100; i++) {
            List<JsonNode> order = TopologicalOrders.random(c.get("actions"), random);
            ScenarioRunner runner = new ScenarioRunner(c.get("config"), null);
            runner.run(order);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void scenario(JsonNode c) {
        ScenarioRunner runner = new ScenarioRunner(c.get("config"), null);
        runner.run(c.get("actions"));
        if (c.has("expect_encode_votes")) {
            JsonNode want = c.get("expect_encode_votes");
            EncodeResult result = runner.tortoise.encodeVotes();
            Votes votes = assertInstanceOf(EncodeResult.Encoded.class, result, result.toString()).opinion().votes();
            assertEquals(BallotId.ofHex(want.get("base").asText()), votes.base());
            List<LayerId> abstain = new ArrayList<>();
            want.get("abstain").forEach(l -> abstain.add(LayerId.of(l.asLong())));
            assertEquals(abstain, votes.abstain());
            assertEquals(ScenarioRunner.headers(want.get("support")), votes.support());
            assertEquals(ScenarioRunner.headers(want.get("against")), votes.against());
        }
    }
}
