package io.smnode.p2p.noise;

import io.smnode.p2p.wire.ByteQueue;
import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The secure channel after the handshake: each frame is {@code u16be(len) ‖ ChaChaPoly(plaintext ≤ 65519)} with an
 * empty associated data and the cipher's own nonce sequence.
 */
public final class NoiseSession {
    public static final int MAX_PLAINTEXT = 65535 - CipherState.TAG_LENGTH;
    private final CipherState sender;
    private final CipherState receiver;
    private final ByteQueue in = new ByteQueue(2 * 65537);
    private static final byte[] NO_AD = new byte[0];

    NoiseSession(CipherState sender, CipherState receiver) {
        this.sender = sender;
        this.receiver = receiver;
    }

    /** Encrypts into as many frames as needed. */
    public byte[] encrypt(byte[] plain, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 18 * (1 + length / MAX_PLAINTEXT));
        int at = offset;
        int end = offset + length;
        do {
            int n = Math.min(MAX_PLAINTEXT, end - at);
            byte[] c = sender.encrypt(NO_AD, plain, at, n);
            out.write(c.length >>> 8);
            out.write(c.length & 0xFF);
            out.writeBytes(c);
            at += n;
        } while (at < end);
        return out.toByteArray();
    }

    public byte[] encrypt(byte[] plain) {
        return encrypt(plain, 0, plain.length);
    }

    /**
     * Decrypts every complete frame received so far.
     *
     * @throws WireException when a frame fails authentication
     */
    public List<byte[]> decrypt(byte[] data, int offset, int length) {
        List<byte[]> plains = new ArrayList<>(2);
        int at = offset;
        int end = offset + length;
        while (at < end) {
            int n = Math.min(end - at, 65537);
            in.append(data, at, n);
            at += n;
            drain(plains);
        }
        return plains;
    }

    private void drain(List<byte[]> plains) {
        while (in.size() >= 2) {
            int len = (in.peek(0) << 8) | in.peek(1);
            if (in.size() < 2 + len) {
                return;
            }
            if (len < CipherState.TAG_LENGTH) {
                throw new WireException("noise frame shorter than its tag");
            }
            plains.add(receiver.decrypt(NO_AD, in.array(), in.readIndex() + 2, len));
            in.skip(2 + len);
        }
    }
}
