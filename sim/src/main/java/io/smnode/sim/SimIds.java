package io.smnode.sim;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.ShortId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The identifiers of the simulated world, each a BLAKE3 of a label and numbers, so that they depend on the node
 * and layer only, never on the run's seed: identities and beacons stay put while the schedule varies.
 */
final class SimIds {
    /** The genesis prefix every signature of the simulated network is bound to. */
    static final Bytes GENESIS_PREFIX = Bytes.of(Arrays.copyOf(hash("genesis").toByteArray(), 20));

    private SimIds() {}

    /** The 32-byte Ed25519 seed of node {@code index}. */
    static byte[] identitySeed(int index) {
        return hash("identity", index).toByteArray();
    }

    static AtxId atx(int node, long epoch) {
        return AtxId.of(hash("atx", node, epoch).toByteArray());
    }

    static Beacon beacon(long epoch) {
        return Beacon.of(Arrays.copyOf(hash("beacon", epoch).toByteArray(), Beacon.LENGTH));
    }

    /** Where node {@code index}'s rewards go: the coinbase its ATXs name (an operator's setting in a node). */
    static Address coinbase(int node) {
        return Address.of(Arrays.copyOf(hash("coinbase", node).toByteArray(), Address.LENGTH));
    }

    /** What an equivocating node puts in its second message instead of the real content. */
    static ProposalId twinProposal(long layer, long round) {
        return ProposalId.of(shortId(hash("twin", layer, round)));
    }

    static Hash32 twinReference(Hash32 reference) {
        return Blake3.hash(label("twin"), reference.toByteArray());
    }

    private static byte[] shortId(Hash32 h) {
        return Arrays.copyOf(h.toByteArray(), ShortId.LENGTH);
    }

    private static Hash32 hash(String what, long... numbers) {
        return Blake3.hash(label(what, numbers));
    }

    private static byte[] label(String what, long... numbers) {
        byte[] text = what.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(text.length + 8 * numbers.length);
        b.put(text);
        for (long n : numbers) {
            b.putLong(n);
        }
        return b.array();
    }
}
