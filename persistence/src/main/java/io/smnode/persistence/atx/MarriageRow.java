package io.smnode.persistence.atx;

import io.smnode.activation.marriage.Marriage;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;

/** A stored {@link Marriage} with its recording sequence, which orders the members of a set. */
record MarriageRow(Marriage marriage, long sequence) {
    static final ScaleCodec<MarriageRow> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("SetID", ScaleCodecs.U64_LE, v.marriage().setId());
                w.field("MarriageATX", CoreCodecs.ATX_ID, v.marriage().marriageAtx());
                w.field("Index", ScaleCodecs.COMPACT_U32, (long) v.marriage().index());
                w.field("Target", CoreCodecs.NODE_ID, v.marriage().target());
                w.field("Signature", CoreCodecs.SIGNATURE, v.marriage().signature());
                w.field("Sequence", ScaleCodecs.U64_LE, v.sequence());
            },
            r -> new MarriageRow(new Marriage(r.field("SetID", ScaleCodecs.U64_LE),
                    r.field("MarriageATX", CoreCodecs.ATX_ID), (int) (long) r.field("Index", ScaleCodecs.COMPACT_U32),
                    r.field("Target", CoreCodecs.NODE_ID), r.field("Signature", CoreCodecs.SIGNATURE)),
                    r.field("Sequence", ScaleCodecs.U64_LE)));
}
