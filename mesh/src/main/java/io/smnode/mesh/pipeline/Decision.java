package io.smnode.mesh.pipeline;

import io.smnode.core.types.Beacon;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.block.BlockMetadata;
import io.smnode.mesh.block.ValidityUpdate;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a coordinator decided: the driver (an actor, or the simulator) carries each out. The first six are effects
 * on the outside world; the rest are hand-overs between coordinators, each naming the coordinator method that takes
 * it (in a node, a message to the actor that owns that coordinator). {@link LocalPipeline} routes them all in one
 * thread and is the reference for what goes where.
 */
public sealed interface Decision {

    /** Gossip {@code bytes} on {@code topic}. Pubsub also delivers it to this node's own intake of the topic. */
    record Publish(Topic topic, Bytes bytes) implements Decision {
        public Publish {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** Store the record (one atomic batch) before anything that depends on it is announced. */
    record Persist(MeshRecord record) implements Decision {
        public Persist {
            Objects.requireNonNull(record, "record");
        }
    }

    /** Fire {@code timer} at {@code at} (the same timer asked again replaces nothing: each ask fires once). */
    record Schedule(Timer timer, Instant at) implements Decision {
        public Schedule {
            Objects.requireNonNull(timer, "timer");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Ask peers for the object {@code id} of kind {@code hint}; hand what arrives to the intake of its kind. */
    record Fetch(Hint hint, Bytes id) implements Decision {
        public Fetch {
            Objects.requireNonNull(hint, "hint");
            Objects.requireNonNull(id, "id");
        }
    }

    /** Treat the identity as malicious everywhere from now on (every coordinator's {@code onMalicious}). */
    record MarkMalicious(NodeId id) implements Decision {
        public MarkMalicious {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A fact for the operator's log (one line). */
    record Log(String line) implements Decision {
        public Log {
            Objects.requireNonNull(line, "line");
        }
    }

    /** Hare agreed on the layer's proposals: {@link BlockCoordinator#onHareOutput}. */
    record HareOutput(LayerId layer, List<ProposalId> proposals) implements Decision {
        public HareOutput {
            Objects.requireNonNull(layer, "layer");
            proposals = List.copyOf(proposals);
        }
    }

    /** The layer's weak coin: {@link TortoiseCoordinator#onWeakCoin}. */
    record WeakCoin(LayerId layer, boolean coin) implements Decision {
        public WeakCoin {
            Objects.requireNonNull(layer, "layer");
        }
    }

    /** A malfeasance proof this node found itself (SCALE MalfeasanceProof): {@link MalfeasanceCoordinator#onLocalProof}. */
    record ProofFound(Bytes proof) implements Decision {
        public ProofFound {
            Objects.requireNonNull(proof, "proof");
        }
    }

    /**
     * A ballot is stored (in the tortoise and the store): {@link ProposalIntake#onStored} (proposals waiting
     * for it as their reference), {@link BlockCoordinator#onBallotStored} (hare outputs waiting for it) and
     * {@link BeaconCoordinator#onBallot} (the fallback beacon).
     */
    record BallotStored(Ballot ballot) implements Decision {
        public BallotStored {
            Objects.requireNonNull(ballot, "ballot");
        }
    }

    /** A proposal is stored: {@link HareCoordinator#onProposal} and {@link BlockCoordinator#onProposalStored}. */
    record ProposalStored(Proposal proposal) implements Decision {
        public ProposalStored {
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /**
     * The agreed proposals' mesh hashes let the layer run optimistically: {@link MeshCoordinator#onOptimistic}
     * executes it once every earlier layer is applied.
     */
    record ExecuteOptimistic(BlockMetadata metadata, List<ProposalId> proposals) implements Decision {
        public ExecuteOptimistic {
            Objects.requireNonNull(metadata, "metadata");
            proposals = List.copyOf(proposals);
        }
    }

    /**
     * The layer's hare output as a block: {@code id} is {@link BlockId#ZERO} for an empty output, {@code block} the
     * block when this node has it (a certificate adopted in sync may name one it still fetches), {@code executed}
     * when the mesh already applied it (optimistic). To {@link TortoiseCoordinator#onHareBlock},
     * {@link MeshCoordinator#onHareBlock} and {@link BlockCoordinator#onHareBlock}.
     */
    record HareBlock(LayerId layer, BlockId id, Optional<Block> block, boolean executed) implements Decision {
        public HareBlock {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(block, "block");
        }
    }

    /** A block fetched or received and checked: {@link TortoiseCoordinator#onBlock}, {@link MeshCoordinator#onBlock}. */
    record BlockStored(Block block) implements Decision {
        public BlockStored {
            Objects.requireNonNull(block, "block");
        }
    }

    /**
     * A transaction fetched by id (for a block or a proposal that names it) is stored:
     * {@link ProposalIntake#take} (proposals that waited for it) and {@link BlockCoordinator#onTxStored} (blocks that
     * waited for it).
     */
    record TxStored(TxId id) implements Decision {
        public TxStored {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The tortoise's per-layer results to apply or revert: {@link MeshCoordinator#onUpdates}. */
    record LayerUpdates(List<ValidityUpdate> updates) implements Decision {
        public LayerUpdates {
            updates = List.copyOf(updates);
        }
    }

    /** The mesh applied a verified layer with this opinion: {@link TortoiseCoordinator#onApplied}. */
    record Applied(LayerId layer, Hash32 opinion) implements Decision {
        public Applied {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(opinion, "opinion");
        }
    }

    /**
     * The epoch's beacon is known: {@link TortoiseCoordinator#onBeacon}, and the epoch data of
     * {@link HareCoordinator}, {@link ProposalBuilder} and {@link BlockCoordinator}.
     */
    record BeaconDecided(EpochId epoch, Beacon beacon) implements Decision {
        public BeaconDecided {
            Objects.requireNonNull(epoch, "epoch");
            Objects.requireNonNull(beacon, "beacon");
        }
    }
}
