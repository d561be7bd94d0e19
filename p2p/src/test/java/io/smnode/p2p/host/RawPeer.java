package io.smnode.p2p.host;

import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.multistream.Multistream;
import io.smnode.p2p.noise.NoiseHandshake;
import io.smnode.p2p.noise.NoiseSession;
import io.smnode.p2p.yamux.YamuxSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A misbehaving peer for hostile-input tests: a blocking socket that drives the pure protocol classes itself, so a
 * test can stop at any layer and send what it likes.
 */
final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private NoiseSession secure;
    private final HostKey key = TestHosts.randomKey();

    RawPeer(Multiaddr addr, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(addr.host(), addr.port()), 5000);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void sendRaw(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    void sendSecure(byte[] plain) throws IOException {
        sendRaw(secure.encrypt(plain));
    }

    /** Reads and feeds bytes until {@code done} (decrypted once the channel is secure when {@code decrypt}). */
    private void readUntil(BooleanSupplier done, Consumer<byte[]> feed, boolean decrypt) throws IOException {
        byte[] buf = new byte[65536];
        while (!done.getAsBoolean()) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("closed by the node");
            }
            byte[] chunk = Arrays.copyOf(buf, n);
            if (decrypt) {
                for (byte[] p : secure.decrypt(chunk, 0, n)) {
                    feed.accept(p);
                }
            } else {
                feed.accept(chunk);
            }
        }
    }

    /** multistream /noise, then the Noise handshake as initiator. */
    void secure(byte[] prologue) throws IOException {
        Multistream ms = Multistream.dialer(List.of(NoiseHandshake.PROTOCOL_ID));
        sendRaw(ms.takeOutput());
        readUntil(() -> ms.selected().isPresent(), ms::receive, false);
        byte[] secret1 = new byte[32];
        byte[] secret2 = new byte[32];
        new java.security.SecureRandom().nextBytes(secret1);
        new java.security.SecureRandom().nextBytes(secret2);
        NoiseHandshake hs = new NoiseHandshake(true, prologue, key, secret1, secret2, Optional.empty());
        sendRaw(hs.takeOutput());
        readUntil(hs::isComplete, hs::receive, false);
        sendRaw(hs.takeOutput());
        secure = hs.session();
    }

    /** multistream /yamux/1.0.0 inside Noise. */
    void muxer() throws IOException {
        Multistream ms = Multistream.dialer(List.of(YamuxSession.PROTOCOL_ID));
        sendSecure(ms.takeOutput());
        readUntil(() -> ms.selected().isPresent(), ms::receive, true);
    }

    /** True when the node closes the connection within the timeout (what it sends meanwhile is read and dropped). */
    boolean closedWithin(Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        socket.setSoTimeout(200);
        byte[] buf = new byte[65536];
        while (System.nanoTime() < end) {
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                // keep waiting
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    /** Like {@link #closedWithin} without reading: for a peer that stops reading, EOF is seen only by a write failing. */
    boolean closedWithoutReading(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                out.write(0);
                out.flush();
            } catch (IOException broken) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
