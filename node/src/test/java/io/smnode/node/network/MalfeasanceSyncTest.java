package io.smnode.node.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.smnode.actors.gossip.GossipPort;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.malfeasance.MalfeasanceProofs;
import io.smnode.mesh.malfeasance.MultipleBallotsProof;
import io.smnode.mesh.malfeasance.SignedBallotMetadata;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.mesh.proposal.BallotMetadata;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.mesh.MeshTables;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Malfeasance sync against a peer that serves {@code ml/1} and {@code hs/1} from its store through the node's real
 * {@link FetchServers}: the proof of each identity it lists and this node does not know is fetched and handed to the
 * malfeasance component as {@code mp1} gossip; a proof that does not prove the identity asked for drops the peer.
 */
class MalfeasanceSyncTest {
    private static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    private static final EdSigner OFFENDER = EdSigner.fromSeed(Hex.decode("42".repeat(32)), PREFIX);

    private final SyncPeers peers = new SyncPeers(Clock.systemUTC());
    private final TestProbe<GossipPort.Command> gossip = peers.kit.createTestProbe();
    /** {@code hs/1} requests the proof-holding peer was sent. */
    private final AtomicInteger hashRequests = new AtomicInteger();

    @AfterEach
    void close() {
        peers.close();
    }

    /** A double-ballot proof against {@link #OFFENDER}; {@code second} 1 gives the same ballot twice (invalid). */
    private static Bytes proof(int second) {
        LayerId layer = LayerId.of(9);
        BallotMetadata a = new BallotMetadata(layer, Hash32.ofHex("01".repeat(32)));
        BallotMetadata b = new BallotMetadata(layer, Hash32.ofHex(String.format("%02x", second).repeat(32)));
        return Bytes.wrap(new MultipleBallotsProof(layer,
                new SignedBallotMetadata(a, OFFENDER.nodeId(), OFFENDER.sign(Domain.BALLOT, a.encode())),
                new SignedBallotMetadata(b, OFFENDER.nodeId(), OFFENDER.sign(Domain.BALLOT, b.encode()))).encode());
    }

    /** The peer holds {@code proof} against {@code listed}, and serves ml/1 and hs/1. */
    private MalfeasanceSync peerHolding(NodeId listed, Bytes proof) {
        peers.peerStore.write(WriteBatch.builder().put(MeshTables.MALFEASANCE, listed,
                new MeshRecord.MalfeasanceRecord(listed, proof, LayerId.of(20))).build());
        FetchServers servers = new FetchServers(peers.peerStore, peers.blocking);
        peers.node.connect(2, Map.of("ml/1", servers::maliciousIds, "hs/1", (from, request) -> {
            hashRequests.incrementAndGet();
            return servers.hashes(from, request);
        }));
        return new MalfeasanceSync(peers.node, peers.fetcher, new StoreMeshReads(peers.nodeStore), gossip.ref(),
                peers.kit.scheduler(), new EdVerifier(PREFIX), peers.blocking, Clock.systemUTC(), new Random(3),
                Duration.ofMinutes(30));
    }

    @Test
    void theProofOfAListedIdentityIsFetchedAndJudgedAsGossip() throws Exception {
        Bytes proof = proof(2);
        MalfeasanceSync sync = peerHolding(OFFENDER.nodeId(), proof);
        peers.node.disconnect(peers.peerId); // only the peer holding the proof
        sync.run().get();

        GossipPort.Receive received = gossip.expectMessageClass(GossipPort.Receive.class, Duration.ofSeconds(10));
        assertEquals(Topic.MALFEASANCE, received.topic());
        assertEquals(MalfeasanceProofs.gossip(proof), received.bytes(), "the served proof in its mp1 envelope");
        received.replyTo().tell(Verdict.ACCEPT);
        SyncPeers.await("the proof counted", () -> sync.fetched() == 1);

        sync.run().get(); // not due again for 30 minutes: nothing listed, nothing fetched
        gossip.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void aProofThatDoesNotProveTheListedIdentityDropsThePeer() throws Exception {
        MalfeasanceSync sync = peerHolding(OFFENDER.nodeId(), proof(1)); // the same ballot twice proves nothing
        peers.node.disconnect(peers.peerId);
        assertEquals(1, peers.node.peers().size());
        sync.run().get();
        SyncPeers.await("the serving peer dropped", () -> peers.node.peers().isEmpty());
        gossip.expectNoMessage(Duration.ofMillis(200));
        assertEquals(0, sync.fetched());
    }

    @Test
    void anIdentityAlreadyKnownMaliciousIsNotFetched() throws Exception {
        Bytes proof = proof(2);
        peers.nodeStore.write(WriteBatch.builder().put(MeshTables.MALFEASANCE, OFFENDER.nodeId(),
                new MeshRecord.MalfeasanceRecord(OFFENDER.nodeId(), proof, LayerId.of(20))).build());
        MalfeasanceSync sync = peerHolding(OFFENDER.nodeId(), proof);
        peers.node.disconnect(peers.peerId);
        sync.run().get();
        gossip.expectNoMessage(Duration.ofMillis(300));
        assertFalse(peers.node.peers().isEmpty());
        assertEquals(0, hashRequests.get(), "no proof asked for");
    }
}
