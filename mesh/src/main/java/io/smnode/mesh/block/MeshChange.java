package io.smnode.mesh.block;

import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.vm.LayerResult;
import io.smnode.vm.state.Ledger;
import java.util.List;
import java.util.Objects;

/**
 * One change {@link MeshState} made, in the order it made them: what the node's store must write so that the stored
 * mesh equals the one in memory (see {@link MeshState#takeChanges()}).
 */
public sealed interface MeshChange {
    /** Layers after {@code to} were undone: their accounts restored, their receipts and rewards gone. */
    record Reverted(LayerId to, Ledger.Reverted ledger, List<TxId> unappliedTxs) implements MeshChange {
        public Reverted {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(ledger, "ledger");
            unappliedTxs = List.copyOf(unappliedTxs);
        }
    }

    /** A layer was executed: the VM's result (accounts, receipts, rewards), what it replaced, and its record. */
    record Executed(LayerResult result, Ledger.Undo undo, AppliedLayer record) implements MeshChange {
        public Executed {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(undo, "undo");
            Objects.requireNonNull(record, "record");
        }
    }

    /** An applied layer's record changed (mesh hash, verified) without executing it again. */
    record Recorded(AppliedLayer record) implements MeshChange {
        public Recorded {
            Objects.requireNonNull(record, "record");
        }
    }
}
