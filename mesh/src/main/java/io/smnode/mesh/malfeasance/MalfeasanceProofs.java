package io.smnode.mesh.malfeasance;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import io.smnode.hare.HareCodecs;
import io.smnode.hare.HareEquivocation;
import java.util.Objects;
import java.util.Optional;

/**
 * The malfeasance proofs v1 of spec 07 §5 by their type byte (1 MultipleATXs, 2 MultipleBallots, 3 hare
 * equivocation), and their gossip envelope {@code MalfeasanceGossip{proof, eligibility Option}} whose eligibility
 * must be absent. Types 4 and 5 (invalid PoST index, invalid previous ATX) are not read here yet: refused as
 * malformed.
 */
public final class MalfeasanceProofs {
    private MalfeasanceProofs() {}

    /** A proof's check: the offender it proves, or the verdict that refuses it. */
    public record Checked(Verdict verdict, Optional<NodeId> offender) {
        public Checked {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(offender, "offender");
        }
    }

    /** The {@code mp1} bytes of a proof: the proof then an absent eligibility (one zero byte). */
    public static Bytes gossip(Bytes proof) {
        byte[] out = new byte[proof.length() + 1];
        proof.copyTo(out, 0);
        return Bytes.wrap(out);
    }

    /** The proof inside {@code mp1} bytes, or empty when the envelope is not one with no eligibility. */
    public static Optional<Bytes> fromGossip(Bytes gossip) {
        byte[] b = gossip.toByteArray();
        if (b.length < 2 || b[b.length - 1] != 0) {
            return Optional.empty();
        }
        return Optional.of(Bytes.wrap(java.util.Arrays.copyOf(b, b.length - 1)));
    }

    /** Decodes a SCALE {@code MalfeasanceProof} and checks it. */
    public static Checked check(Bytes proof, EdVerifier verifier) {
        byte[] bytes = proof.toByteArray();
        int type;
        try {
            ScaleReader r = new ScaleReader(bytes);
            r.readCompactU32();
            type = r.readByte();
        } catch (ScaleException e) {
            return malformed(e.getMessage());
        }
        try {
            switch (type) {
                case MultipleAtxsProof.TYPE -> {
                    MultipleAtxsProof p = Scale.decode(MultipleAtxsProof.CODEC, bytes);
                    return p.check(verifier).map(f -> invalid(f.name()))
                            .orElse(new Checked(Verdict.ACCEPT, Optional.of(p.first().smesherId())));
                }
                case MultipleBallotsProof.TYPE -> {
                    MultipleBallotsProof p = Scale.decode(MultipleBallotsProof.CODEC, bytes);
                    return p.check(verifier).map(f -> invalid(f.name()))
                            .orElse(new Checked(Verdict.ACCEPT, Optional.of(p.first().smesherId())));
                }
                case HareEquivocation.MALFEASANCE_TYPE -> {
                    HareEquivocation p = Scale.decode(HareCodecs.MALFEASANCE_PROOF, bytes);
                    Optional<NodeId> offender = p.offender(verifier);
                    return offender.isPresent() ? new Checked(Verdict.ACCEPT, offender)
                            : invalid("hare messages do not prove an equivocation");
                }
                default -> {
                    return malformed("proof type " + type + " is not read");
                }
            }
        } catch (ScaleException e) {
            return malformed(e.getMessage());
        }
    }

    /** The hare equivocation a proof is, if it is one (for callers that keep hare evidence). */
    public static Optional<HareEquivocation> asHare(Bytes proof) {
        try {
            return Optional.of(Scale.decode(HareCodecs.MALFEASANCE_PROOF, proof.toByteArray()));
        } catch (ScaleException e) {
            return Optional.empty();
        }
    }

    private static Checked malformed(String detail) {
        return new Checked(Verdict.reject(MalfeasanceRule.MALFORMED, detail), Optional.empty());
    }

    private static Checked invalid(String detail) {
        return new Checked(Verdict.reject(MalfeasanceRule.INVALID_PROOF, detail), Optional.empty());
    }
}
