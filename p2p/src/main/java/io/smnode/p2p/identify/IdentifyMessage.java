package io.smnode.p2p.identify;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identify protobuf {@code Identify{publicKey=1, listenAddrs=2, protocols=3, observedAddr=4, protocolVersion=5,
 * agentVersion=6, signedPeerRecord=8}}, sent varint-delimited on {@code /ipfs/id/1.0.0} (and push). Addresses that are
 * not TCP multiaddrs are skipped when read: a peer may list QUIC or relay addresses we do not dial.
 */
public record IdentifyMessage(String protocolVersion, String agentVersion, byte[] publicKey, List<Multiaddr> listenAddrs,
                              Optional<Multiaddr> observedAddr, List<String> protocols) {
    public static final String PROTOCOL_ID = "/ipfs/id/1.0.0";
    public static final String PUSH_PROTOCOL_ID = "/ipfs/id/push/1.0.0";
    /** go-libp2p reads at most 8 KiB per identify message. */
    public static final int MAX_LENGTH = 8 * 1024;
    private static final int MAX_ITEMS = 256;

    public byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeByteArray(1, publicKey);
            for (Multiaddr a : listenAddrs) {
                out.writeByteArray(2, a.toBytes());
            }
            for (String p : protocols) {
                out.writeString(3, p);
            }
            if (observedAddr.isPresent()) {
                out.writeByteArray(4, observedAddr.get().toBytes());
            }
            out.writeString(5, protocolVersion);
            out.writeString(6, agentVersion);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws WireException on bytes that are not an identify message */
    public static IdentifyMessage decode(byte[] b) {
        if (b.length > MAX_LENGTH) {
            throw new WireException("identify message larger than " + MAX_LENGTH + " bytes");
        }
        String protocolVersion = "";
        String agent = "";
        byte[] key = new byte[0];
        List<Multiaddr> addrs = new ArrayList<>();
        Optional<Multiaddr> observed = Optional.empty();
        List<String> protocols = new ArrayList<>();
        try {
            CodedInputStream in = CodedInputStream.newInstance(b);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case 10 -> key = in.readByteArray();
                    case 18 -> {
                        byte[] a = in.readByteArray();
                        if (addrs.size() < MAX_ITEMS) {
                            Multiaddr.fromBytes(a).ifPresent(addrs::add);
                        }
                    }
                    case 26 -> {
                        String p = in.readString();
                        if (protocols.size() < MAX_ITEMS) {
                            protocols.add(p);
                        }
                    }
                    case 34 -> observed = Multiaddr.fromBytes(in.readByteArray());
                    case 42 -> protocolVersion = in.readString();
                    case 50 -> agent = in.readString();
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new WireException("malformed identify message: " + e.getMessage(), e);
        }
        return new IdentifyMessage(protocolVersion, agent, key, List.copyOf(addrs), observed, List.copyOf(protocols));
    }
}
