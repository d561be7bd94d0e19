package io.smnode.core.address;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Address;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.Arrays;

/** The account address a spawn creates (go-spacemesh {@code core.ComputePrincipal}). */
public final class Principal {
    /** The address keeps the last 20 bytes of the 32-byte hash. */
    private static final int HASH_TAIL_FROM = Hash32.LENGTH - Addresses.BODY;

    private Principal() {}

    /** {@code GenerateAddress(BLAKE3(template || spawnArgs)[12:32])}; {@code spawnArgs} is SCALE-encoded. */
    public static Address compute(Address template, byte[] spawnArgs) {
        Hash32 hash = Blake3.hash(template.toByteArray(), spawnArgs);
        return Addresses.generate(Arrays.copyOfRange(hash.toByteArray(), HASH_TAIL_FROM, Hash32.LENGTH));
    }

    /** A single-key wallet's address: its spawn arguments are {@code {PublicKey [32]byte}}. */
    public static Address wallet(NodeId publicKey) {
        return compute(Templates.WALLET, Scale.encode(CoreCodecs.NODE_ID, publicKey));
    }
}
