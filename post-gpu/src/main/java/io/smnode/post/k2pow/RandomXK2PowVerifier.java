package io.smnode.post.k2pow;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;

/**
 * k2pow checker over one RandomX VM (light mode suffices: one hash per proof). Not thread-safe, like its VM; the
 * caller owns the VM and closes it.
 */
public final class RandomXK2PowVerifier implements K2PowVerifier {
    private final RandomXVm vm;
    private final byte[] hash = new byte[RandomXVm.HASH_SIZE];

    /** @param vm a VM over {@link RandomX#forSpacemesh} */
    public RandomXK2PowVerifier(RandomXVm vm) {
        this.vm = vm;
    }

    @Override
    public boolean isValid(long pow, int nonceGroup, Hash32 challenge, NodeId nodeId, PowThreshold threshold) {
        if (nonceGroup < 0 || nonceGroup > 0xff) {
            return false;
        }
        vm.hash(K2PowInput.of(pow, nonceGroup, challenge, nodeId), hash, 0);
        return threshold.isMetBy(hash);
    }
}
