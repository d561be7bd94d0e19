package io.smnode.node.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxVersions;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.poet.FetchedPoetProof;
import io.smnode.poet.PoetProofMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fetching the PoET proof an ATX names ({@code hs/1}, hint {@code POETDB}) from the peer that served the ATX: the
 * proof of poet.json's mainnet-sized case is kept and whoever waited goes on; a served message that is not the proof
 * asked for, or does not verify, drops the peer and keeps nothing.
 */
class PoetProofFetchTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:10:00Z"), ZoneOffset.UTC);
    private static final PoetProofMessage PROOF = SyncAtxs.vectorProof();
    private static final Hash32 REF = PROOF.proof().ref();

    private final SyncPeers net = new SyncPeers(CLOCK);
    private final StoredPoetProofs nodeProofs = new StoredPoetProofs(net.nodeStore);
    private final PoetProofFetch fetch = new PoetProofFetch(net.node, net.fetcher, new AtxDecoder(AtxVersions.v1Only()),
            nodeProofs, net.kit.spawn(StorageActor.create(net.nodeStore)), net.kit.scheduler(), CLOCK);
    private final Bytes atx = SyncAtxs.bytes(SyncAtxs.atx(1, 2, SyncAtxs.GOLDEN, Optional.of(REF)));
    private final AtomicInteger wentOn = new AtomicInteger();

    @AfterEach
    void close() {
        net.close();
    }

    private void serve(PoetProofMessage served) {
        net.peerStore.write(WriteBatch.builder().put(AtxTables.POET_MESSAGES, REF, SyncAtxs.encode(served)).build());
    }

    @Test
    void theProofAnAtxNamesIsFetchedByItsReferenceKeptAndWhatWaitedGoesOn() throws Exception {
        assertTrue(FetchedPoetProof.judge(SyncAtxs.encode(PROOF), REF).verdict().accepted(), "the vector verifies");
        net.peerStore.write(StoredPoetProofs.keep(PROOF));
        fetch.fetchFor(atx, net.peerId, wentOn::incrementAndGet);
        SyncPeers.await("the waiting judgement to go on", () -> wentOn.get() == 1);
        assertEquals(Optional.of(PROOF), nodeProofs.message(REF), "kept as served");
        assertEquals(1, fetch.kept());
        assertTrue(net.connected());
        List<FetchMessages.HashRequest> asked = net.requests("hs/1").stream().flatMap(r -> {
            try {
                return FetchMessages.decodeRequestBatch(r.toByteArray()).requests().stream();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(List.of(new FetchMessages.HashRequest("POETDB", Bytes.of(REF.toByteArray()))), asked);
    }

    @Test
    void aProofThatDoesNotVerifyDropsThePeerAndIsNotKept() throws Exception {
        // The same proof claimed for another statement: its reference is the one asked for, its work is not.
        serve(new PoetProofMessage(PROOF.proof(), PROOF.poetServiceId(), PROOF.roundId(),
                Hash32.of(new byte[32]), PROOF.signature()));
        fetch.fetchFor(atx, net.peerId, wentOn::incrementAndGet);
        SyncPeers.await("the peer dropped", () -> !net.connected());
        assertTrue(nodeProofs.leafCount(REF).isEmpty());
        assertEquals(0, wentOn.get());
        assertEquals(0, fetch.kept());
    }

    @Test
    void anotherProofThanTheOneAskedForDropsThePeer() throws Exception {
        PoetProofMessage other = new PoetProofMessage(SyncAtxs.poetProof("proof/challenge_this/37/T5"),
                PROOF.poetServiceId(), PROOF.roundId(), PROOF.statement(), PROOF.signature());
        assertNotEquals(REF, other.proof().ref());
        serve(other);
        fetch.fetchFor(atx, net.peerId, wentOn::incrementAndGet);
        SyncPeers.await("the peer dropped", () -> !net.connected());
        assertTrue(nodeProofs.leafCount(REF).isEmpty());
        assertTrue(nodeProofs.leafCount(other.proof().ref()).isEmpty());
        assertEquals(0, wentOn.get());
    }

    @Test
    void aProofAlreadyKeptIsNotFetchedAndWhatWaitedGoesOnAtOnce() {
        net.nodeStore.write(StoredPoetProofs.keep(PROOF));
        fetch.fetchFor(atx, net.peerId, wentOn::incrementAndGet);
        assertEquals(1, wentOn.get());
        assertEquals(0, net.fetcher.pending());
    }

    @Test
    void bytesThatAreNoAtxFetchNothing() {
        fetch.fetchFor(Bytes.ofHex("0102"), net.peerId, wentOn::incrementAndGet);
        assertEquals(0, wentOn.get());
        assertEquals(0, net.fetcher.pending());
        assertFalse(net.requests.stream().anyMatch(r -> r.protocol().equals("hs/1")));
    }
}
