package io.smnode.poet;

import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Bytes;
import java.util.List;

/**
 * A finished round as served by {@code Proof(round_id)}: the proof, the members (challenges in tree order, from
 * which a client recomputes the statement) and the round number. The codec is this module's own storage format.
 */
public record RoundProof(long round, PoetProof proof, List<Bytes> members) {
    public static final ScaleCodec<RoundProof> CODEC = ScaleCodec.of(
            (w, p) -> {
                w.field("Round", ScaleCodecs.COMPACT_U64, p.round());
                w.field("Proof", PoetProof.CODEC, p.proof());
                w.field("Members", ScaleCodecs.slice(ScaleCodecs.BYTES, Integer.MAX_VALUE), p.members());
            },
            r -> new RoundProof(r.field("Round", ScaleCodecs.COMPACT_U64), r.field("Proof", PoetProof.CODEC),
                    r.field("Members", ScaleCodecs.slice(ScaleCodecs.BYTES, Integer.MAX_VALUE))));

    public RoundProof {
        members = List.copyOf(members);
    }

    public String roundId() {
        return RoundSchedule.roundId(round);
    }

    /** The statement the proof was made for: the membership root of {@link #members}. */
    public Bytes statement() {
        return MembershipTree.root(members);
    }
}
