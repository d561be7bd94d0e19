package io.smnode.p2p.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.p2p.identify.IdentifyMessage;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.multistream.Multistream;
import io.smnode.p2p.noise.NoiseFuzzing;
import io.smnode.p2p.pubsub.Rpc;
import io.smnode.p2p.pubsub.RpcCodec;
import io.smnode.p2p.reqresp.Response;
import io.smnode.p2p.reqresp.ResponseReader;
import io.smnode.p2p.wire.WireException;
import io.smnode.p2p.yamux.YamuxFrame;
import io.smnode.p2p.yamux.YamuxSession;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * At least 100,000 mutated frames per layer into the pure decoders: every input ends in a result or a
 * {@link WireException} (which closes the offender's stream or connection), never in another exception, and no
 * decoder holds more than its bound.
 */
class WireFuzzTest {
    static final int FRAMES = 100_000;

    /** Feeds mutations of the seeds; returns how many were refused with a WireException. */
    static int fuzz(long seed, List<byte[]> seeds, Consumer<byte[]> decoder) {
        Mutator m = new Mutator(seed);
        int refused = 0;
        for (int i = 0; i < FRAMES; i++) {
            byte[] input = m.mutate(seeds.get(i % seeds.size()));
            try {
                decoder.accept(input);
            } catch (WireException expected) {
                refused++;
            } catch (RuntimeException e) {
                throw new AssertionError("frame " + i + " (" + io.smnode.core.util.Hex.encode(input) + ") threw " + e, e);
            }
        }
        return refused;
    }

    @Test
    void multistream() {
        byte[] dialer = Multistream.dialer(List.of("/noise")).takeOutput();
        ByteArrayOutputStream fallback = new ByteArrayOutputStream();
        fallback.writeBytes(Multistream.line(Multistream.HEADER));
        fallback.writeBytes(Multistream.line("as/1"));
        fallback.writeBytes(Multistream.line("hs/1"));
        int refused = fuzz(1, List.of(dialer, fallback.toByteArray()), b -> {
            Multistream l = Multistream.listener(p -> p.equals("/noise") || p.equals("hs/1"));
            l.receive(b);
            l.takeOutput();
        });
        assertTrue(refused > FRAMES / 10, "most mutations of a header are refused: " + refused);
    }

    @Test
    void noiseTransportAndHandshake() {
        int refused = NoiseFuzzing.transport(new Mutator(2), FRAMES);
        assertTrue(refused > FRAMES / 2, "a changed ciphertext never authenticates: " + refused);
        NoiseFuzzing.handshakeMessages(new Mutator(3), 500);
    }

    @Test
    void yamux() {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.writeBytes(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, 1, 0).encode());
        frames.writeBytes(new YamuxFrame(YamuxFrame.DATA, 0, 1, 5).encode());
        frames.writeBytes("hello".getBytes());
        frames.writeBytes(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, 0, 1, 1000).encode());
        frames.writeBytes(new YamuxFrame(YamuxFrame.PING, YamuxFrame.SYN, 0, 7).encode());
        frames.writeBytes(new YamuxFrame(YamuxFrame.DATA, YamuxFrame.FIN, 1, 0).encode());
        frames.writeBytes(new YamuxFrame(YamuxFrame.GO_AWAY, 0, 0, 0).encode());
        YamuxSession.Events accept = new YamuxSession.Events() {
            @Override
            public boolean onInboundStream(int id) {
                return true;
            }

            @Override
            public void onData(int id, byte[] data) { }

            @Override
            public void onRemoteClose(int id) { }

            @Override
            public void onReset(int id) { }
        };
        int refused = fuzz(4, List.of(frames.toByteArray()), b -> {
            YamuxSession s = new YamuxSession(false, YamuxSession.Limits.DEFAULT, accept);
            s.receive(b);
            assertTrue(s.openStreams() <= YamuxSession.Limits.DEFAULT.maxInboundStreams());
            s.drainOutput(1 << 20);
        });
        assertTrue(refused > 0);
    }

    @Test
    void protobufRpcIdentifyAndResponses() {
        Rpc rpc = new Rpc(List.of(new Rpc.SubOpts(true, "ax1")), List.of(Rpc.Message.unsigned("tx1", Bytes.ofHex("0102030405"))),
                new Rpc.Control(List.of(new Rpc.IHave("ax1", List.of(Bytes.wrap(new byte[32])))), List.of(new Rpc.IWant(List.of(Bytes.wrap(new byte[32])))),
                        List.of(new Rpc.Graft("ax1")), List.of(new Rpc.Prune("ax1", List.of(), Optional.of(60L))), List.of()));
        int refused = fuzz(5, List.of(RpcCodec.encode(rpc)), RpcCodec::decode);
        assertTrue(refused > 0);
        HostKey k = HostKey.fromSeed(new byte[32]);
        byte[] identify = new IdentifyMessage("ipfs/0.1.0", "smnode", k.publicKeyProtobuf(),
                List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/7513")), Optional.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/1")),
                List.of("/meshsub/1.1.0")).encode();
        fuzz(6, List.of(identify), IdentifyMessage::decode);
        byte[] response = Response.ok(Bytes.ofHex("aabbccdd")).encode();
        fuzz(7, List.of(response, Response.failure("no").encode()), b -> new ResponseReader(1 << 16).feed(b));
        assertEquals(rpc, RpcCodec.decode(RpcCodec.encode(rpc)));
    }
}
