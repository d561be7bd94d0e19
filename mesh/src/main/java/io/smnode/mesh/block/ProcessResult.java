package io.smnode.mesh.block;

import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link MeshState#process} did with a batch of tortoise updates.
 *
 * @param revertedTo the layer the state was reverted to before re-applying, when the tortoise changed its mind
 * @param executed the layers executed through the VM, in order
 * @param verifiedApplied the verified updates now applied: the caller reports each to the tortoise
 *     ({@code OnApplied(layer, opinion)}), which lets it evict
 * @param missing blocks the tortoise wants applied but whose data is not stored: fetch them and process again
 */
public record ProcessResult(Optional<LayerId> revertedTo, List<LayerId> executed, List<ValidityUpdate> verifiedApplied,
        List<BlockId> missing) {
    public ProcessResult {
        Objects.requireNonNull(revertedTo, "revertedTo");
        executed = List.copyOf(executed);
        verifiedApplied = List.copyOf(verifiedApplied);
        missing = List.copyOf(missing);
    }
}
