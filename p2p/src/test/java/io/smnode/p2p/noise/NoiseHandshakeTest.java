package io.smnode.p2p.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.PeerId;
import io.smnode.p2p.wire.WireException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NoiseHandshakeTest {
    private static final byte[] PROLOGUE = "9eebff023abb17ccb775c602daade8ed708f0a50-8063".getBytes();
    private final Random rng = new Random(42);
    private final HostKey alice = key(1);
    private final HostKey bob = key(2);

    private static HostKey key(int n) {
        byte[] seed = new byte[32];
        seed[31] = (byte) n;
        return HostKey.fromSeed(seed);
    }

    private byte[] secret() {
        byte[] b = new byte[32];
        rng.nextBytes(b);
        return b;
    }

    private NoiseHandshake[] handshake(byte[] initiatorPrologue, byte[] responderPrologue, Optional<PeerId> expected) {
        NoiseHandshake i = new NoiseHandshake(true, initiatorPrologue, alice, secret(), secret(), expected);
        NoiseHandshake r = new NoiseHandshake(false, responderPrologue, bob, secret(), secret(), Optional.empty());
        byte[] m1 = i.takeOutput();
        assertEquals(2 + 32, m1.length, "message 1 is the framed ephemeral key, no payload");
        r.receive(m1);
        byte[] m2 = r.takeOutput();
        i.receive(m2);
        byte[] m3 = i.takeOutput();
        r.receive(m3);
        return new NoiseHandshake[] {i, r};
    }

    @Test
    void xxCompletesAndEachSideProvesItsPeerId() {
        NoiseHandshake[] hs = handshake(PROLOGUE, PROLOGUE, Optional.of(bob.peerId()));
        assertTrue(hs[0].isComplete() && hs[1].isComplete());
        assertEquals(bob.peerId(), hs[0].remotePeer());
        assertEquals(alice.peerId(), hs[1].remotePeer());
        assertEquals(List.of(), hs[0].remoteMuxers(), "smnode sends no extensions, like go-spacemesh");
        NoiseSession a = hs[0].session();
        NoiseSession b = hs[1].session();
        byte[] big = new byte[200_000];
        rng.nextBytes(big);
        byte[] wire = a.encrypt(big);
        assertEquals(big.length + 4 * 18, wire.length, "four frames of at most 65519 plaintext bytes");
        List<byte[]> got = b.decrypt(wire, 0, wire.length);
        assertArrayEquals(big, concat(got));
        byte[] back = b.encrypt("pong".getBytes());
        assertArrayEquals("pong".getBytes(), a.decrypt(back, 0, back.length).get(0));
    }

    @Test
    void anotherPrologueFailsAtMessageTwo() {
        WireException e = assertThrows(WireException.class,
                () -> handshake(PROLOGUE, "75b79ed3c7135142f73f77f5260083b352efaf19-7".getBytes(), Optional.empty()));
        assertEquals("Invalid chacha20poly1305 decryption", e.getMessage());
    }

    @Test
    void aPeerThatIsNotTheOneDialedIsRefused() {
        WireException e = assertThrows(WireException.class, () -> handshake(PROLOGUE, PROLOGUE, Optional.of(alice.peerId())));
        assertTrue(e.getMessage().contains("dialed"), e.getMessage());
    }

    @Test
    void aTamperedOrReplayedTransportFrameIsRefused() {
        NoiseHandshake[] hs = handshake(PROLOGUE, PROLOGUE, Optional.empty());
        byte[] frame = hs[0].session().encrypt("data".getBytes());
        byte[] tampered = frame.clone();
        tampered[5] ^= 1;
        assertThrows(WireException.class, () -> hs[1].session().decrypt(tampered, 0, tampered.length));
        NoiseHandshake[] fresh = handshake(PROLOGUE, PROLOGUE, Optional.empty());
        byte[] f = fresh[0].session().encrypt("x".getBytes());
        fresh[1].session().decrypt(f, 0, f.length);
        assertThrows(WireException.class, () -> fresh[1].session().decrypt(f, 0, f.length), "nonce moved on: a replay fails");
    }

    private static byte[] concat(List<byte[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
