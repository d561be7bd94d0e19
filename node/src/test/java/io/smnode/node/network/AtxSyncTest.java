package io.smnode.node.network;

import static io.smnode.node.network.SyncAtxs.atx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxVersions;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Hash32;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.atx.LmdbAtxStore;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.poet.PoetProofMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ATX sync between two real hosts: the node lists each epoch's ATXs on the peer ({@code ax/1}, served from the
 * peer's store), fetches what it lacks ({@code hs/1}) for the ATX handler, and counts as ATX-synced only once a
 * listing finds every ATX stored.
 */
class AtxSyncTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    /** 10 s layers, 10 an epoch; now is layer 30, the first of epoch 3. */
    private static final LayerClock LAYERS = new LayerClock(GENESIS, Duration.ofSeconds(10), 10);
    private static final Clock CLOCK = Clock.fixed(GENESIS.plusSeconds(305), ZoneOffset.UTC);

    private final SyncPeers net = new SyncPeers(CLOCK);
    private final SyncAtxs.Handler handler = new SyncAtxs.Handler(net.nodeStore);
    private final LmdbAtxStore nodeAtxs = new LmdbAtxStore(net.nodeStore);
    private final PoetProofFetch poets = new PoetProofFetch(net.node, net.fetcher, new AtxDecoder(AtxVersions.v1Only()),
            new StoredPoetProofs(net.nodeStore), net.kit.spawn(StorageActor.create(net.nodeStore)),
            net.kit.scheduler(), CLOCK);
    private final AtxSync sync = new AtxSync(net.node, net.fetcher, nodeAtxs, LAYERS, CLOCK,
            net.kit.spawn(handler.behavior()), net.kit.scheduler(), net.blocking, new Random(1), poets);

    @AfterEach
    void close() {
        net.close();
    }

    private void round() throws Exception {
        sync.run().get(10, TimeUnit.SECONDS);
    }

    /** The epochs the node asked the peer to list, in order. */
    private List<Long> listed() {
        return net.requests("ax/1").stream().map(r -> {
            try {
                return FetchMessages.readEpochOrLayer(r.toByteArray());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).sorted().toList();
    }

    private boolean stored(ActivationTxV1 atx) {
        return nodeAtxs.contains(atx.id());
    }

    @Test
    void aNodeListsEveryEpochFetchesWhatItLacksAndIsSyncedOnceAListingFindsAllStored() throws Exception {
        List<ActivationTxV1> published = List.of(atx(1, 0), atx(2, 1), atx(3, 2), atx(4, 3), atx(5, 3));
        published.forEach(a -> SyncAtxs.store(net.peerStore, a));
        round();
        assertEquals(List.of(0L, 1L, 2L, 3L), listed(), "every epoch up to the current one");
        assertFalse(sync.atxSynced(), "that listing found ATXs missing");
        SyncPeers.await("every ATX stored", () -> published.stream().allMatch(this::stored));
        round();
        assertTrue(sync.atxSynced(), "a listing found every ATX stored");
        published.forEach(a -> assertEquals(1, handler.judged(a), "each ATX fetched and judged once"));
    }

    @Test
    void onceSyncedTheNodeListsThePreviousAndCurrentEpochsAndFetchesNewAtxs() throws Exception {
        SyncAtxs.store(net.peerStore, atx(1, 1));
        round();
        SyncPeers.await("the ATX", () -> stored(atx(1, 1)));
        round();
        assertTrue(sync.atxSynced());
        net.requests.clear();
        ActivationTxV1 late = atx(2, 3);
        SyncAtxs.store(net.peerStore, late);
        round();
        assertEquals(List.of(2L, 3L), listed());
        SyncPeers.await("the ATX published in the current epoch", () -> stored(late));
    }

    @Test
    void aRoundStillRunningIsNotOverlapped() throws Exception {
        CompletableFuture<Void> first = sync.run();
        CompletableFuture<Void> second = sync.run();
        first.get(10, TimeUnit.SECONDS);
        assertTrue(second.isDone(), "the second call started no round");
        assertEquals(List.of(0L, 1L, 2L, 3L), listed(), "each epoch listed once");
    }

    @Test
    void anAtxWaitingForItsPositioningAtxIsJudgedAgainOnceThatIsStored() throws Exception {
        ActivationTxV1 positioning = atx(1, 1);
        ActivationTxV1 waiting = atx(2, 2, positioning.id(), Optional.empty());
        SyncAtxs.store(net.peerStore, waiting);
        round();
        SyncPeers.await("the waiting ATX judged", () -> handler.judged(waiting) == 1);
        assertFalse(stored(waiting), "its positioning ATX is unknown");
        // The peer no longer lists it: only the wait can bring it back.
        net.peerStore.write(WriteBatch.builder().delete(AtxTables.ATX_HEADERS, waiting.id()).build());
        SyncAtxs.store(net.peerStore, positioning);
        round();
        SyncPeers.await("the waiting ATX stored after its positioning ATX", () -> stored(waiting));
        assertTrue(stored(positioning));
        assertEquals(2, handler.judged(waiting), "judged again, not fetched again");
    }

    @Test
    void anAtxNamingAPoetProofTheNodeLacksHasTheProofFetchedFirst() throws Exception {
        PoetProofMessage proof = SyncAtxs.vectorProof();
        Hash32 ref = proof.proof().ref();
        ActivationTxV1 atx = atx(3, 2, SyncAtxs.GOLDEN, Optional.of(ref));
        SyncAtxs.store(net.peerStore, atx);
        net.peerStore.write(StoredPoetProofs.keep(proof));
        round();
        SyncPeers.await("the ATX stored", () -> stored(atx));
        assertEquals(proof.proof().leafCount(), new StoredPoetProofs(net.nodeStore).leafCount(ref).getAsLong(),
                "the proof kept");
        assertEquals(1, poets.kept());
        assertEquals(2, handler.judged(atx), "judged, then judged again with its proof");
    }

    @Test
    void aPeerServingAnInvalidAtxIsDisconnected() throws Exception {
        ActivationTxV1 listed = atx(1, 1);
        ActivationTxV1 other = atx(2, 1);
        SyncAtxs.store(net.peerStore, listed);
        // It serves another ATX's bytes under the listed id.
        net.peerStore.write(WriteBatch.builder().put(AtxTables.ATX_BLOBS, listed.id(), SyncAtxs.bytes(other))
                .build());
        round();
        SyncPeers.await("the peer dropped", () -> !net.connected());
        assertFalse(stored(listed));
        assertFalse(stored(other));
        assertFalse(sync.atxSynced());
    }

    @Test
    void anAtxNobodyServesValidHoldsTheNodeBackOnlyAFewRoundsAndItsEpochIsListedAgain() throws Exception {
        ActivationTxV1 orphan = atx(7, 1, atx(8, 0).id(), Optional.empty());
        SyncAtxs.store(net.peerStore, orphan);
        round();
        assertFalse(sync.atxSynced());
        int rounds = 1;
        while (!sync.atxSynced() && rounds < 10) {
            round();
            rounds++;
        }
        assertTrue(sync.atxSynced(), "synced all the same after " + rounds + " complete listings");
        assertTrue(rounds > 2, "not at once: " + rounds);
        assertFalse(stored(orphan));
        net.requests.clear();
        round();
        assertEquals(List.of(1L, 2L, 3L), listed(), "the epoch still missing an ATX, then the previous and current");
    }
}
