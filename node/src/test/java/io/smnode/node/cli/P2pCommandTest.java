package io.smnode.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.p2p.host.Libp2pHost;
import io.smnode.p2p.host.TestHosts;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class P2pCommandTest {
    private static final String MAINNET_ID = "9eebff023abb17ccb775c602daade8ed708f0a50";
    private static ActorSystem system;

    @BeforeAll
    static void up() {
        system = ActorSystem.create("p2p-cli-test");
    }

    @AfterAll
    static void down() {
        system.terminate();
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void probeHandshakesIdentifiesAndPings() throws Exception {
        try (Libp2pHost h = TestHosts.start(system, (MAINNET_ID + "-8063").getBytes())) {
            Cli r = Cli.run("p2p", "probe", "--peer", TestHosts.dialAddress(h).toString(),
                    "--genesis-id", MAINNET_ID, "--effective-genesis", "8063");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            JsonNode o = json(r.out());
            assertEquals(h.peerId().toString(), o.get("peer_id").asText());
            assertEquals("smnode/0.1.0", o.get("agent").asText());
            List<String> protocols = new ArrayList<>();
            o.get("protocols").forEach(p -> protocols.add(p.asText()));
            assertTrue(protocols.containsAll(List.of("/meshsub/1.1.0", "/ipfs/id/1.0.0", "/ipfs/ping/1.0.0")), protocols.toString());
            assertEquals(h.listenAddrs().get(0).toString(), o.get("listen_addrs").get(0).asText());
            assertTrue(o.get("rtt_ms").asDouble() >= 0);
        }
    }

    @Test
    void probeOfAnotherNetworkIsOneJsonError() throws Exception {
        try (Libp2pHost h = TestHosts.start(system, (MAINNET_ID + "-8063").getBytes())) {
            Cli r = Cli.run("p2p", "probe", "--peer", TestHosts.dialAddress(h).toString(),
                    "--genesis-id", MAINNET_ID, "--effective-genesis", "8064", "--timeout", "5");
            assertEquals(2, r.exitCode());
            assertTrue(json(r.out()).get("error").asText().startsWith("cannot connect to"), r.out());
        }
    }

    @Test
    void badArgumentsAreOneJsonError() throws Exception {
        Cli r = Cli.run("p2p", "probe", "--peer", "/ip4/127.0.0.1/udp/1", "--genesis-id", MAINNET_ID, "--effective-genesis", "1");
        assertEquals(2, r.exitCode());
        assertTrue(json(r.out()).get("error").asText().contains("--peer"), r.out());
        Cli id = Cli.run("p2p", "probe", "--peer", "/ip4/127.0.0.1/tcp/1", "--genesis-id", "abcd", "--effective-genesis", "1");
        assertEquals(2, id.exitCode());
        assertTrue(json(id.out()).get("error").asText().contains("--genesis-id must be 20 bytes"), id.out());
        Cli missing = Cli.run("p2p", "probe", "--peer", "/ip4/127.0.0.1/tcp/1");
        assertEquals(2, missing.exitCode());
        assertTrue(json(missing.out()).has("error"));
    }

    @Test
    void benchPrintsItsFigures() throws Exception {
        Cli r = Cli.run("p2p", "bench", "--seconds", "2", "--size", "256", "--seen-ttl", "1", "--warmup", "1");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        JsonNode o = json(r.out());
        assertTrue(o.get("messages").asLong() > 0, r.out());
        assertTrue(o.get("wire_bytes_per_gossip_byte").asDouble() > 1.0, "framing and encryption cost something: " + r.out());
        assertTrue(o.has("heap") && o.get("heap_mb_after_gc").size() > 0, r.out());
    }
}
