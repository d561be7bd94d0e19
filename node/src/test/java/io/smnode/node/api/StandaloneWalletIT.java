package io.smnode.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.smnode.api.HeadlessChromium;
import io.smnode.core.util.Hex;
import io.smnode.testkit.NodeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spacemesh.v2alpha1.Layer;
import spacemesh.v2alpha1.LayerRequest;
import spacemesh.v2alpha1.LayerServiceGrpc;
import spacemesh.v2alpha1.Reward;
import spacemesh.v2alpha1.RewardRequest;
import spacemesh.v2alpha1.RewardServiceGrpc;
import spacemesh.v2alpha1.TransactionRequest;
import spacemesh.v2alpha1.TransactionResponse;
import spacemesh.v2alpha1.TransactionResult;
import spacemesh.v2alpha1.TransactionServiceGrpc;
import spacemesh.v2alpha1.TransactionState;

/**
 * The wallet against the packaged standalone node, in test mode (keys from a seed, a virtual clock from a fixed
 * genesis, 4 s layers, 8 an epoch): once the node's coinbase (its own wallet, {@code <data-dir>/wallet.key}) holds
 * rewards, {@code smnode wallet send} with that key spawns the coinbase's wallet and moves funds to a new address;
 * the transaction is in a block of an applied layer; {@code wallet balance} shows the receiver holding the amount
 * and the coinbase holding what it had, plus the rewards paid meanwhile, minus the amount and both fees;
 * TransactionService.List shows it (grpc-java, and the JSON gateway through curl); the status page, rendered in
 * headless Chromium, shows the node's layer and its blocks table filled with the node's latest blocks (a screenshot
 * in {@code node/target/status-page-node.png}).
 */
class StandaloneWalletIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP = Duration.ofSeconds(150);
    private static final long AMOUNT = 1_000_000;
    private static final Pattern COINBASE = Pattern.compile("coinbase address (\\S+)");
    private static final Pattern PUBLIC = Pattern.compile("API public listener on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern STATUS = Pattern.compile("API status listener on 127\\.0\\.0\\.1:(\\d+)");
    /** A row of the status page's blocks table: layer, status, the block id's first 12 hex digits. */
    private static final Pattern ROW = Pattern.compile("<tr><td>(\\d+)</td><td>\\w+</td><td><code>([0-9a-f]{12})");
    private static final Pattern GATEWAY = Pattern.compile("API json listener on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern REWARDED = Pattern.compile("layer (\\d+): hare \\d+ proposals, block \\w+ with \\d+"
            + " txs, rewards [1-9]\\d* to");

    @TempDir
    Path tmp;

    @Test
    void walletSendMovesFundsFromTheCoinbaseToANewAddressThroughARunningNode() throws Exception {
        Path data = tmp.resolve("node");
        try (NodeProcess node = NodeProcess.start("run", "--data-dir", data.toString(), "--preset", "standalone",
                "--set", "test.virtual-clock=true", "--set", "test.seed=wallet-it",
                "--set", "network.genesis-time=2026-01-01T00:00:00Z", "--set", "network.layer-duration=4s",
                "--set", "network.layers-per-epoch=8", "--set", "api.json.listen=127.0.0.1:0")) {
            String coinbase = group(COINBASE, node.awaitLine(l -> COINBASE.matcher(l).find(), STEP));
            String api = "127.0.0.1:" + group(PUBLIC, node.awaitLine(l -> PUBLIC.matcher(l).find(), STEP));
            String page = "http://127.0.0.1:" + group(STATUS, node.awaitLine(l -> STATUS.matcher(l).find(), STEP))
                    + "/";
            String gateway = "http://127.0.0.1:" + group(GATEWAY, node.awaitLine(l -> GATEWAY.matcher(l).find(),
                    STEP));
            node.awaitLine(l -> REWARDED.matcher(l).find(), STEP.multipliedBy(2));

            String fresh = wallet("new", "--out", tmp.resolve("fresh.key").toString(), "--hrp", "standalone")
                    .get("address").asText();
            JsonNode before = wallet("balance", "--address", coinbase, "--node", api);
            assertTrue(Long.parseLong(before.get("balance").asText()) > AMOUNT, "the coinbase was paid: " + before);
            assertEquals("", before.get("template").asText(), "the coinbase's wallet is not spawned yet");

            JsonNode sent = wallet("send", "--key", data.resolve("wallet.key").toString(), "--to", fresh,
                    "--amount", Long.toString(AMOUNT), "--node", api, "--wait", "2m");
            assertEquals("processed", sent.get("state").asText(), sent.toString());
            assertEquals("success", sent.get("status").asText(), sent.toString());
            assertTrue(sent.get("spawned").asBoolean(), sent.toString());
            assertEquals(coinbase, sent.get("principal").asText());
            long fees = Long.parseLong(sent.get("fee").asText())
                    + Long.parseLong(sent.get("spawn").get("fee").asText());
            assertTrue(fees > 0, sent.toString());

            JsonNode after = wallet("balance", "--address", coinbase, "--node", api);
            JsonNode received = wallet("balance", "--address", fresh, "--node", api);
            assertEquals(Long.toString(AMOUNT), received.get("balance").asText(), received.toString());
            ManagedChannel channel = ManagedChannelBuilder.forTarget(api).usePlaintext().build();
            try {
                long rewards = rewards(channel, coinbase, before.get("layer").asLong() + 1,
                        after.get("layer").asLong());
                assertEquals(Long.parseLong(before.get("balance").asText()) + rewards - AMOUNT - fees,
                        Long.parseLong(after.get("balance").asText()), "the coinbase " + before + " -> " + after
                                + ", rewards meanwhile " + rewards + ", fees " + fees);
                assertFalse(after.get("template").asText().isEmpty(), "spawned: " + after);

                TransactionResponse listed = listed(channel, sent.get("id").asText());
                assertEquals(TransactionState.TRANSACTION_STATE_PROCESSED, listed.getTxState());
                assertEquals(TransactionResult.Status.TRANSACTION_STATUS_SUCCESS, listed.getTxResult().getStatus());
                assertTrue(listed.getTxResult().getTouchedAddressesList().contains(fresh), listed.toString());
                int layer = listed.getTxResult().getLayer();
                assertEquals(listed.getTxResult().getBlock(), layer(channel, layer).getBlock().getId(),
                        "the transaction's block is the layer's applied block");
                curlListsTheTransaction(gateway, sent.get("id").asText(), layer);

                HeadlessChromium browser = HeadlessChromium.require();
                String dom = browser.dom(page);
                assertTrue(HeadlessChromium.shownLayer(dom) >= layer, dom);
                // The page shows the latest layers (the transaction's may have scrolled off on a slow machine): each
                // row's block is the one LayerService lists for that layer.
                Matcher row = ROW.matcher(HeadlessChromium.blocksTable(dom));
                int rows = 0;
                for (; row.find(); rows++) {
                    int shown = Integer.parseInt(row.group(1));
                    assertTrue(rows > 0 || shown >= layer, "the latest applied layer first: " + row.group());
                    assertTrue(Hex.encode(layer(channel, shown).getBlock().getId().toByteArray())
                            .startsWith(row.group(2)), "layer " + shown + "'s block: " + row.group());
                }
                assertTrue(rows > 0, "the blocks table is filled: " + dom);
                browser.screenshot(page, Path.of("target", "status-page-node.png"));
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            node.terminate();
            node.waitFor(STEP);
        }
    }

    private static Layer layer(ManagedChannel channel, int layer) {
        return LayerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .list(LayerRequest.newBuilder().setStartLayer(layer).setEndLayer(layer).setLimit(1).build())
                .getLayers(0);
    }

    /** The JSON gateway, asked with curl, lists the transaction as executed in {@code layer}. */
    private static void curlListsTheTransaction(String gateway, String id, int layer) throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v curl").start().waitFor() != 0) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("curl is not installed, and CI must run the JSON gateway check "
                        + "(.ci/run installs it)");
            }
            System.err.println("StandaloneWalletIT: curl is not installed; the JSON gateway check is skipped");
            return;
        }
        String request = "{\"txid\": [\"" + Base64.getEncoder().encodeToString(Hex.decode(id))
                + "\"], \"includeState\": true, \"includeResult\": true, \"limit\": \"10\"}";
        Process curl = new ProcessBuilder("curl", "-s", "-X", "POST", "-H", "Content-Type: application/json",
                "-d", request, gateway + "/spacemesh.v2alpha1.TransactionService/List")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String body = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, curl.waitFor(), body);
        JsonNode tx = JSON.readTree(body).get("transactions").get(0);
        assertEquals(Base64.getEncoder().encodeToString(Hex.decode(id)), tx.get("tx").get("id").asText(), body);
        assertEquals("TRANSACTION_STATE_PROCESSED", tx.get("txState").asText(), body);
        assertEquals(layer, tx.get("txResult").get("layer").asInt(), body);
    }

    /** What the coinbase was paid in layers {@code from} to {@code to}. */
    private static long rewards(ManagedChannel channel, String coinbase, long from, long to) {
        long sum = 0;
        if (from > to) {
            return 0;
        }
        for (Reward r : RewardServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .list(RewardRequest.newBuilder().setCoinbase(coinbase).setStartLayer((int) from)
                        .setEndLayer((int) to).setLimit(100).build()).getRewardsList()) {
            sum += r.getTotal();
        }
        return sum;
    }

    private static TransactionResponse listed(ManagedChannel channel, String id) {
        List<TransactionResponse> list = TransactionServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .list(TransactionRequest.newBuilder().addTxid(ByteString.copyFrom(Hex.decode(id)))
                        .setIncludeState(true).setIncludeResult(true).setLimit(10).build()).getTransactionsList();
        assertEquals(1, list.size(), "TransactionService.List of " + id + ": " + list);
        return list.get(0);
    }

    /** {@code smnode wallet ...} in its own process: its one JSON object, exit code 0. */
    private static JsonNode wallet(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("wallet"));
        all.addAll(List.of(args));
        try (NodeProcess wallet = NodeProcess.start(all.toArray(String[]::new))) {
            assertEquals(0, wallet.waitFor(STEP), wallet.output());
            String out = wallet.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
                    () -> new AssertionError("no JSON from wallet " + List.of(args) + ": " + wallet.output()));
            return JSON.readTree(out);
        }
    }

    private static String group(Pattern p, String line) {
        Matcher m = p.matcher(line);
        assertTrue(m.find(), line);
        return m.group(1);
    }
}
