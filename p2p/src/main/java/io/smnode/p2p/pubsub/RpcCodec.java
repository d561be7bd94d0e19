package io.smnode.p2p.pubsub;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.smnode.core.types.Bytes;
import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-written protobuf codec of {@link Rpc} over protobuf-java's coded streams (field numbers of libp2p's
 * {@code rpc.proto}). Written by hand rather than generated so message ids stay {@code bytes}, no protoc is needed at
 * build time, and decoding bounds what one RPC may allocate.
 */
public final class RpcCodec {
    /** go-spacemesh's {@code MaxMessageSize}: the whole varint-framed RPC. */
    public static final int MAX_RPC_BYTES = 2 << 20;
    private static final int MAX_TOPIC_BYTES = 1024;

    private RpcCodec() {}

    public static byte[] encode(Rpc rpc) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            for (Rpc.SubOpts s : rpc.subscriptions()) {
                out.writeByteArray(1, subOpts(s));
            }
            for (Rpc.Message m : rpc.publish()) {
                out.writeByteArray(2, message(m));
            }
            if (!rpc.control().isEmpty()) {
                out.writeByteArray(3, control(rpc.control()));
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] sub(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] subOpts(Rpc.SubOpts s) throws IOException {
        return sub(out -> {
            out.writeBool(1, s.subscribe());
            out.writeString(2, s.topic());
        });
    }

    private static byte[] message(Rpc.Message m) throws IOException {
        return sub(out -> {
            if (m.from().isPresent()) {
                out.writeByteArray(1, m.from().get().toByteArray());
            }
            out.writeByteArray(2, m.data().toByteArray());
            if (m.seqno().isPresent()) {
                out.writeByteArray(3, m.seqno().get().toByteArray());
            }
            out.writeString(4, m.topic());
            if (m.signature().isPresent()) {
                out.writeByteArray(5, m.signature().get().toByteArray());
            }
            if (m.key().isPresent()) {
                out.writeByteArray(6, m.key().get().toByteArray());
            }
        });
    }

    private static byte[] control(Rpc.Control c) throws IOException {
        return sub(out -> {
            for (Rpc.IHave h : c.ihave()) {
                out.writeByteArray(1, sub(o -> {
                    o.writeString(1, h.topic());
                    for (Bytes id : h.messageIds()) {
                        o.writeByteArray(2, id.toByteArray());
                    }
                }));
            }
            for (Rpc.IWant w : c.iwant()) {
                out.writeByteArray(2, ids(w));
            }
            for (Rpc.Graft g : c.graft()) {
                out.writeByteArray(3, sub(o -> o.writeString(1, g.topic())));
            }
            for (Rpc.Prune p : c.prune()) {
                out.writeByteArray(4, sub(o -> {
                    o.writeString(1, p.topic());
                    for (Bytes peer : p.peers()) {
                        o.writeByteArray(2, sub(pi -> pi.writeByteArray(1, peer.toByteArray())));
                    }
                    if (p.backoffSeconds().isPresent()) {
                        o.writeUInt64(3, p.backoffSeconds().get());
                    }
                }));
            }
            for (Rpc.IWant w : c.idontwant()) {
                out.writeByteArray(5, ids(w));
            }
        });
    }

    private static byte[] ids(Rpc.IWant w) throws IOException {
        return sub(o -> {
            for (Bytes id : w.messageIds()) {
                o.writeByteArray(1, id.toByteArray());
            }
        });
    }

