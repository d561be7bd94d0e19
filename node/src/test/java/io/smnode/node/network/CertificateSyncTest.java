package io.smnode.node.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.actors.consensus.ConsensusActor;
import io.smnode.core.codec.Scale;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.block.Certificate;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.persistence.Store;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.mesh.MeshTables;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Certificate sync: for each layer of the last {@value CertificateSync#SYNC_CERT_DISTANCE} without hare output or
 * certificate on the node, the peer's opinion ({@code lp/2}) names the certified block and the peer's certificate of
 * it goes to the consensus component; a certificate it rejects drops the peer.
 */
class CertificateSyncTest {
    /** Two epochs of 10 layers: the first layer after it is 20. */
    private static final long EFFECTIVE_GENESIS = 19;

    private final SyncPeers net = new SyncPeers(Clock.systemUTC());
    private final TestProbe<ConsensusActor.Command> consensus = net.kit.createTestProbe(ConsensusActor.Command.class);
    private final CertificateSync sync = new CertificateSync(net.node, new StoreMeshReads(net.nodeStore),
            consensus.getRef(), net.kit.scheduler(), new Random(1), EFFECTIVE_GENESIS);

    @AfterEach
    void close() {
        net.close();
    }

    private static Certificate certificate(long layer) {
        byte[] id = new byte[BlockId.LENGTH];
        Arrays.fill(id, (byte) layer);
        return new Certificate(BlockId.of(id), List.of());
    }

    private static void certify(Store store, long... layers) {
        WriteBatch.Builder b = WriteBatch.builder();
        for (long l : layers) {
            b.put(MeshTables.CERTIFICATES, l, certificate(l));
        }
        store.write(b.build());
    }

    private ConsensusActor.SyncCertificate received() {
        return consensus.expectMessageClass(ConsensusActor.SyncCertificate.class, Duration.ofSeconds(5));
    }

    /** The layers the peer was asked for an opinion (no block) and for a certificate (a block). */
    private Set<Long> asked(boolean forCertificate) {
        Set<Long> out = new TreeSet<>();
        for (Bytes r : net.requests("lp/2")) {
            try {
                FetchMessages.OpinionRequest req = FetchMessages.decodeOpinionRequest(r.toByteArray());
                if (req.block().isPresent() == forCertificate) {
                    out.add(req.layer());
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    @Test
    void theLayersOfTheLastTenWithoutCertificateOrHareOutputGetThePeersCertificate() throws Exception {
        certify(net.peerStore, 30, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44);
        certify(net.nodeStore, 40);
        net.nodeStore.write(WriteBatch.builder().put(MeshTables.HARE_OUTPUTS, 41L, new MeshRecord.HareOutputRecord(
                LayerId.of(41), List.of(), certificate(41).blockId())).build());
        // Now layer 45; ballots are in up to 43: layers 35 to 43, less 40 (certified) and 41 (hare output here).
        sync.run(45, 43);
        List<Long> got = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ConsensusActor.SyncCertificate c = received();
            long layer = c.layer().value();
            assertEquals(Bytes.wrap(Scale.encode(Certificate.CODEC, certificate(layer))), c.certificate(),
                    "the peer's certificate of layer " + layer);
            got.add(layer);
            c.replyTo().tell(Verdict.accept());
        }
        assertEquals(List.of(35L, 36L, 37L, 38L, 39L, 42L, 43L), got.stream().sorted().toList());
        SyncPeers.await("seven adopted", () -> sync.adopted() == 7);
        assertEquals(new TreeSet<>(got), asked(false), "no opinion asked of other layers");
        assertEquals(new TreeSet<>(got), asked(true));
        assertTrue(net.connected());
    }

    @Test
    void aLayerThePeerHasNoCertificateOfGoesNoFurther() throws Exception {
        certify(net.peerStore, 21);
        sync.run(22, 21);
        assertEquals(21, received().layer().value());
        consensus.expectNoMessage(Duration.ofMillis(200));
        assertEquals(Set.of(20L, 21L), asked(false));
        assertEquals(Set.of(21L), asked(true), "layer 20's opinion named no certified block");
    }

    @Test
    void aCertificateTheBlockComponentRejectsDropsThePeer() throws Exception {
        certify(net.peerStore, 20);
        sync.run(21, 20);
        received().replyTo().tell(Verdict.reject(CommonRule.MALFORMED, "not signed by the committee"));
        SyncPeers.await("the peer dropped", () -> !net.connected());
        assertEquals(0, sync.adopted());
    }

    @Test
    void aLayerBeingAskedIsNotAskedTwiceAndOneNotAdoptedIsAskedAgainNextRound() throws Exception {
        certify(net.peerStore, 20);
        sync.run(21, 20);
        ConsensusActor.SyncCertificate first = received();
        sync.run(21, 20);
        consensus.expectNoMessage(Duration.ofMillis(200));
        assertEquals(2, net.requests("lp/2").size(), "one opinion and one certificate request");
        first.replyTo().tell(Verdict.ignore(CommonRule.NOT_NOW, "its block is not here yet"));
        SyncPeers.await("the layer asked again", () -> {
            sync.run(21, 20);
            return net.requests("lp/2").size() > 2;
        });
        assertEquals(20, received().layer().value());
    }
}
