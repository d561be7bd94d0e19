package io.smnode.p2p.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.PeerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GossipRouterTest {
    private record Sent(PeerId to, Rpc rpc) {}

    private final List<Sent> sent = new ArrayList<>();
    private final List<Bytes> validating = new ArrayList<>();
    private final List<PeerId> disconnected = new ArrayList<>();
    private final List<Verdict> decided = new ArrayList<>();
    private final GossipRouter router = new GossipRouter(GossipParams.SPACEMESH, new Random(1), new GossipRouter.Actions() {
        @Override
        public void send(PeerId to, Rpc rpc) {
            sent.add(new Sent(to, rpc));
        }

        @Override
        public void validate(PeerId from, Bytes msgId, Rpc.Message msg) {
            validating.add(msgId);
        }

        @Override
        public void disconnect(PeerId peer, String reason) {
            disconnected.add(peer);
        }

        @Override
        public void decided(PeerId from, String topic, Bytes msgId, Verdict verdict) {
            decided.add(verdict);
        }
    });

    private static PeerId peer(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        return HostKey.fromSeed(seed).peerId();
    }

    private List<PeerId> peersOn(String topic, int n) {
        List<PeerId> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            PeerId p = peer(i);
            router.addPeer(p, true);
            router.onRpc(p, Rpc.subscriptions(List.of(new Rpc.SubOpts(true, topic))), 0);
            out.add(p);
        }
        return out;
    }

    private long count(PeerId to, java.util.function.Predicate<Rpc> what) {
        return sent.stream().filter(s -> s.to.equals(to) && what.test(s.rpc)).count();
    }

    @Test
    void theMessageIdIsBlake3OfTopicAndData() {
        assertEquals("75948423b0118976b2be7058026035f364f4106fa4cd72e9f60a19e543bf15c7",
                GossipRouter.messageId("tx1", Bytes.wrap("hello".getBytes())).hex());
    }

    @Test
    void joiningGraftsDPeersAndHeartbeatsKeepTheMeshWithinBounds() {
        List<PeerId> peers = peersOn("ax1", 12);
        router.join("ax1", 0);
        assertEquals(6, router.meshPeers("ax1").size());
        for (PeerId p : router.meshPeers("ax1")) {
            assertEquals(1, count(p, r -> !r.control().graft().isEmpty()));
        }
        // Everyone grafts us: the mesh goes above Dhi and the heartbeat prunes it back to D.
        for (PeerId p : peers) {
            router.onRpc(p, Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft("ax1")), List.of(), List.of())), 10);
        }
        assertEquals(12, router.meshPeers("ax1").size(), "outbound peers may graft beyond Dhi");
        router.heartbeat(1000);
        assertEquals(6, router.meshPeers("ax1").size());
    }

    @Test
    void aGraftDuringBackoffIsPrunedAndPenalised() {
        List<PeerId> peers = peersOn("ax1", 1);
        router.join("ax1", 0);
        PeerId p = peers.get(0);
        router.onRpc(p, Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(), List.of(new Rpc.Prune("ax1", List.of(), Optional.of(60L))), List.of())), 1);
        assertFalse(router.meshPeers("ax1").contains(p));
        router.heartbeat(1000);
        assertFalse(router.meshPeers("ax1").contains(p), "no regraft during the peer's backoff");
        sent.clear();
        // Now the peer ignores the backoff we set when pruning it ourselves.
        router.leave("ax1", 2000);
        router.join("ax1", 2001);
        for (int i = 0; i < 10; i++) {
            router.onRpc(p, Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft("ax1")), List.of(), List.of())), 2002);
        }
        assertTrue(count(p, r -> !r.control().prune().isEmpty()) >= 10);
        assertTrue(router.score(p, 2003) < 0, "P7 behaviour penalty beyond the threshold of 6");
    }

    @Test
    void acceptedMessagesGoToTheMeshExceptTheirSender() {
        List<PeerId> peers = peersOn("tx1", 3);
        router.join("tx1", 0);
        PeerId from = peers.get(0);
        Rpc.Message m = Rpc.Message.unsigned("tx1", Bytes.ofHex("0102"));
        router.onRpc(from, Rpc.messages(List.of(m)), 5);
        router.onRpc(peers.get(1), Rpc.messages(List.of(m)), 6);
        assertEquals(1, validating.size(), "a message in validation is not validated twice");
        sent.clear();
        router.onVerdict(validating.get(0), Verdict.accept(), 7);
        assertEquals(List.of(peers.get(2)), sent.stream().map(Sent::to).toList(),
                "forwarded to the mesh, not to the two peers that sent it");
        router.onRpc(peers.get(2), Rpc.messages(List.of(m)), 8);
        assertEquals(1, validating.size(), "seen");
    }

    @Test
    void aRejectPenalisesAndDisconnectsTheSender() {
        List<PeerId> peers = peersOn("ax1", 2);
        router.join("ax1", 0);
        router.onRpc(peers.get(0), Rpc.messages(List.of(Rpc.Message.unsigned("ax1", Bytes.ofHex("ff")))), 1);
        sent.clear();
        router.onVerdict(validating.get(0), Verdict.reject(CommonRule.MALFORMED, "bad"), 2);
        assertTrue(sent.isEmpty(), "never forwarded");
        assertEquals(List.of(peers.get(0)), disconnected);
        double score = router.score(peers.get(0), 2);
        assertTrue(score < -99 && score > -101, "topic weight 0.1 x -1000 x 1^2 (plus a tiny time-in-mesh), got " + score);
    }

    @Test
    void strictNoSignRejectsMessagesWithAuthorFields() {
        List<PeerId> peers = peersOn("tx1", 1);
        router.join("tx1", 0);
        Rpc.Message signed = new Rpc.Message(Optional.of(Bytes.ofHex("00")), Bytes.ofHex("01"), Optional.of(Bytes.ofHex("02")),
                "tx1", Optional.of(Bytes.ofHex("03")), Optional.empty());
        router.onRpc(peers.get(0), Rpc.messages(List.of(signed)), 1);
        assertTrue(validating.isEmpty());
        assertTrue(decided.get(0).rejected());
        assertEquals(PubsubRule.UNEXPECTED_AUTH, decided.get(0).ruleOrNull());
    }

    @Test
    void ihaveAsksForUnseenIdsAndIwantIsServedFromTheCache() {
        List<PeerId> peers = peersOn("tx1", 2);
        router.join("tx1", 0);
        Bytes known = router.publish("tx1", Bytes.ofHex("0a"), 1).orElseThrow();
        Bytes unknown = GossipRouter.messageId("tx1", Bytes.ofHex("0b"));
        sent.clear();
        router.onRpc(peers.get(0), Rpc.control(new Rpc.Control(List.of(new Rpc.IHave("tx1", List.of(known, unknown))),
                List.of(), List.of(), List.of(), List.of())), 2);
        assertEquals(List.of(unknown), sent.get(0).rpc().control().iwant().get(0).messageIds());
        sent.clear();
        router.onRpc(peers.get(1), Rpc.control(new Rpc.Control(List.of(), List.of(new Rpc.IWant(List.of(known))),
                List.of(), List.of(), List.of())), 3);
        assertEquals(Bytes.ofHex("0a"), sent.get(0).rpc().publish().get(0).data());
    }

    @Test
    void heartbeatsGossipIhaveToPeersOutsideTheMesh() {
        peersOn("tx1", 12);
        router.join("tx1", 0);
        Bytes id = router.publish("tx1", Bytes.ofHex("0c"), 1).orElseThrow();
        sent.clear();
        router.heartbeat(1000);
        long ihaves = sent.stream().filter(s -> s.rpc.control().ihave().stream()
                .anyMatch(h -> h.messageIds().contains(id))).count();
        assertEquals(6, ihaves, "Dlazy = 8 candidates wanted, 6 peers outside the mesh of 6");
        for (Sent s : sent) {
            if (!s.rpc.control().ihave().isEmpty()) {
                assertFalse(router.meshPeers("tx1").contains(s.to));
            }
        }
    }

    @Test
    void publishingToATopicNotJoinedUsesFanout() {
        List<PeerId> peers = peersOn("pp1", 3);
        router.publish("pp1", Bytes.ofHex("01"), 0);
        assertEquals(3, sent.stream().filter(s -> !s.rpc.publish().isEmpty()).count());
        assertTrue(router.publish("pp1", Bytes.ofHex("01"), 1).isEmpty(), "a duplicate is not sent again");
        assertTrue(peers.size() == 3);
    }
}
