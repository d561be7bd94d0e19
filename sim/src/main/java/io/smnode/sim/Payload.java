package io.smnode.sim;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.ProposalId;
import io.smnode.tortoise.BallotInput;
import io.smnode.tortoise.BlockHeader;
import java.util.Objects;

/** What travels over the simulated network. Hare messages and proofs travel as their real SCALE bytes. */
sealed interface Payload {
    /** A short name for the schedule digest. */
    String kind();

    /** A signed hare message, as gossip bytes. */
    record Hare(Bytes bytes) implements Payload {
        public Hare {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public String kind() {
            return "hare";
        }
    }

    /**
     * A proposal with the ballot it carries (smnode has no ballot codec yet, so the ballot travels as the tortoise's
     * view of it; the receiver decides the {@code malicious} flag itself).
     */
    record Proposal(LayerId layer, ProposalId id, BallotInput ballot) implements Payload {
        public Proposal {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(ballot, "ballot");
        }

        @Override
        public String kind() {
            return "proposal";
        }
    }

    /** A block built from a hare output. */
    record Block(BlockHeader header) implements Payload {
        public Block {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public String kind() {
            return "block";
        }
    }

    /** A hare malfeasance proof, as SCALE bytes. */
    record Proof(Bytes bytes) implements Payload {
        public Proof {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public String kind() {
            return "proof";
        }
    }
}
