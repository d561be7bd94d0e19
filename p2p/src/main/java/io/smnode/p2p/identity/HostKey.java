package io.smnode.p2p.identity;

import io.smnode.p2p.wire.WireException;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** The node's libp2p identity: an Ed25519 key whose public half is the peer id. */
public final class HostKey {
    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;
    private final PeerId peerId;

    private HostKey(byte[] seed) {
        this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = privateKey.generatePublicKey().getEncoded();
        this.peerId = PeerId.fromPublicKey(publicKey);
    }

    /** A key from its 32-byte seed (the caller brings the randomness). */
    public static HostKey fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        return new HostKey(seed.clone());
    }

    /** A key from Go's {@code PrivateKey} protobuf (Ed25519 data = seed ‖ public key, 64 bytes). */
    public static HostKey fromProtobuf(byte[] proto) {
        byte[] data = KeyProto.decodeEd25519(proto, 64);
        HostKey key = new HostKey(Arrays.copyOf(data, 32));
        if (!Arrays.equals(key.publicKey, Arrays.copyOfRange(data, 32, 64))) {
            throw new WireException("the key's public half does not match its seed");
        }
        return key;
    }

    public byte[] toProtobuf() {
        byte[] data = new byte[64];
        System.arraycopy(privateKey.getEncoded(), 0, data, 0, 32);
        System.arraycopy(publicKey, 0, data, 32, 32);
        return KeyProto.encode(KeyProto.ED25519, data);
    }

    public PeerId peerId() {
        return peerId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The protobuf {@code PublicKey} identify and Noise carry. */
    public byte[] publicKeyProtobuf() {
        return KeyProto.encode(KeyProto.ED25519, publicKey);
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** RFC 8032 verification, as Go's crypto/ed25519 does it. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != 32 || signature.length != 64) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
