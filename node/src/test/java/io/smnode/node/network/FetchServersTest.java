package io.smnode.node.network;

import io.smnode.activation.marriage.MaliciousMark;
import io.smnode.activation.marriage.SetChange;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.atx.LmdbEquivocationSetStore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.block.Certificate;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.MerkleProof;
import io.smnode.poet.PoetProof;
import io.smnode.poet.RoundProof;
import io.smnode.core.types.TxId;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.mesh.MeshTables;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    void hsAnswersAPoetProofByItsReferenceAsTheKeptMessageAndAnActiveSetAsEpochActiveSet() throws Exception {
        List<Bytes> members = List.of(hash(5), hash(6));
        RoundProof round = new RoundProof(4, new PoetProof(new MerkleProof(MembershipTree.root(members),
                List.of(hash(7)), List.of()), 9), members);
        Bytes poetKey = hash(8);
        List<AtxId> set = List.of(AtxId.of(hash(11).toByteArray()), AtxId.of(hash(10).toByteArray()));
        MeshRecord.ActiveSetRecord activeSet = new MeshRecord.ActiveSetRecord(EpochId.of(3), set);
        store.write(StoredPoetProofs.keep(round, poetKey));
        store.write(WriteBatch.builder().put(MeshTables.ACTIVE_SETS, activeSet.id(), activeSet).build());
        Bytes ref = Bytes.of(round.proof().ref().toByteArray());
        Bytes setId = Bytes.of(activeSet.id().toByteArray());
        FetchMessages.RequestBatch batch = FetchMessages.batch(List.of(
                new FetchMessages.HashRequest("POETDB", ref),
                new FetchMessages.HashRequest("activeset", setId),
                new FetchMessages.HashRequest("POETDB", hash(1)),
                new FetchMessages.HashRequest("activeset", hash(2))));
        FetchMessages.ResponseBatch r = FetchMessages.decodeResponseBatch(servers.hashes(null,
                Bytes.wrap(FetchMessages.encode(batch))).toCompletableFuture().join().toByteArray());
        // PoetProofMessage: root, proven leaves, proof nodes, LeafCount (compact), service id, round id "4",
        // statement, empty signature.
        String root = MembershipTree.root(members).hex();
        Bytes message = Bytes.ofHex("80" + root + "04" + "80" + hash(7).hex() + "00" + "24" + "80" + poetKey.hex()
                + "0434" + root + "00".repeat(64));
        // EpochActiveSet{Epoch (compact), Set (compact count, ids ascending as stored)}.
        List<AtxId> sorted = set.stream().sorted().toList();
        Bytes epochSet = Bytes.ofHex("0c" + "08" + sorted.get(0).hex() + sorted.get(1).hex());
        assertEquals(List.of(new FetchMessages.HashResponse(ref, message),
                new FetchMessages.HashResponse(setId, epochSet)), r.responses());
        assertTrue(FetchedIds.matches(Hint.ACTIVE_SET, setId, epochSet), "the served set hashes to its id");
        assertFalse(FetchedIds.matches(Hint.ACTIVE_SET, hash(2), epochSet), "and to no other");
    }

    @Test
    void lpAnswersTheLayerOpinionAndTheCertificateOfItsBlock() throws Exception {
        BlockId block = BlockId.of(Arrays.copyOf(hash(20).toByteArray(), 20));
        Hash32 meshHash = Hash32.of(hash(21).toByteArray());
        store.write(WriteBatch.builder()
                .put(MeshTables.LAYERS, 19L, new AppliedLayer(LayerId.of(19), block, Hash32.of(hash(22).toByteArray()),
                        Optional.of(meshHash), true))
                .put(MeshTables.CERTIFICATES, 20L, new Certificate(block, List.of())).build());
        // OpinionRequest{Layer compact, Block option}: layer 20 = 0x50, no block.
        Bytes opinion = servers.layerOpinion(null, Bytes.ofHex("5000")).toCompletableFuture().join();
        // LayerOpinion{PrevAggHash (layer 19's mesh hash), Certified Some(block)}.
        assertEquals(Bytes.ofHex(meshHash.hex() + "01" + block.hex()), opinion);
        assertEquals(new FetchMessages.LayerOpinion(Bytes.of(meshHash.toByteArray()),
                Optional.of(Bytes.of(block.toByteArray()))), FetchMessages.decodeLayerOpinion(opinion.toByteArray()));
        // A layer without certificate and whose previous layer is not applied: a zero hash and no block.
        assertEquals(Bytes.ofHex("00".repeat(32) + "00"), servers.layerOpinion(null, Bytes.ofHex("5400"))
                .toCompletableFuture().join());
        // With the block: its Certificate{BlockID, Signatures (none here)}; another block's: empty.
        assertEquals(Bytes.ofHex(block.hex() + "00"), servers.layerOpinion(null, Bytes.ofHex("5001" + block.hex()))
                .toCompletableFuture().join());
        assertEquals(Bytes.EMPTY, servers.layerOpinion(null, Bytes.ofHex("5001" + "11".repeat(20)))
                .toCompletableFuture().join());
        assertThrows(CompletionException.class, () -> servers.layerOpinion(null, Bytes.ofHex("5401" + block.hex()))
                .toCompletableFuture().join(), "no certificate of layer 21");
        assertThrows(CompletionException.class, () -> servers.layerOpinion(null, Bytes.ofHex("5002"))
                .toCompletableFuture().join(), "an option flag of 2");
    }

    @Test
    void mhAnswersTheMeshHashesOfEveryStepAndTheLastLayerAndRefusesWhatItCannotAnswer() throws Exception {
        WriteBatch.Builder b = WriteBatch.builder();
        for (int l = 10; l <= 20; l++) {
            b.put(MeshTables.LAYERS, (long) l, new AppliedLayer(LayerId.of(l), BlockId.ZERO,
                    Hash32.of(hash(l).toByteArray()), Optional.of(Hash32.of(hash(100 + l).toByteArray())), true));
        }
        store.write(b.build());
        // MeshHashRequest{From 10, To 17, Step 3} (compact): layers 10, 13, 16 and 17.
        Bytes answer = servers.meshHashes(null, Bytes.ofHex("28" + "44" + "0c")).toCompletableFuture().join();
        assertEquals(Bytes.ofHex("10" + hash(110).hex() + hash(113).hex() + hash(116).hex() + hash(117).hex()),
                answer);
        assertEquals(new FetchMessages.MeshHashRequest(10, 17, 3), FetchMessages.decodeMeshHashRequest(
                FetchMessages.encode(new FetchMessages.MeshHashRequest(10, 17, 3))));
        for (String bad : List.of("284400", "44280c", "28" + "4403" + "04", "28" + "54" + "04")) {
            // A zero step, to before from, more than 100 layers (10..209), a layer not applied (21).
            assertThrows(CompletionException.class, () -> servers.meshHashes(null, Bytes.ofHex(bad))
                    .toCompletableFuture().join(), bad);
        }
    }

    @Test
    void mlAnswersTheMaliciousIdentities() {
        NodeId offender = NodeId.of(hash(30).toByteArray());
        assertEquals(Bytes.ofHex("00"), servers.maliciousIds(null, Bytes.ofHex("00")).toCompletableFuture().join());
        store.write(WriteBatch.builder().put(MeshTables.MALFEASANCE, offender, new MeshRecord.MalfeasanceRecord(
                offender, Bytes.ofHex("0102"), LayerId.of(20))).build());
        assertEquals(Bytes.ofHex("04" + offender.hex()), servers.maliciousIds(null, Bytes.ofHex("00"))
                .toCompletableFuture().join());
    }

    @Test
    void emptyEpochsAndLayersAreOneZeroByteAndGarbageIsAnError() {
        assertArrayEquals(new byte[] {0}, servers.epochAtxs(null, Bytes.wrap(FetchMessages.epochOrLayer(3)))
                .toCompletableFuture().join().toByteArray());
        assertArrayEquals(new byte[] {0}, servers.layerBallots(null, Bytes.wrap(FetchMessages.epochOrLayer(20)))
                .toCompletableFuture().join().toByteArray());
        CompletionException e = assertThrows(CompletionException.class, () -> servers.layerBallots(null,
                Bytes.wrap(new byte[] {4, 9})).toCompletableFuture().join());
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
