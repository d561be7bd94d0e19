package io.smnode.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** `smnode bench hare|tortoise|vm` at toy sizes: one JSON object each with the figures, and bad sizes refused. */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode ok(String... args) throws Exception {
        Cli r = Cli.run(args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + ": " + r.out() + r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void hareMessagesPerSecond() throws Exception {
        JsonNode out = ok("bench", "hare", "--identities", "60", "--repetitions", "1");
        assertEquals("hare", out.get("bench").asText());
        assertTrue(out.get("messages").asInt() > 0, out.toString());
        assertTrue(out.get("messages_per_second").asDouble() > 0, out.toString());
    }

    @Test
    void tortoiseMsPerLayerInBothModes() throws Exception {
        JsonNode out = ok("bench", "tortoise", "--atxs", "500", "--ballots", "20", "--layers", "6");
        for (String scenario : new String[] {"verifying", "full"}) {
            assertTrue(out.get(scenario).get("ms_per_layer").asDouble() > 0, out.toString());
        }
        assertTrue(out.get("full").get("verified_layer").asLong() < out.get("verifying").get("verified_layer").asLong(),
                "an empty hare output holds verification back: " + out);
    }

    @Test
    void vmTransactionsPerSecond() throws Exception {
        JsonNode out = ok("bench", "vm", "--wallets", "20", "--layers", "3");
        assertEquals(20, out.get("transactions").asInt() / out.get("measured_layers").asInt(), out.toString());
        assertTrue(out.get("tx_per_second").asDouble() > 0, out.toString());
    }

    @Test
    void badSizesAreAJsonError() throws Exception {
        Cli r = Cli.run("bench", "vm", "--layers", "1");
        assertEquals(2, r.exitCode());
        assertTrue(JSON.readTree(r.out()).get("error").asText().contains("--layers"), r.out());
    }
}
