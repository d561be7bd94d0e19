package io.smnode.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConfigDumpTest {
    @Test
    void dumpShowsThePresetsNetworkAndTheOverrides() throws Exception {
        Cli r = Cli.run("config", "dump", "--json", "--preset", "mainnet", "--set", "metrics.port=9999");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode smnode = new ObjectMapper().readTree(r.out()).get("smnode");
        assertEquals("mainnet", smnode.get("preset").asText());
        assertEquals("2023-07-14T08:00:00Z", smnode.get("network").get("genesis-time").asText());
        assertEquals("sm", smnode.get("network").get("hrp").asText());
        assertEquals(4032, smnode.get("network").get("layers-per-epoch").asInt());
        assertEquals(9999, smnode.get("metrics").get("port").asInt());
        assertEquals("/ip4/0.0.0.0/tcp/7513", smnode.get("p2p").get("listen").asText());
    }

    @Test
    void theDevnetPresetsListenOnLoopback() throws Exception {
        Cli r = Cli.run("config", "dump", "--json", "--preset", "localnet");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode p2p = new ObjectMapper().readTree(r.out()).get("smnode").get("p2p");
        assertEquals("/ip4/127.0.0.1/tcp/7513", p2p.get("listen").asText());
        assertTrue(p2p.get("private-network").asBoolean());
    }

    @Test
    void dumpRefusesABadConfigWithOneSentence() {
        Cli r = Cli.run("config", "dump", "--set", "log.format=xml");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("smnode: configuration key smnode.log.format must be one of json, plain"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void anUnknownPresetNamesTheKeyAndTheChoices() {
        Cli r = Cli.run("config", "dump", "--preset", "moonnet");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("smnode.preset") && r.err().contains("standalone"), r.err());
    }
}
