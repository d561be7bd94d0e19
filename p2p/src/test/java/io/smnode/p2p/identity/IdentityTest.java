package io.smnode.p2p.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.util.Hex;
import io.smnode.p2p.host.HostConfig;
import io.smnode.core.testing.Vectors;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTest {
    /** A mainnet bootnode id (go-spacemesh config/mainnet.go). */
    private static final String BOOTNODE = "12D3KooWPStnitMbLyWAGr32gHmPr538mT658Thp6zTUujZt3LRf";

    @Test
    void aGoSpacemeshPeerIdParsesAsAnInlinedEd25519Key() {
        PeerId id = PeerId.parse(BOOTNODE);
        assertEquals(BOOTNODE, id.toString());
        byte[] mh = id.toBytes();
        assertEquals("0024080112" + "20", Hex.encode(Arrays.copyOf(mh, 6)));
        assertEquals(PeerId.fromPublicKey(id.publicKey()), id);
    }

    @Test
    void hostKeysRoundTripGoSProtobufAndSign() {
        byte[] seed = new byte[32];
        seed[0] = 7;
        HostKey k = HostKey.fromSeed(seed);
        assertTrue(k.peerId().toString().startsWith("12D3KooW"));
        HostKey back = HostKey.fromProtobuf(k.toProtobuf());
        assertEquals(k.peerId(), back.peerId());
        assertEquals("08011240", Hex.encode(Arrays.copyOf(k.toProtobuf(), 4)));
        byte[] sig = k.sign("m".getBytes());
        assertTrue(HostKey.verify(k.publicKey(), "m".getBytes(), sig));
        assertFalse(HostKey.verify(k.publicKey(), "n".getBytes(), sig));
    }

    @Test
    void badPeerIdsAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeerId.parse("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N"));
        assertTrue(e.getMessage().contains("not an Ed25519 peer id"));
        assertThrows(IllegalArgumentException.class, () -> PeerId.parse("12D3KooW0OIl"));
    }

    @Test
    void multiaddrsInTextAndBinary() {
        Multiaddr a = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001");
        // The multiaddr spec's example encoding of /ip4/127.0.0.1/tcp/4001.
        assertEquals("047f000001060fa1", Hex.encode(a.toBytes()));
        Multiaddr withPeer = Multiaddr.parse("/ip4/10.0.0.1/tcp/5000/p2p/" + BOOTNODE);
        assertEquals(withPeer, Multiaddr.fromBytes(withPeer.toBytes()).orElseThrow());
        assertEquals("/ip4/10.0.0.1/tcp/5000/p2p/" + BOOTNODE, withPeer.toString());
        Multiaddr dns = Multiaddr.parse("/dns4/mainnet-bootnode-0.spacemesh.network/tcp/5000");
        assertEquals(dns, Multiaddr.fromBytes(dns.toBytes()).orElseThrow());
        Multiaddr v6 = Multiaddr.parse("/ip6/::1/tcp/7513");
        assertEquals(7513, Multiaddr.fromBytes(v6.toBytes()).orElseThrow().port());
        for (String bad : new String[] {"/ip4/1.2.3/tcp/1", "/ip4/127.0.0.1/udp/1", "/ip4/127.0.0.1/tcp/70000", "ip4/1.1.1.1/tcp/1",
                "/quic/1.1.1.1/tcp/1", "/ip4/127.0.0.1/tcp/1/p2p/nope"}) {
            assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse(bad), bad);
        }
        assertTrue(Multiaddr.fromBytes(Hex.decode("047f000001910203e8")).isEmpty(), "udp/quic is skipped, not an error");
    }

    @Test
    void thePrologueOfMainnetMatchesGoSpacemesh() {
        JsonNode mainnet = Vectors.cases("genesis.json", c -> c.path("id").asText().equals("network/mainnet")).get(0);
        long effectiveGenesis = 2L * mainnet.get("layers_per_epoch").asLong() - 1;
        byte[] prologue = HostConfig.prologue(Hex.decode(mainnet.get("genesis_id").asText()), effectiveGenesis);
        // go-spacemesh node/relay_test.go: "mainnet Noise prologue".
        assertEquals("9eebff023abb17ccb775c602daade8ed708f0a50-8063", new String(prologue));
    }

    @Test
    void theKeyFileIsMadeOnceOwnerOnlyAndDamageIsRefused(@TempDir Path dir) throws IOException {
        Path file = KeyFile.path(dir);
        HostKey made = KeyFile.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(made.peerId(), KeyFile.loadOrCreate(file).peerId());
        String json = Files.readString(file);
        assertTrue(json.contains("\"ID\":\"" + made.peerId() + "\""), json);
        assertArrayEquals(made.toProtobuf(), KeyFile.load(file).toProtobuf());
        Files.writeString(file, "{\"Key\":\"AAAA\"}");
        IOException e = assertThrows(IOException.class, () -> KeyFile.loadOrCreate(file));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }
}
