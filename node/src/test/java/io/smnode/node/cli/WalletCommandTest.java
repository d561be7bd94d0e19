package io.smnode.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.api.ApiFixture;
import io.smnode.api.MeshHistory;
import io.smnode.core.address.AddressCodec;
import io.smnode.core.util.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wallet commands against a node's API (an API server over a consensus store the VM fills; each accepted
 * submission is applied in the next layer, as the mesh would): keys, send (with the spawn of a new wallet),
 * balances, receipts, and the one-line errors.
 */
class WalletCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private ApiFixture api;
    private MeshHistory history;
    private String node;

    @BeforeEach
    void start() {
        api = new ApiFixture();
        history = new MeshHistory(api);
        api.onAccepted = tx -> history.applyNext(List.of(tx));
        api.status.syncing = false;
        node = "127.0.0.1:" + api.port("public");
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void sendMovesFundsAndBalancesShowAmountAndFee() throws Exception {
        JsonNode made = ok("wallet", "new", "--out", tmp.resolve("new.key").toString(), "--hrp", "standalone");
        String fresh = made.get("address").asText();
        assertEquals(fresh, ok("wallet", "address", "--key", tmp.resolve("new.key").toString(), "--hrp",
                "standalone").get("address").asText());

        Path funded = tmp.resolve("funded.key");
        Files.writeString(funded, Hex.encode(MeshHistory.filled(32, 7))); // the history's genesis wallet
        String from = AddressCodec.encode(history.principal, "standalone");
        long before = Long.parseLong(ok("wallet", "balance", "--address", from, "--node", node).get("balance")
                .asText());

        JsonNode sent = ok("wallet", "send", "--key", funded.toString(), "--to", fresh, "--amount", "5000000",
                "--node", node);
        assertEquals("processed", sent.get("state").asText());
        assertEquals("success", sent.get("status").asText());
        assertEquals(false, sent.get("spawned").asBoolean(), "the history's wallet is spawned");
        long fee = Long.parseLong(sent.get("fee").asText());
        assertTrue(fee > 0);
        assertEquals(before - 5_000_000 - fee, Long.parseLong(ok("wallet", "balance", "--address", from, "--node",
                node).get("balance").asText()));
        assertEquals("5000000", ok("wallet", "balance", "--address", fresh, "--node", node).get("balance").asText());

        JsonNode tx = ok("wallet", "tx", "--id", sent.get("id").asText(), "--node", node);
        assertEquals("success", tx.get("status").asText());
        assertEquals(sent.get("layer").asLong(), tx.get("layer").asLong());

        JsonNode back = ok("wallet", "send", "--key", tmp.resolve("new.key").toString(), "--to", from, "--amount",
                "1000", "--node", node);
        assertTrue(back.get("spawned").asBoolean(), "a new wallet spawns itself first");
        assertEquals("success", back.get("status").asText());
        JsonNode after = ok("wallet", "balance", "--address", fresh, "--node", node);
        assertEquals("2", after.get("nonce").asText(), "spawn and spend");
        assertTrue(after.get("template").asText().startsWith("standalone1"));
    }

    @Test
    void failuresAreOneJsonErrorWithExitTwo() throws Exception {
        assertTrue(error("wallet", "balance", "--address", "sm1notthisnetwork", "--node", node)
                .startsWith("node " + node + " answered INVALID_ARGUMENT"));
        assertTrue(error("wallet", "balance", "--address", "x", "--node", "nohostport").contains("HOST:PORT"));
        Path key = tmp.resolve("k");
        ok("wallet", "new", "--out", key.toString());
        assertTrue(error("wallet", "new", "--out", key.toString()).contains("never overwritten"));
        assertTrue(error("wallet", "address", "--key", tmp.resolve("missing").toString()).startsWith("no key file"));
        assertTrue(error("wallet", "tx", "--id", "00".repeat(32), "--node", node).contains("knows no transaction"));
        api.status.syncing = true;
        assertTrue(error("wallet", "send", "--key", key.toString(), "--to", AddressCodec.encode(history.principal,
                "standalone"), "--amount", "1", "--node", node).contains("not in sync"));
    }

    private static JsonNode ok(String... args) throws Exception {
        Cli r = Cli.run(args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + ": " + r.out() + r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        return JSON.readTree(r.out());
    }

    private static String error(String... args) throws Exception {
        Cli r = Cli.run(args);
        assertEquals(2, r.exitCode(), () -> String.join(" ", args) + ": " + r.out());
        JsonNode n = JSON.readTree(r.out());
        assertEquals(1, n.size(), r.out());
        return n.get("error").asText();
    }
}
