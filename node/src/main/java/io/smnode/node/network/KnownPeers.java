package io.smnode.node.network;

import io.smnode.p2p.identity.Multiaddr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peers this node was connected to, in {@code <data-dir>/p2p/peers.txt} (one multiaddr with /p2p a line, as
 * go-spacemesh keeps {@code connected.txt}): rewritten every few seconds (replaced whole, not fsynced: losing it
 * only means starting from the bootnodes) and dialed at the next start. {@code smnode localnet status} reads its
 * length as the node's peer count.
 */
public final class KnownPeers {
    private static final Logger LOG = LoggerFactory.getLogger(KnownPeers.class);
    private final Path file;

    public KnownPeers(Path dataDir) {
        this.file = file(dataDir);
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("p2p").resolve("peers.txt");
    }

    public List<Multiaddr> load() {
        List<Multiaddr> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    if (!line.isBlank()) {
                        out.add(Multiaddr.parse(line.trim()));
                    }
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}: skipping '{}': {}", file, line, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read the known peers {}: {}", file, e.getMessage());
        }
        return out;
    }

    public void save(List<Multiaddr> peers) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("peers.txt.tmp");
            Files.write(tmp, peers.stream().map(Multiaddr::toString).toList(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write the known peers {}: {}", file, e.getMessage());
        }
    }
}
