package io.smnode.persistence.atx;

import io.smnode.activation.builder.BuilderState;
import io.smnode.activation.builder.BuilderStateException;
import io.smnode.activation.builder.BuilderStateStore;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.Reads;
import io.smnode.persistence.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One identity's builder state in {@link AtxTables#BUILDER_STATES}. The node has one writer per store, so a save
 * here is staged, not written: the builder's actor takes the staged batch after every step ({@link #takeStaged})
 * and has the storage writer commit it before it carries out the step's actions. That keeps the builder's rule — the
 * state a step ends in is durable before anything it decided happens — without a second durability path.
 */
public final class BuilderStates implements BuilderStateStore {
    private final Reads store;
    private final NodeId identity;
    private Optional<BuilderState> staged = Optional.empty();

    public BuilderStates(Reads store, NodeId identity) {
        this.store = store;
        this.identity = identity;
    }

    /**
     * The state of the builder of the married set whose marriage ATX is {@code marriageAtx}, under a key no identity
     * has ({@code BLAKE3("smnode married set " ‖ marriage ATX)}): its members' own builders keep theirs.
     */
    public static BuilderStates ofMarriedSet(Reads store, AtxId marriageAtx) {
        byte[] key = Blake3.hash("smnode married set ".getBytes(StandardCharsets.US_ASCII), marriageAtx.toByteArray())
                .toByteArray();
        return new BuilderStates(store, NodeId.of(key));
    }

    /** The state last committed for this identity (a staged one is not visible until committed). */
    @Override
    public Optional<BuilderState> load() throws BuilderStateException {
        Optional<Bytes> bytes = store.get(AtxTables.BUILDER_STATES, identity);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(BuilderState.decode(bytes.get().toByteArray()));
        } catch (ScaleException e) {
            throw new BuilderStateException("corrupt builder state of " + identity.hex() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(BuilderState state) {
        staged = Optional.of(state);
    }

    /** The batch that makes the last saved state durable (empty when nothing was saved since the last take). */
    public WriteBatch takeStaged() {
        WriteBatch batch = staged.map(s -> WriteBatch.builder()
                .put(AtxTables.BUILDER_STATES, identity, Bytes.wrap(s.encode())).build()).orElse(WriteBatch.empty());
        staged = Optional.empty();
        return batch;
    }
}
