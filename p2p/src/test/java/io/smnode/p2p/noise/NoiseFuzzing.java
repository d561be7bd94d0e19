package io.smnode.p2p.noise;

import io.smnode.p2p.fuzz.Mutator;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.wire.WireException;
import java.util.Optional;

/** Fuzz drivers that need the package's cipher constructors (used by the fuzz test). */
public final class NoiseFuzzing {
    private NoiseFuzzing() {}

    /** Mutated transport frames, each into a fresh receiver with the sender's keys; returns the refused count. */
    public static int transport(Mutator m, int frames) {
        byte[] k = new byte[32];
        k[0] = 1;
        byte[] valid = new NoiseSession(new CipherState(k), new CipherState(k)).encrypt("a yamux frame or two".getBytes());
        int refused = 0;
        for (int i = 0; i < frames; i++) {
            byte[] input = m.mutate(valid);
            NoiseSession receiver = new NoiseSession(new CipherState(k), new CipherState(k));
            try {
                receiver.decrypt(input, 0, input.length);
            } catch (WireException e) {
                refused++;
            }
        }
        return refused;
    }

    /** Mutated handshake messages 1 and 2 into fresh responders and initiators. */
    public static void handshakeMessages(Mutator m, int count) {
        HostKey a = HostKey.fromSeed(new byte[32]);
        byte[] prologue = "p".getBytes();
        byte[] s1 = new byte[32];
        s1[0] = 1;
        byte[] s2 = new byte[32];
        s2[0] = 2;
        NoiseHandshake init = new NoiseHandshake(true, prologue, a, s1, s2, Optional.empty());
        byte[] msg1 = init.takeOutput();
        NoiseHandshake resp = new NoiseHandshake(false, prologue, a, s2, s1, Optional.empty());
        resp.receive(msg1);
        byte[] msg2 = resp.takeOutput();
        for (int i = 0; i < count; i++) {
            try {
                new NoiseHandshake(false, prologue, a, s2, s1, Optional.empty()).receive(m.mutate(msg1));
            } catch (WireException expected) {
                // refused
            }
            try {
                NoiseHandshake fresh = new NoiseHandshake(true, prologue, a, s1, s2, Optional.empty());
                fresh.takeOutput();
                fresh.receive(m.mutate(msg2));
            } catch (WireException expected) {
                // refused
            }
        }
    }
}
