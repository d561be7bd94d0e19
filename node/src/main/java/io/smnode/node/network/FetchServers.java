package io.smnode.node.network;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.EpochActiveSet;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.p2p.identity.PeerId;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.LmdbAtxReads;
import io.smnode.persistence.atx.LmdbAtxStore;
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
 * message), {@code activeset} (an {@code EpochActiveSet}, also on {@code as/1}); unknown hashes are left out, as the
 * reference does), {@code ax/1} the ids of the ATXs published in an epoch and {@code ld/1} the ballot
 * ids of a layer. Admission, rate limits and timeouts are the host's ({@code ServerLimits.SPACEMESH}).
 */
public final class FetchServers {
    private final StoreMeshReads mesh;
    private final LmdbAtxStore atxs;
    private final LmdbAtxReads atxReads;
    private final StoredPoetProofs poets;
    private final Executor blocking;

    public FetchServers(Store store, Executor blocking) {
        this.mesh = new StoreMeshReads(store);
        this.atxs = new LmdbAtxStore(store);
        this.atxReads = new LmdbAtxReads(store);
        this.poets = new StoredPoetProofs(store);
        this.blocking = blocking;
    }

    public void serve(P2pHost host) {
        host.serve("hs/1", this::hashes);
        // The reference asks for active sets on as/1 first (falling back to hs/1): the same batches, one hash each.
        host.serve("as/1", this::hashes);
        host.serve("ax/1", this::epochAtxs);
        host.serve("ld/1", this::layerBallots);
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
        } else if (hint.equals(Hint.ACTIVE_SET.wireName())) {
            return mesh.activeSetRecord(Hash32.of(h)).map(a -> Bytes.wrap(Scale.encode(EpochActiveSet.CODEC, a)));
        }
        return Optional.empty();
    }

    CompletionStage<Bytes> epochAtxs(PeerId peer, Bytes request) {
        return CompletableFuture.supplyAsync(() -> {
            long epoch = decode(() -> FetchMessages.readU32(request.toByteArray()));
            // Published in epoch e = targeting e + 1.
            List<Bytes> ids = atxReads.targeting(EpochId.of(epoch + 1)).stream()
                    .map(a -> Bytes.of(a.id().toByteArray())).sorted().toList();
            return Bytes.wrap(FetchMessages.encodeIds(ids, 32, FetchMessages.MAX_EPOCH_ATXS));
        }, blocking);
    }

    CompletionStage<Bytes> layerBallots(PeerId peer, Bytes request) {
        return CompletableFuture.supplyAsync(() -> {
            long layer = decode(() -> FetchMessages.readU32(request.toByteArray()));
            List<Bytes> ids = mesh.ballotsIn(LayerId.of(layer)).stream()
                    .map(b -> Bytes.of(b.ballot().id().toByteArray())).toList();
            return Bytes.wrap(FetchMessages.encodeIds(ids, 20, FetchMessages.MAX_LAYER_BALLOTS));
        }, blocking);
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
