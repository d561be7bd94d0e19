package io.smnode.tortoise;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.tortoise.trace.Tracer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tortoise (spec 05): events in, per-layer decisions out. Deterministic and single-threaded: no clock, no
 * randomness, no I/O; callers serialize access. Mirrors the reference's inputs (OnAtx, OnBeacon, DecodeBallot /
 * StoreBallot, OnBlock, OnHareOutput, OnWeakCoin, OnMalfeasance, TallyVotes, EncodeVotes, Updates, OnApplied).
 * With a {@link Tracer}, every call is recorded as one JSON line that {@code TraceReplayer} can replay.
 */
public final class Tortoise {
    private final Turtle turtle;
    private final BallotIntake intake;
    private final VoteEncoder encoder;
    private final Tracer tracer;

    public Tortoise(TortoiseConfig config) {
        this(config, null);
    }

    /** A tortoise that records every call to {@code tracer} (null: no trace). */
    public Tortoise(TortoiseConfig config, Tracer tracer) {
        this.turtle = new Turtle(Objects.requireNonNull(config, "config"));
        this.intake = new BallotIntake(turtle);
        this.encoder = new VoteEncoder(turtle);
        this.tracer = tracer;
        if (tracer != null) {
            tracer.config(config);
        }
    }

    /** An ATX targeting {@code target}: adds its weight (unless its smesher is malicious) and makes it referenceable. */
    public void onAtx(EpochId target, AtxId id, AtxInfo atx) {
        turtle.onAtx(target.value(), id, atx);
        if (tracer != null) {
            tracer.atx(target.value(), id, atx);
        }
    }

    public void onBeacon(EpochId epoch, Bytes beacon) {
        turtle.onBeacon(epoch.value(), beacon);
        if (tracer != null) {
            tracer.beacon(epoch.value(), beacon);
        }
    }

    /** From now on the smesher's ballots weigh nothing and its ATXs add no epoch weight. */
    public void onMalfeasance(NodeId node) {
        turtle.onMalfeasance(node);
        if (tracer != null) {
            tracer.malfeasance(node);
        }
    }

    public void onWeakCoin(LayerId layer, boolean coin) {
        turtle.onWeakCoin(layer.value(), coin);
        if (tracer != null) {
            tracer.weakCoin(layer, coin);
        }
    }

    /** The block's contents are available locally. */
    public void onBlock(BlockHeader header) {
        turtle.onBlock(header, true, false);
        if (tracer != null) {
            tracer.block(header);
        }
    }

    /**
     * Blocks of {@code layer} restored from storage (checkpoint or restart): stored valid and invalid blocks, and the
     * stored hare output if any. Blocks already known are left as they are.
     */
    public void onRecoveredBlocks(LayerId layer, List<BlockHeader> valid, List<BlockHeader> invalid,
            Optional<BlockId> hare) {
        turtle.onRecoveredBlocks(layer.value(), List.copyOf(valid), List.copyOf(invalid), hare);
        if (tracer != null) {
            tracer.recoveredBlocks(layer, valid, invalid, hare);
        }
    }

    /** Hare output (or a synced certificate) for the layer; {@link BlockId#ZERO} means the layer is empty. */
    public void onHareOutput(LayerId layer, BlockId block) {
        turtle.onHareOutput(layer.value(), block);
        if (tracer != null) {
            tracer.hare(layer, block);
        }
    }

    /** Decodes the ballot's votes against its base and checks them against its signed opinion hash. */
    public DecodeResult decodeBallot(BallotInput ballot) {
        DecodeResult result = intake.decode(ballot);
        if (tracer != null) {
            tracer.decodeBallot(ballot, result);
        }
        return result;
    }

    /** Stores and (if its layer is processed) counts a decoded ballot; refuses a ballot stored before. */
    public Optional<Rejection> storeBallot(DecodedBallot ballot) {
        Optional<Rejection> result = intake.store(ballot);
        if (tracer != null) {
            tracer.storeBallot(ballot.input().id(), ballot.input().malicious(), result);
        }
        return result;
    }

    /** {@link #decodeBallot} then {@link #storeBallot}. */
    public Optional<Rejection> onBallot(BallotInput ballot) {
        DecodeResult decoded = decodeBallot(ballot);
        if (decoded instanceof DecodeResult.Rejected r) {
            return Optional.of(r.rejection());
        }
        return storeBallot(((DecodeResult.Decoded) decoded).ballot());
    }

    /** Processes layers up to {@code last} and verifies what it can. */
    public void tallyVotes(LayerId last) {
        turtle.tallyVotes(last.value());
        if (tracer != null) {
            tracer.tally(last);
        }
    }

    /** Votes for an own ballot in the layer after the last one tallied. */
    public EncodeResult encodeVotes() {
        return encodeVotes(LayerId.of(turtle.s.last + 1));
    }

    /** Votes for an own ballot in layer {@code current}. */
    public EncodeResult encodeVotes(LayerId current) {
        EncodeResult result = encoder.encode(current.value());
        if (tracer != null) {
            tracer.encodeVotes(current, result);
        }
        return result;
    }

    /** Layers from the lowest changed one up to the last processed one, for the mesh to apply or revert. */
    public List<LayerUpdate> updates() {
        List<LayerUpdate> result = turtle.pending == 0 ? List.of() : turtle.results(turtle.pending, turtle.s.processed);
        if (tracer != null) {
            tracer.updates(result);
        }
        return result;
    }

    /** The mesh applied the layer with this opinion; true when it is ours, which lets pending (and eviction) move on. */
    public boolean onApplied(LayerId layer, Hash32 opinion) {
        boolean result = turtle.onApplied(layer.value(), opinion);
        if (tracer != null) {
            tracer.applied(layer, opinion, result);
        }
        return result;
    }

    /** The highest contiguous verified layer. */
    public LayerId latestComplete() {
        LayerId result = LayerId.of(turtle.s.verified);
        if (tracer != null) {
            tracer.latestComplete(result);
        }
        return result;
    }

    public Mode mode() {
        Mode result = turtle.isFull ? Mode.FULL : Mode.VERIFYING;
        if (tracer != null) {
            tracer.mode(result);
        }
        return result;
    }

    /**
     * Starts from a checkpoint: {@code layer} is taken as verified with the given opinion chained on {@code prev};
     * ballots and blocks of the following layers are then fed as usual.
     */
    public void recoverFrom(LayerId layer, Hash32 opinion, Hash32 prev) {
        long l = layer.value();
        if (l <= turtle.config.effectiveGenesis()) {
            throw new IllegalArgumentException("recovery layer " + l + " must be after effective genesis");
        }
        TortoiseState s = turtle.s;
        s.evicted = l - 1;
        turtle.pending = l;
        s.verified = l;
        s.processed = l - 1;
        s.last = l;
        s.clearLayers();
        LayerInfo info = s.layer(l);
        // The checkpoint layer was decided (the reference reuses its terminated genesis layer object here).
        info.hareTerminated = true;
        info.opinion.value = opinion;
        info.prevOpinion = new OpinionCell(prev);
        if (tracer != null) {
            tracer.recoverFrom(layer, opinion, prev);
        }
    }
}
