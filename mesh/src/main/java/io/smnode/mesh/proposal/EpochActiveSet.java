package io.smnode.mesh.proposal;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.mesh.store.MeshRecord;

/**
 * go-spacemesh's {@code EpochActiveSet{Epoch EpochID; Set []ATXID max 8 000 000}}: an epoch's active set as peers
 * serve it by its hash ({@code hs/1} / {@code as/1}, hint {@code activeset}); the hash is
 * {@link MeshRecord.ActiveSetRecord#idOf} of the set.
 */
public final class EpochActiveSet {
    public static final long MAX_SET = 8_000_000;

    public static final ScaleCodec<MeshRecord.ActiveSetRecord> CODEC = ScaleCodec.of(
            (w, a) -> {
                w.field("Epoch", CoreCodecs.EPOCH_ID, a.epoch());
                w.field("Set", ScaleCodecs.slice(CoreCodecs.ATX_ID, MAX_SET), a.atxs());
            },
            r -> new MeshRecord.ActiveSetRecord(r.field("Epoch", CoreCodecs.EPOCH_ID),
                    r.field("Set", ScaleCodecs.slice(CoreCodecs.ATX_ID, MAX_SET))));

    private EpochActiveSet() {}
}
