package io.smnode.p2p.host;

import io.smnode.p2p.identity.Multiaddr;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * go-spacemesh's connection gater ({@code p2p/gater.go}): inbound connections only while peers ≤ 0.8 × max, dials
 * only while peers ≤ 1.1 × max; dials to private and loopback ranges are refused unless the network is private
 * (devnets, tests).
 */
public record ConnectionGater(int maxPeers, boolean privateNetwork) {
    public boolean allowInbound(int peers) {
        return peers <= maxPeers * 0.8;
    }

    public boolean allowOutbound(int peers) {
        return peers <= maxPeers * 1.1;
    }

    /** @return null when the address may be dialed, else why not */
    public String refuseDial(Multiaddr address) {
        if (privateNetwork || address.proto().startsWith("dns")) {
            return null;
        }
        try {
            InetAddress ip = InetAddress.getByName(address.host());
            if (ip.isLoopbackAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || ip.isAnyLocalAddress()
                    || isCarrierNat(ip) || isUniqueLocal(ip)) {
                return address + " is in a private range (set smnode.p2p.private-network to dial it)";
            }
            return null;
        } catch (UnknownHostException e) {
            return "bad address " + address;
        }
    }

    private static boolean isCarrierNat(InetAddress ip) {
        byte[] a = ip.getAddress();
        return a.length == 4 && (a[0] & 0xFF) == 100 && (a[1] & 0xC0) == 64;
    }

    private static boolean isUniqueLocal(InetAddress ip) {
        byte[] a = ip.getAddress();
        return a.length == 16 && (a[0] & 0xFE) == 0xFC;
    }
}
