package io.smnode.p2p.noise;

import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.KeyProto;
import io.smnode.p2p.identity.PeerId;
import io.smnode.p2p.wire.ByteQueue;
import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The libp2p Noise handshake, {@code Noise_XX_25519_ChaChaPoly_SHA256} with a prologue (go-spacemesh:
 * {@code "<hex genesis id>-<effective genesis layer>"}): {@code -> e}, {@code <- e, ee, s, es}, {@code -> s, se}.
 * The responder's payload travels in message 2, the initiator's in message 3; each is the peer's libp2p key and its
 * Ed25519 signature over {@code "noise-libp2p-static-key:" ‖ static X25519 key}. Every handshake message is framed
 * {@code u16be(len) ‖ msg}.
 *
 * <p>Pure: the keys (static and ephemeral X25519 secrets) are inputs; feed received bytes to {@link #receive}, send
 * {@link #takeOutput}; when {@link #isComplete} the transport ciphers are ready. A peer with another prologue fails
 * at message 2 or 3 with "Invalid chacha20poly1305 decryption".
 */
public final class NoiseHandshake {
    public static final String PROTOCOL_ID = "/noise";
    static final byte[] SIG_PREFIX = "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_MESSAGE = 65535;

    private final boolean initiator;
    private final HostKey identity;
    private final Optional<PeerId> expectedRemote;
    private final SymmetricState ss = new SymmetricState();
    private final byte[] s;
    private final byte[] sPub;
    private final byte[] e;
    private final byte[] ePub;
    private byte[] re;
    private byte[] rs;
    private final ByteQueue in = new ByteQueue(MAX_MESSAGE + 2 + 64 * 1024);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int step;
    private PeerId remote;
    private List<String> remoteMuxers = List.of();
    private NoiseSession session;

    /**
     * @param staticSecret a fresh 32-byte X25519 secret for this host's Noise static key
     * @param ephemeralSecret a fresh 32-byte X25519 secret for this handshake
     * @param expectedRemote the peer the dialer means to reach (checked against the key it proves); empty to accept any
     */
    public NoiseHandshake(boolean initiator, byte[] prologue, HostKey identity, byte[] staticSecret,
                          byte[] ephemeralSecret, Optional<PeerId> expectedRemote) {
        this.initiator = initiator;
        this.identity = identity;
        this.expectedRemote = expectedRemote;
        this.s = staticSecret.clone();
        this.sPub = publicOf(s);
        this.e = ephemeralSecret.clone();
        this.ePub = publicOf(e);
        ss.mixHash(prologue);
        if (initiator) {
            ss.mixHash(ePub);
            byte[] payload = ss.encryptAndHash(new byte[0]);
            frame(concat(ePub, payload));
            step = 1;
        }
    }

    private static byte[] publicOf(byte[] secret) {
        byte[] pub = new byte[32];
        X25519.scalarMultBase(secret, 0, pub, 0);
        return pub;
    }

    private static byte[] dh(byte[] secret, byte[] pub) {
        byte[] shared = new byte[32];
        if (!X25519.calculateAgreement(secret, 0, pub, 0, shared, 0)) {
            throw new WireException("noise: low-order X25519 key");
        }
        return shared;
    }

    public byte[] takeOutput() {
        byte[] b = out.toByteArray();
        out.reset();
        return b;
    }

    public boolean isComplete() {
        return session != null;
    }

    /** The transport, once complete. */
    public NoiseSession session() {
        return session;
    }

    public PeerId remotePeer() {
        return remote;
    }

    /** The muxers the peer offered in its extensions (js sends {@code /yamux/1.0.0}); informative only. */
    public List<String> remoteMuxers() {
        return remoteMuxers;
    }

    /** Bytes after the handshake's last message, for the transport. */
    public byte[] remaining() {
        return in.takeAll();
    }

    /** @throws WireException on any failure: bad framing, decryption (prologue mismatch), a bad identity */
    public void receive(byte[] data) {
        in.append(data);
        while (!isComplete() && in.size() >= 2) {
            int len = (in.peek(0) << 8) | in.peek(1);
            if (in.size() < 2 + len) {
                return;
            }
            in.skip(2);
            onMessage(in.take(len));
        }
    }

    private void onMessage(byte[] msg) {
        if (initiator && step == 1) {
            readMessage2(msg);
            writeMessage3();
        } else if (!initiator && step == 0) {
            readMessage1(msg);
            writeMessage2();
        } else if (!initiator && step == 2) {
            readMessage3(msg);
        } else {
            throw new WireException("noise: unexpected handshake message");
        }
    }

    private void readMessage1(byte[] msg) {
        if (msg.length < 32) {
            throw new WireException("noise: message 1 shorter than a key");
        }
        re = Arrays.copyOf(msg, 32);
        ss.mixHash(re);
        ss.decryptAndHash(Arrays.copyOfRange(msg, 32, msg.length));
    }

    private void writeMessage2() {
        ss.mixHash(ePub);
        ss.mixKey(dh(e, re));
        byte[] encS = ss.encryptAndHash(sPub);
        ss.mixKey(dh(s, re));
        byte[] payload = ss.encryptAndHash(ownPayload());
        frame(concat(concat(ePub, encS), payload));
        step = 2;
    }

    private void readMessage2(byte[] msg) {
        if (msg.length < 32 + 48 + CipherState.TAG_LENGTH) {
            throw new WireException("noise: message 2 too short");
        }
        re = Arrays.copyOf(msg, 32);
        ss.mixHash(re);
        ss.mixKey(dh(e, re));
        rs = ss.decryptAndHash(Arrays.copyOfRange(msg, 32, 80));
        ss.mixKey(dh(e, rs));
        verifyPayload(ss.decryptAndHash(Arrays.copyOfRange(msg, 80, msg.length)));
    }

    private void writeMessage3() {
        byte[] encS = ss.encryptAndHash(sPub);
        ss.mixKey(dh(s, re));
        byte[] payload = ss.encryptAndHash(ownPayload());
        frame(concat(encS, payload));
        CipherState[] c = ss.split();
        session = new NoiseSession(c[0], c[1]);
        step = 3;
    }

    private void readMessage3(byte[] msg) {
        if (msg.length < 48 + CipherState.TAG_LENGTH) {
            throw new WireException("noise: message 3 too short");
        }
        rs = ss.decryptAndHash(Arrays.copyOf(msg, 48));
        ss.mixKey(dh(e, rs));
        verifyPayload(ss.decryptAndHash(Arrays.copyOfRange(msg, 48, msg.length)));
        CipherState[] c = ss.split();
        session = new NoiseSession(c[1], c[0]);
        step = 3;
    }

    private byte[] ownPayload() {
        byte[] sig = identity.sign(concat(SIG_PREFIX, sPub));
        return new HandshakePayload(identity.publicKeyProtobuf(), sig, List.of()).encode();
    }

    private void verifyPayload(byte[] plain) {
        HandshakePayload p = HandshakePayload.decode(plain);
        byte[] key = KeyProto.decodeEd25519(p.identityKey(), 32);
        if (!HostKey.verify(key, concat(SIG_PREFIX, rs), p.identitySig())) {
            throw new WireException("noise: the peer's signature over its static key does not verify");
        }
        remote = PeerId.fromPublicKey(key);
        remoteMuxers = p.streamMuxers();
        if (expectedRemote.isPresent() && !expectedRemote.get().equals(remote)) {
            throw new WireException("noise: dialed " + expectedRemote.get() + " but the peer is " + remote);
        }
    }

    private void frame(byte[] msg) {
        out.write(msg.length >>> 8);
        out.write(msg.length & 0xFF);
        out.writeBytes(msg);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
