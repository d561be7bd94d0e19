package io.smnode.poet;

import io.smnode.core.hash.Blake3;

/** The membership tree's parent function {@code Hm(l, r) = BLAKE3(0x01 || l || r)} (spec 09 §2.3, 01 §3). */
public final class MembershipHash implements NodeHash {
    private final Blake3 blake3 = new Blake3();

    @Override
    public byte[] hash(byte[] left, byte[] right) {
        return blake3.update((byte) 0x01).update(left).update(right).digest32().toByteArray();
    }
}
