package io.smnode.node.network;

import io.smnode.activation.v2.VerifyChoices;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.block.Certificate;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.EpochActiveSet;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.p2p.identity.PeerId;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.LmdbAtxReads;
import io.smnode.persistence.atx.LmdbAtxStore;
import io.smnode.persistence.atx.LmdbEquivocationSetStore;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The server side of the fetch protocols a syncing peer needs (spec 07 §3), answered from LMDB reads (any thread,
 * one snapshot each) on a blocking executor: {@code hs/1} objects by hash for every hint the node stores
 * ({@code ballotDB}, {@code blocksDB}, {@code proposalDB}, {@code ATXDB}, {@code TXDB}, {@code POETDB} (the PoET proof
 * message), {@code malfeasance} (the proof against a node id), {@code activeset} (an {@code EpochActiveSet}, also on {@code as/1}); unknown hashes are left out, as the
 * reference does), {@code ax/1} the ids of the ATXs published in an epoch, {@code ld/1} the ballot
 * ids of a layer, {@code lp/2} a layer's opinion or a block's certificate, {@code mh/1} mesh hashes of a layer range,
 * {@code ml/1} the malicious identities and {@code ml/2} those malfeasance v2 made malicious (spec 11 §6.1).
 * Admission, rate limits and timeouts are the host's ({@code ServerLimits.SPACEMESH}).
 */
public final class FetchServers {
    private final StoreMeshReads mesh;
    private final LmdbAtxStore atxs;
    private final LmdbAtxReads atxReads;
    private final LmdbEquivocationSetStore sets;
    private final StoredPoetProofs poets;
    private final Executor blocking;

    public FetchServers(Store store, Executor blocking) {
        this.mesh = new StoreMeshReads(store);
        this.atxs = new LmdbAtxStore(store);
        this.atxReads = new LmdbAtxReads(store);
        this.sets = new LmdbEquivocationSetStore(store);
        this.poets = new StoredPoetProofs(store);
        this.blocking = blocking;
    }

    public void serve(P2pHost host) {
        host.serve("hs/1", this::hashes);
        // The reference asks for active sets on as/1 first (falling back to hs/1): the same batches, one hash each.
        host.serve("as/1", this::hashes);
        host.serve("ax/1", this::epochAtxs);
        host.serve("ld/1", this::layerBallots);
        host.serve("lp/2", this::layerOpinion);
        host.serve("mh/1", this::meshHashes);
        host.serve("ml/1", this::maliciousIds);
        host.serve("ml/2", this::maliciousV2);
    }

    CompletionStage<Bytes> hashes(PeerId peer, Bytes request) {
        return CompletableFuture.supplyAsync(() -> {
            FetchMessages.RequestBatch batch = decode(() -> FetchMessages.decodeRequestBatch(request.toByteArray()));
            List<FetchMessages.HashResponse> out = new ArrayList<>();
            for (FetchMessages.HashRequest r : batch.requests()) {
                lookup(r.hint(), r.hash()).ifPresent(data -> out.add(new FetchMessages.HashResponse(r.hash(), data)));
            }
            return Bytes.wrap(FetchMessages.encode(new FetchMessages.ResponseBatch(batch.id(), out)));
        }, blocking);
    }

    /** The stored bytes of one object, as it was gossiped; empty when this node does not have it. */
    Optional<Bytes> lookup(String hint, Bytes hash32) {
        byte[] h = hash32.toByteArray();
        byte[] id20 = Arrays.copyOf(h, 20);
        if (hint.equals(Hint.BALLOT.wireName())) {
            return mesh.ballot(BallotId.of(id20)).map(b -> Bytes.wrap(Scale.encode(Ballot.CODEC, b)));
        } else if (hint.equals(Hint.PROPOSAL.wireName())) {
            return mesh.proposal(ProposalId.of(id20)).map(p -> Bytes.wrap(Scale.encode(Proposal.CODEC, p)));
        } else if (hint.equals(Hint.BLOCK.wireName())) {
            return mesh.block(BlockId.of(id20)).map(b -> Bytes.wrap(Scale.encode(Block.CODEC, b)));
        } else if (hint.equals(Hint.ATX.wireName())) {
            return atxs.blob(AtxId.of(h));
        } else if (hint.equals(Hint.TX.wireName())) {
            return mesh.tx(TxId.of(h));
        } else if (hint.equals(Hint.POET.wireName())) {
            return poets.messageBytes(Hash32.of(h));
        } else if (hint.equals(Hint.MALFEASANCE.wireName())) {
            return mesh.malfeasance(NodeId.of(h)).map(MeshRecord.MalfeasanceRecord::proof);
        } else if (hint.equals(Hint.ACTIVE_SET.wireName())) {
            return mesh.activeSetRecord(Hash32.of(h)).map(a -> Bytes.wrap(Scale.encode(EpochActiveSet.CODEC, a)));
        }
        return Optional.empty();
    }

    CompletionStage<Bytes> epochAtxs(PeerId peer, Bytes request) {
        return CompletableFuture.supplyAsync(() -> {
            long epoch = decode(() -> FetchMessages.readEpochOrLayer(request.toByteArray()));
            // Published in epoch e = targeting e + 1.
            List<Bytes> ids = atxReads.targeting(EpochId.of(epoch + 1)).stream()
                    .map(a -> Bytes.of(a.id().toByteArray())).sorted().toList();
            return Bytes.wrap(FetchMessages.encodeIds(ids, 32, FetchMessages.MAX_EPOCH_ATXS));
        }, blocking);
    }

