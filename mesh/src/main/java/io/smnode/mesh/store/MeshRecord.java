package io.smnode.mesh.store;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
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
import io.smnode.mesh.block.Certificate;
import io.smnode.mesh.block.MeshChange;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import java.util.List;
import java.util.Objects;

/**
 * What the coordinators ask the node to store: each record is one atomic write (the storage adapter turns it into
 * one batch with a pure function). Together they are everything a restarted node reloads (see
 * {@link MeshReads}); nothing else of the consensus state lives only in memory.
 */
public sealed interface MeshRecord {

    /**
     * A ballot the tortoise stored. {@code arrival} orders a node's ballots as it took them (the tortoise picks its
     * base ballot in that order, so a restart must replay it); {@code malicious} whether its smesher was already
     * known malicious then (its weight was 0).
     */
    record BallotRecord(Ballot ballot, long arrival, boolean malicious) implements MeshRecord {
        public BallotRecord {
            Objects.requireNonNull(ballot, "ballot");
        }

        public LayerId layer() {
            return ballot.inner().layer();
        }
    }

    /** A valid proposal, with the order in which the node took it (hare's initial set is built from these). */
    record ProposalRecord(Proposal proposal, long arrival) implements MeshRecord {
        public ProposalRecord {
            Objects.requireNonNull(proposal, "proposal");
        }

        public LayerId layer() {
            return proposal.ballot().inner().layer();
        }
    }

    /** A block: built from a hare output, or fetched and checked. */
    record BlockRecord(Block block) implements MeshRecord {
        public BlockRecord {
            Objects.requireNonNull(block, "block");
        }
    }

    record CertificateRecord(LayerId layer, Certificate certificate) implements MeshRecord {
        public CertificateRecord {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * The layer's hare output as the tortoise takes it: the agreed proposals (sorted; none for an empty output, or
     * for a certificate adopted in sync) and the block they became ({@code BlockId.ZERO}: the empty block). A failed
     * session stores none.
     */
    record HareOutputRecord(LayerId layer, List<ProposalId> proposals, BlockId block) implements MeshRecord {
        public HareOutputRecord {
            Objects.requireNonNull(layer, "layer");
            proposals = List.copyOf(proposals);
            Objects.requireNonNull(block, "block");
        }
    }

    /** The weak coin hare produced for the layer (the tortoise's coinflip when votes are undecided). */
    record WeakCoinRecord(LayerId layer, boolean coin) implements MeshRecord {
        public WeakCoinRecord {
            Objects.requireNonNull(layer, "layer");
        }
    }

    record BeaconRecord(EpochId epoch, Beacon beacon) implements MeshRecord {
        public BeaconRecord {
            Objects.requireNonNull(epoch, "epoch");
            Objects.requireNonNull(beacon, "beacon");
        }
    }

    /** An active set (ATX ids, ascending) of an epoch, stored under {@link #id()}. */
    record ActiveSetRecord(EpochId epoch, List<AtxId> atxs) implements MeshRecord {
        public ActiveSetRecord {
            Objects.requireNonNull(epoch, "epoch");
            atxs = atxs.stream().sorted().toList();
        }

        /** {@code BLAKE3} of the concatenated sorted ids (spec 03 §3). */
        public Hash32 id() {
            return idOf(atxs);
        }

        public static Hash32 idOf(List<AtxId> atxs) {
            Blake3 h = new Blake3();
            atxs.stream().sorted().forEach(a -> h.update(a.toByteArray()));
            return h.digest32();
        }
    }

    /**
     * The first valid proof against an identity (later ones are not stored), its SCALE {@code MalfeasanceProof}
     * bytes, and the layer that was current when the node took it.
     */
    record MalfeasanceRecord(NodeId offender, Bytes proof, LayerId received) implements MeshRecord {
        public MalfeasanceRecord {
            Objects.requireNonNull(offender, "offender");
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(received, "received");
        }
    }

    /** A transaction's raw bytes (stored even when it does not parse: a block may still name it). */
    record TxRecord(TxId id, Bytes raw) implements MeshRecord {
        public TxRecord {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(raw, "raw");
        }
    }

    /** The genesis accounts, written once before the first layer is applied. */
    record GenesisRecord(List<io.smnode.vm.state.Account> accounts) implements MeshRecord {
        public GenesisRecord {
            accounts = List.copyOf(accounts);
        }
    }

    /**
     * What one step of the mesh changed, in order: reverts, executed layers (accounts with their undo, receipts,
     * rewards, the layer row) and updated layer rows. Applying a layer is this one record, so one atomic batch.
     */
    record MeshApplied(List<MeshChange> changes) implements MeshRecord {
        public MeshApplied {
            changes = List.copyOf(changes);
        }
    }
}
