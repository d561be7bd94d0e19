package io.smnode.p2p.identity;

import io.smnode.p2p.wire.Uvarint;
import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A TCP multiaddr: {@code /ip4|ip6|dns4|dns6/HOST/tcp/PORT[/p2p/PEERID]}, the only shapes go-spacemesh uses over
 * TCP, in text and in the binary form identify carries.
 *
 * @param proto {@code ip4}, {@code ip6}, {@code dns4} or {@code dns6}
 */
public record Multiaddr(String proto, String host, int port, Optional<PeerId> peer) {
    private static final int IP4 = 4;
    private static final int TCP = 6;
    private static final int IP6 = 41;
    private static final int DNS4 = 54;
    private static final int DNS6 = 55;
    private static final int P2P = 421;

    public Multiaddr {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
    }

    /** @throws IllegalArgumentException with a sentence naming what is wrong */
    public static Multiaddr parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 5 || !parts[0].isEmpty() || !parts[3].equals("tcp")) {
            throw new IllegalArgumentException("'" + text + "' is not a TCP multiaddr like /ip4/127.0.0.1/tcp/7513[/p2p/12D3KooW...]");
        }
        String proto = parts[1];
        String host = parts[2];
        switch (proto) {
            case "ip4", "ip6" -> checkLiteral(proto, host, text);
            case "dns4", "dns6" -> {
                if (host.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "' has an empty host name");
                }
            }
            default -> throw new IllegalArgumentException("'" + text + "': unsupported protocol /" + proto + " (ip4, ip6, dns4, dns6)");
        }
        int port;
        try {
            port = Integer.parseInt(parts[4]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a bad TCP port '" + parts[4] + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "' has a TCP port out of range");
        }
        Optional<PeerId> peer = Optional.empty();
        if (parts.length == 7 && (parts[5].equals("p2p") || parts[5].equals("ipfs"))) {
            peer = Optional.of(PeerId.parse(parts[6]));
        } else if (parts.length != 5) {
            throw new IllegalArgumentException("'" + text + "' has unexpected parts after the TCP port");
        }
        return new Multiaddr(proto, host, port, peer);
    }

    private static void checkLiteral(String proto, String host, String text) {
        boolean ok = proto.equals("ip4") ? host.matches("\\d{1,3}(\\.\\d{1,3}){3}") : host.contains(":");
        if (!ok) {
            throw new IllegalArgumentException("'" + text + "' has a bad /" + proto + " address '" + host + "'");
        }
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' has a bad /" + proto + " address '" + host + "'");
        }
    }

    public static Multiaddr tcp(String ip4, int port) {
        return new Multiaddr("ip4", ip4, port, Optional.empty());
    }

    public Multiaddr withPeer(PeerId id) {
        return new Multiaddr(proto, host, port, Optional.of(id));
    }

    public Multiaddr withoutPeer() {
        return new Multiaddr(proto, host, port, Optional.empty());
    }

    public Multiaddr withPort(int newPort) {
        return new Multiaddr(proto, host, newPort, peer);
    }

    @Override
    public String toString() {
        return "/" + proto + "/" + host + "/tcp/" + port + peer.map(p -> "/p2p/" + p).orElse("");
    }

    /** The binary multiaddr (codes and varint-length values), as identify's listenAddrs carry it. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (proto) {
                case "ip4" -> {
                    out.write(Uvarint.encode(IP4));
                    out.write(InetAddress.getByName(host).getAddress());
                }
                case "ip6" -> {
                    out.write(Uvarint.encode(IP6));
                    out.write(InetAddress.getByName(host).getAddress());
                }
                default -> {
                    out.write(Uvarint.encode(proto.equals("dns4") ? DNS4 : DNS6));
                    byte[] name = host.getBytes(StandardCharsets.UTF_8);
                    out.write(Uvarint.encode(name.length));
                    out.write(name);
                }
            }
            out.write(Uvarint.encode(TCP));
            out.write(port >>> 8);
            out.write(port & 0xFF);
            if (peer.isPresent()) {
                byte[] id = peer.get().toBytes();
                out.write(Uvarint.encode(P2P));
                out.write(Uvarint.encode(id.length));
                out.write(id);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a binary TCP multiaddr; other shapes (QUIC, circuit relay, ...) yield empty rather than an error, since
     * peers may list addresses we do not dial.
     */
    public static Optional<Multiaddr> fromBytes(byte[] b) {
        try {
            int[] at = {0};
            int code = (int) next(b, at);
            String proto;
            String host;
            switch (code) {
                case IP4 -> {
                    proto = "ip4";
                    host = InetAddress.getByAddress(slice(b, at, 4)).getHostAddress();
                }
                case IP6 -> {
                    proto = "ip6";
                    host = InetAddress.getByAddress(slice(b, at, 16)).getHostAddress();
                }
                case DNS4, DNS6 -> {
                    proto = code == DNS4 ? "dns4" : "dns6";
                    host = new String(slice(b, at, (int) next(b, at)), StandardCharsets.UTF_8);
                }
                default -> {
                    return Optional.empty();
                }
            }
            if (next(b, at) != TCP) {
                return Optional.empty();
            }
            byte[] p = slice(b, at, 2);
            int port = ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
            Optional<PeerId> peer = Optional.empty();
            if (at[0] < b.length) {
                if (next(b, at) != P2P) {
                    return Optional.empty();
                }
                peer = Optional.of(PeerId.fromBytes(slice(b, at, (int) next(b, at))));
            }
            if (at[0] != b.length) {
                return Optional.empty();
            }
            return Optional.of(new Multiaddr(proto, host, port, peer));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long next(byte[] b, int[] at) {
        long v = Uvarint.decode(b, at[0], b.length);
        if (v == Uvarint.INCOMPLETE || v > Integer.MAX_VALUE) {
            throw new WireException("truncated multiaddr");
        }
        at[0] += Uvarint.size(v);
        return v;
    }

    private static byte[] slice(byte[] b, int[] at, int n) {
        if (n < 0 || at[0] + n > b.length) {
            throw new WireException("truncated multiaddr");
        }
        byte[] out = java.util.Arrays.copyOfRange(b, at[0], at[0] + n);
        at[0] += n;
        return out;
    }
}
