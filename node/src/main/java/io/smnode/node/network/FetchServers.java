package io.smnode.node.network;

import io.smnode.activation.v2.VerifyChoices;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.p2p.identity.PeerId;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.LmdbAtxReads;
import io.smnode.persistence.atx.LmdbAtxStore;
import io.smnode.persistence.atx.LmdbEquivocationSetStore;
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
 * ({@code ballotDB}, {@code blocksDB}, {@code proposalDB}, {@code ATXDB}, {@code TXDB}; unknown hashes are left
 * out, as the reference does), {@code ax/1} the ids of the ATXs published in an epoch, {@code ld/1} the ballot
 * ids of a layer and {@code ml/2} the identities malfeasance v2 made malicious (spec 11 §6.1). Admission, rate limits and timeouts are the host's ({@code ServerLimits.SPACEMESH}).
 */
public final class FetchServers {
    private final StoreMeshReads mesh;
    private final LmdbAtxStore atxs;
    private final LmdbAtxReads atxReads;
    private final LmdbEquivocationSetStore sets;
    private final Executor blocking;

    public FetchServers(Store store, Executor blocking) {
        this.mesh = new StoreMeshReads(store);
        this.atxs = new LmdbAtxStore(store);
        this.atxReads = new LmdbAtxReads(store);
        this.sets = new LmdbEquivocationSetStore(store);
        this.blocking = blocking;
    }

    public void serve(P2pHost host) {
        host.serve("hs/1", this::hashes);
        host.serve("ax/1", this::epochAtxs);
        host.serve("ld/1", this::layerBallots);
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