    CompletionStage<Bytes> layerBallots(PeerId peer, Bytes request) {
        return CompletableFuture.supplyAsync(() -> {
            long layer = decode(() -> FetchMessages.readEpochOrLayer(request.toByteArray()));
            List<Bytes> ids = mesh.ballotsIn(LayerId.of(layer)).stream()
                    .map(b -> Bytes.of(b.ballot().id().toByteArray())).toList();
            return Bytes.wrap(FetchMessages.encodeIds(ids, 20, FetchMessages.MAX_LAYER_BALLOTS));
        }, blocking);
    }

    /**
     * {@code ml/2}: every identity a malfeasance v2 proof marked (the accused and the members of its marriage set),
     * whatever the request holds (the reference's {@code ml/1} sends an empty body). The answer is {@code ml/1}'s
     * {@code MaliciousIDs}, ascending ([VERIFY] {@link VerifyChoices#ML2_ANSWERS_MALICIOUS_IDS}).
     */
    CompletionStage<Bytes> maliciousV2(PeerId peer, Bytes request) {
        return CompletableFuture.supplyAsync(() -> {
            List<Bytes> ids = sets.maliciousIdentities().stream().map(id -> Bytes.of(id.toByteArray())).sorted()
                    .toList();
            return Bytes.wrap(FetchMessages.encodeIds(ids, 32, FetchMessages.MAX_MALICIOUS_IDS));
        }, blocking);
    }

    /**
     * {@code lp/2}: without a block, the layer's {@code LayerOpinion} (the mesh hash of the layer before, zero when
     * this node has none, and the layer's certified block); with a block, that block's {@code Certificate}, an
     * empty answer when the layer's certificate is another block's, an error when the layer has none (as the
     * reference's {@code handleCertReq}).
     */
    CompletionStage<Bytes> layerOpinion(PeerId peer, Bytes request) {
        return CompletableFuture.supplyAsync(() -> {
            FetchMessages.OpinionRequest req = decode(() -> FetchMessages.decodeOpinionRequest(request.toByteArray()));
            LayerId layer = LayerId.of(req.layer());
            Optional<Certificate> cert = mesh.certificate(layer);
            if (req.block().isPresent()) {
                BlockId block = BlockId.of(req.block().get().toByteArray());
                if (cert.isEmpty()) {
                    throw new IllegalArgumentException("not found: no certificate of layer " + req.layer());
                }
                return cert.filter(c -> c.blockId().equals(block))
                        .map(c -> Bytes.wrap(Scale.encode(Certificate.CODEC, c))).orElse(Bytes.EMPTY);
            }
            Hash32 prev = req.layer() == 0 ? Hash32.ZERO : mesh.layer(LayerId.of(req.layer() - 1))
                    .flatMap(AppliedLayer::meshHash).orElse(Hash32.ZERO);
            return Bytes.wrap(FetchMessages.encode(new FetchMessages.LayerOpinion(Bytes.of(prev.toByteArray()),
                    cert.map(c -> Bytes.of(c.blockId().toByteArray())))));
        }, blocking);
    }

    /**
     * {@code mh/1}: the mesh hashes of layers {@code from}, {@code from + step}, ... and {@code to}; a request for
     * more than 100 layers, with a zero step or {@code to} before {@code from} is malformed, and one naming a layer
     * this node has not applied fails (the reference answers "not found").
     */
    CompletionStage<Bytes> meshHashes(PeerId peer, Bytes request) {
        return CompletableFuture.supplyAsync(() -> {
            FetchMessages.MeshHashRequest req = decode(() -> FetchMessages.decodeMeshHashRequest(
                    request.toByteArray()));
            if (req.step() == 0 || req.to() < req.from() || req.count() > FetchMessages.MAX_HASHES_IN_REQUEST) {
                throw new IllegalArgumentException("malformed request: mesh hashes from " + req.from() + " to "
                        + req.to() + " by " + req.step());
            }
            List<Bytes> hashes = new ArrayList<>();
            for (long l = req.from(); l <= req.to(); l = l == req.to() ? l + 1 : Math.min(l + req.step(), req.to())) {
                long layer = l;
                Hash32 h = mesh.layer(LayerId.of(layer)).flatMap(AppliedLayer::meshHash).orElseThrow(() ->
                        new IllegalArgumentException("not found: the mesh hash of layer " + layer));
                hashes.add(Bytes.of(h.toByteArray()));
            }
            return Bytes.wrap(FetchMessages.encodeIds(hashes, 32, FetchMessages.MAX_MESH_HASHES));
        }, blocking);
    }

    /** {@code ml/1}: the ids of the identities this node holds a malfeasance proof against (the body is ignored). */
    CompletionStage<Bytes> maliciousIds(PeerId peer, Bytes request) {
        return CompletableFuture.supplyAsync(() -> Bytes.wrap(FetchMessages.encodeIds(mesh.malfeasance().stream()
                .map(m -> Bytes.of(m.offender().toByteArray())).sorted().toList(), 32,
                FetchMessages.MAX_MALICIOUS_IDS)), blocking);
    }

    private interface Decoder<T> {
        T get() throws ScaleException;
    }

    /** A malformed request fails the stage: the host answers {@code Response{error}}. */
    private static <T> T decode(Decoder<T> d) {
        try {
            return d.get();
        } catch (ScaleException e) {
            throw new IllegalArgumentException("malformed request: " + e.getMessage(), e);
        }
    }
}
