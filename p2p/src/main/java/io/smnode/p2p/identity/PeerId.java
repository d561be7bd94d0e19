package io.smnode.p2p.identity;

import io.smnode.core.types.Bytes;
import io.smnode.p2p.wire.WireException;
import java.util.Arrays;

/**
 * A libp2p peer id for an Ed25519 key: the identity multihash ({@code 0x00 0x24}) of the 36-byte protobuf public key,
 * shown as base58btc ({@code 12D3KooW...}). Only inlined (identity) Ed25519 ids are accepted: that is all
 * go-spacemesh uses, and it lets the id itself carry the key that signs for it.
 */
public final class PeerId implements Comparable<PeerId> {
    private static final int KEY_PROTO_LENGTH = 36;
    private final Bytes multihash;

    private PeerId(byte[] multihash) {
        this.multihash = Bytes.of(multihash);
    }

    public static PeerId fromPublicKey(byte[] ed25519PublicKey) {
        byte[] proto = KeyProto.encode(KeyProto.ED25519, ed25519PublicKey);
        byte[] mh = new byte[2 + proto.length];
        mh[0] = 0x00;
        mh[1] = (byte) proto.length;
        System.arraycopy(proto, 0, mh, 2, proto.length);
        return new PeerId(mh);
    }

    /** @throws WireException when the bytes are not an identity multihash of an Ed25519 key */
    public static PeerId fromBytes(byte[] multihash) {
        if (multihash.length != 2 + KEY_PROTO_LENGTH || multihash[0] != 0 || multihash[1] != KEY_PROTO_LENGTH) {
            throw new WireException("not an Ed25519 identity peer id");
        }
        KeyProto.decodeEd25519(Arrays.copyOfRange(multihash, 2, multihash.length), 32);
        return new PeerId(multihash);
    }

    /** @throws IllegalArgumentException naming the problem */
    public static PeerId parse(String text) {
        try {
            return fromBytes(Base58.decode(text));
        } catch (WireException e) {
            throw new IllegalArgumentException("'" + text + "' is not an Ed25519 peer id (12D3KooW...): " + e.getMessage(), e);
        }
    }

    /** The Ed25519 public key the id inlines. */
    public byte[] publicKey() {
        byte[] mh = multihash.toByteArray();
        return Arrays.copyOfRange(mh, mh.length - 32, mh.length);
    }

    public byte[] toBytes() {
        return multihash.toByteArray();
    }

    @Override
    public String toString() {
        return Base58.encode(multihash.toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId p && p.multihash.equals(multihash);
    }

    @Override
    public int hashCode() {
        return multihash.hashCode();
    }

    @Override
    public int compareTo(PeerId o) {
        return multihash.compareTo(o.multihash);
    }
}
