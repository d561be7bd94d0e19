package io.smnode.node.network;

import io.smnode.activation.marriage.MaliciousMark;
import io.smnode.activation.marriage.SetChange;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.atx.LmdbEquivocationSetStore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.TxId;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.mesh.MeshTables;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The fetch servers answer from the store: what it holds by hint, nothing for what it lacks, errors for garbage. */
class FetchServersTest {
    private final InMemoryStore store = InMemoryStore.open(NodeSchema.SCHEMA);
    private final FetchServers servers = new FetchServers(store, Runnable::run);

    private static Bytes hash(int i) {
        return Bytes.of(Blake3.hash(new byte[] {(byte) i}).toByteArray());
    }

    @Test
    void hsAnswersTheStoredAtxBlobAndTransactionAndLeavesOutWhatItLacks() throws Exception {
        Bytes atx = Bytes.wrap(new byte[] {1, 2, 3});
        Bytes tx = Bytes.wrap(new byte[] {9, 8});
        store.write(WriteBatch.builder()
                .put(AtxTables.ATX_BLOBS, AtxId.of(hash(1).toByteArray()), atx)
                .put(MeshTables.TXS, TxId.of(hash(2).toByteArray()), tx).build());
        FetchMessages.RequestBatch batch = FetchMessages.batch(List.of(
                new FetchMessages.HashRequest("ATXDB", hash(1)),
                new FetchMessages.HashRequest("TXDB", hash(2)),
                new FetchMessages.HashRequest("ATXDB", hash(3)),
                new FetchMessages.HashRequest("ballotDB", hash(4)),
                new FetchMessages.HashRequest("no-such-db", hash(1))));
        Bytes answer = servers.hashes(null, Bytes.wrap(FetchMessages.encode(batch))).toCompletableFuture().join();
        FetchMessages.ResponseBatch r = FetchMessages.decodeResponseBatch(answer.toByteArray());
        assertEquals(batch.id(), r.id(), "the answer names the batch");
        assertEquals(List.of(new FetchMessages.HashResponse(hash(1), atx), new FetchMessages.HashResponse(hash(2), tx)),
                r.responses());
    }

    @Test
    void emptyEpochsAndLayersAreOneZeroByteAndGarbageIsAnError() {
        assertArrayEquals(new byte[] {0}, servers.epochAtxs(null, Bytes.wrap(FetchMessages.u32(3)))
                .toCompletableFuture().join().toByteArray());
        assertArrayEquals(new byte[] {0}, servers.layerBallots(null, Bytes.wrap(FetchMessages.u32(20)))
                .toCompletableFuture().join().toByteArray());
        CompletionException e = assertThrows(CompletionException.class, () -> servers.layerBallots(null,
                Bytes.wrap(new byte[] {1, 2})).toCompletableFuture().join());
        assertTrue(e.getCause().getMessage().startsWith("malformed request"), e.getMessage());
        assertThrows(CompletionException.class, () -> servers.hashes(null, Bytes.wrap(new byte[] {7}))
                .toCompletableFuture().join());
    }

    @Test
    void ml2AnswersTheIdentitiesMalfeasanceV2MadeMaliciousAscending() throws Exception {
        assertArrayEquals(new byte[] {0}, servers.maliciousV2(null, Bytes.wrap(new byte[] {0})).toCompletableFuture()
                .join().toByteArray(), "none yet: an empty MaliciousIDs");
        NodeId second = NodeId.of(hash(2).toByteArray());
        NodeId first = NodeId.of(hash(1).toByteArray());
        List<NodeId> ascending = java.util.stream.Stream.of(first, second)
                .sorted(java.util.Comparator.comparing(NodeId::hex)).toList();
        new LmdbEquivocationSetStore(store).apply(new SetChange(List.of(), List.of(), List.of(
                new SetChange.Marked(ascending.get(1), new MaliciousMark(1, Bytes.wrap(new byte[] {5}))),
                new SetChange.Marked(ascending.get(0), MaliciousMark.THROUGH_SET))));
        Bytes answer = servers.maliciousV2(null, Bytes.wrap(new byte[] {0})).toCompletableFuture().join();
        assertEquals(ascending.stream().map(id -> Bytes.of(id.toByteArray())).toList(),
                FetchMessages.decodeIds(answer.toByteArray(), 32, FetchMessages.MAX_MALICIOUS_IDS));
    }
}