    /** @throws WireException on bytes that are not an RPC */
    public static Rpc decode(byte[] b) {
        if (b.length > MAX_RPC_BYTES) {
            throw new WireException("RPC of " + b.length + " bytes exceeds " + MAX_RPC_BYTES);
        }
        try {
            List<Rpc.SubOpts> subs = new ArrayList<>();
            List<Rpc.Message> msgs = new ArrayList<>();
            Rpc.Control control = Rpc.Control.EMPTY;
            CodedInputStream in = CodedInputStream.newInstance(b);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case 10 -> subs.add(decodeSubOpts(in.readBytes()));
                    case 18 -> msgs.add(decodeMessage(in.readBytes()));
                    case 26 -> control = merge(control, decodeControl(in.readBytes()));
                    default -> in.skipField(tag);
                }
            }
            return new Rpc(subs, msgs, control);
        } catch (IOException | RuntimeException e) {
            if (e instanceof WireException w) {
                throw w;
            }
            throw new WireException("malformed RPC: " + e.getMessage(), e);
        }
    }

    private static Rpc.Control merge(Rpc.Control a, Rpc.Control b) {
        if (a.isEmpty()) {
            return b;
        }
        return new Rpc.Control(cat(a.ihave(), b.ihave()), cat(a.iwant(), b.iwant()), cat(a.graft(), b.graft()),
                cat(a.prune(), b.prune()), cat(a.idontwant(), b.idontwant()));
    }

    private static <T> List<T> cat(List<T> a, List<T> b) {
        List<T> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }

    private static String topic(ByteString b) {
        if (b.size() > MAX_TOPIC_BYTES) {
            throw new WireException("topic longer than " + MAX_TOPIC_BYTES + " bytes");
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static Rpc.SubOpts decodeSubOpts(ByteString b) throws IOException {
        CodedInputStream in = b.newCodedInput();
        boolean subscribe = false;
        String topic = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case 8 -> subscribe = in.readBool();
                case 18 -> topic = topic(in.readBytes());
                default -> in.skipField(tag);
            }
        }
        if (topic == null) {
            throw new WireException("subscription without a topic");
        }
        return new Rpc.SubOpts(subscribe, topic);
    }

    private static Rpc.Message decodeMessage(ByteString b) throws IOException {
        CodedInputStream in = b.newCodedInput();
        Optional<Bytes> from = Optional.empty();
        Bytes data = Bytes.EMPTY;
        Optional<Bytes> seqno = Optional.empty();
        String topic = null;
        Optional<Bytes> sig = Optional.empty();
        Optional<Bytes> key = Optional.empty();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case 10 -> from = Optional.of(Bytes.wrap(in.readByteArray()));
                case 18 -> data = Bytes.wrap(in.readByteArray());
                case 26 -> seqno = Optional.of(Bytes.wrap(in.readByteArray()));
                case 34 -> topic = topic(in.readBytes());
                case 42 -> sig = Optional.of(Bytes.wrap(in.readByteArray()));
                case 50 -> key = Optional.of(Bytes.wrap(in.readByteArray()));
                default -> in.skipField(tag);
            }
        }
        if (topic == null) {
            throw new WireException("message without a topic");
        }
        return new Rpc.Message(from, data, seqno, topic, sig, key);
    }

    private static Rpc.Control decodeControl(ByteString b) throws IOException {
        CodedInputStream in = b.newCodedInput();
        List<Rpc.IHave> ihave = new ArrayList<>();
        List<Rpc.IWant> iwant = new ArrayList<>();
        List<Rpc.Graft> graft = new ArrayList<>();
        List<Rpc.Prune> prune = new ArrayList<>();
        List<Rpc.IWant> idontwant = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case 10 -> ihave.add(decodeIHave(in.readBytes()));
                case 18 -> iwant.add(new Rpc.IWant(decodeIds(in.readBytes())));
                case 26 -> graft.add(new Rpc.Graft(decodeTopicOnly(in.readBytes())));
                case 34 -> prune.add(decodePrune(in.readBytes()));
                case 42 -> idontwant.add(new Rpc.IWant(decodeIds(in.readBytes())));
                default -> in.skipField(tag);
            }
        }
        return new Rpc.Control(ihave, iwant, graft, prune, idontwant);
    }

    private static Rpc.IHave decodeIHave(ByteString b) throws IOException {
        CodedInputStream in = b.newCodedInput();
        String topic = "";
        List<Bytes> ids = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case 10 -> topic = topic(in.readBytes());
                case 18 -> ids.add(Bytes.wrap(in.readByteArray()));
                default -> in.skipField(tag);
            }
        }
        return new Rpc.IHave(topic, ids);
    }

    private static List<Bytes> decodeIds(ByteString b) throws IOException {
        CodedInputStream in = b.newCodedInput();
        List<Bytes> ids = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == 10) {
                ids.add(Bytes.wrap(in.readByteArray()));
            } else {
                in.skipField(tag);
            }
        }
        return ids;
    }

    private static String decodeTopicOnly(ByteString b) throws IOException {
        CodedInputStream in = b.newCodedInput();
        String topic = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == 10) {
                topic = topic(in.readBytes());
            } else {
                in.skipField(tag);
            }
        }
        return topic;
    }

    private static Rpc.Prune decodePrune(ByteString b) throws IOException {
        CodedInputStream in = b.newCodedInput();
        String topic = "";
        List<Bytes> peers = new ArrayList<>();
        Optional<Long> backoff = Optional.empty();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case 10 -> topic = topic(in.readBytes());
                case 18 -> {
                    CodedInputStream pi = in.readBytes().newCodedInput();
                    for (int t = pi.readTag(); t != 0; t = pi.readTag()) {
                        if (t == 10) {
                            peers.add(Bytes.wrap(pi.readByteArray()));
                        } else {
                            pi.skipField(t);
                        }
                    }
                }
                case 24 -> backoff = Optional.of(in.readUInt64());
                default -> in.skipField(tag);
            }
        }
        return new Rpc.Prune(topic, peers, backoff);
    }
}
