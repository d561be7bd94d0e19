package io.smnode.tortoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.tortoise.trace.TraceFormatException;
import io.smnode.tortoise.trace.TraceReplayer;
import io.smnode.tortoise.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A recorded run replays to the byte-identical trace, outputs included. */
class TraceReplayTest {
    static Stream<Named<JsonNode>> scenarios() {
        return Vectors.cases("tortoise-scenarios.json", c -> c.has("actions")).stream()
                .map(c -> Named.of(c.get("id").asText(), c));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void vectorScenarioReplaysIdentically(JsonNode c) throws TraceFormatException {
        List<String> trace = new ArrayList<>();
        ScenarioRunner runner = new ScenarioRunner(c.get("config"), new Tracer(trace::add));
        runner.run(c.get("actions"));
        runner.tortoise.encodeVotes();
        runner.tortoise.mode();
        runner.tortoise.latestComplete();
        assertTrue(trace.size() > c.get("actions").size(), "one line per call, plus the config line");
        assertTrue(trace.get(0).startsWith("{\"t\":\"config\""), trace.get(0));
        assertEquals(trace, TraceReplayer.replay(trace));
    }

    @Test
    void simRunThroughFullModeReplaysIdentically() throws TraceFormatException {
        List<String> trace = new ArrayList<>();
        TortoiseConfig config = Sim.config(4, 2, 2);
        Sim sim = new Sim(config, new Tortoise(config, new Tracer(trace::add)), 4, 100, 10);
        sim.layer(Sim.Layer.good(4));
        for (int i = 0; i < 3; i++) {
            sim.layer(Sim.Layer.good(4).withEmptyHare().withCoin(i % 2 == 0));
        }
        for (int i = 0; i < 4; i++) {
            sim.layer(Sim.Layer.good(4).withVoting(Sim.Voting.TORTOISE).withBlocks(2));
            for (LayerUpdate u : sim.tortoise.updates()) {
                sim.tortoise.onApplied(u.layer(), u.opinion());
            }
        }
        assertTrue(trace.stream().anyMatch(l -> l.startsWith("{\"t\":\"encode_votes\"")));
        assertEquals(trace, TraceReplayer.replay(trace));
    }

    @Test
    void replayExposesADifferentRecordedOutput() throws TraceFormatException {
        List<String> trace = new ArrayList<>();
        JsonNode c = Vectors.casesWhere("tortoise-scenarios.json", "id", "fixture/TestSanity").get(0);
        ScenarioRunner runner = new ScenarioRunner(c.get("config"), new Tracer(trace::add));
        runner.run(c.get("actions"));
        List<String> tampered = new ArrayList<>(trace);
        int updates = indexOf(tampered, "{\"t\":\"updates\"");
        tampered.set(updates, tampered.get(updates).replace("\"verified\":true", "\"verified\":false"));
        assertNotEquals(trace, tampered);
        assertEquals(trace, TraceReplayer.replay(tampered));
    }

    @Test
    void malformedTraceIsATypedError() {
        assertThrows(TraceFormatException.class, () -> TraceReplayer.replay(List.of("{\"t\":\"tally\",\"layer\":3}")));
        assertThrows(TraceFormatException.class, () -> TraceReplayer.replay(List.of("{\"t\":")));
        assertThrows(TraceFormatException.class, () -> TraceReplayer.replay(List.of("[1,2]")));
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }
}
