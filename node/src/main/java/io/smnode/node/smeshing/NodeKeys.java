package io.smnode.node.smeshing;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.signing.EdSigner;
import io.smnode.node.component.SmeshingComponent;
import io.smnode.node.config.NodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The node's keys in its data dir — the smeshing identity and the wallet its rewards go to — made at the first
 * start: from the operating system's randomness, or in test mode derived from {@code smnode.test.seed}
 * ({@code BLAKE3(purpose ‖ seed)}), so that two data dirs started with the same seed are the same node.
 */
public final class NodeKeys {
    private NodeKeys() {}

    /** The smeshing identity, signing with {@code prefix} (the genesis id). */
    public static EdSigner identity(NodeConfig config, Bytes prefix) {
        try {
            return IdentityKey.loadOrCreate(SmeshingComponent.dir(config.dataDir()).resolve("identity.key"), prefix,
                    seed(config, "identity"));
        } catch (IOException e) {
            throw new UncheckedIOException("the smeshing identity key: " + e.getMessage(), e);
        }
    }

    /** Where rewards go: the configured coinbase, else the node's own wallet (made now if it has none). */
    public static Address coinbase(NodeConfig config) {
        Optional<Address> configured = config.smeshing().coinbase();
        if (configured.isPresent()) {
            return configured.get();
        }
        try {
            return WalletKey.loadOrCreate(config.dataDir(), seed(config, "wallet"), config.network().hrp());
        } catch (IOException e) {
            throw new UncheckedIOException("the wallet key: " + e.getMessage(), e);
        }
    }

    private static byte[] seed(NodeConfig config, String purpose) {
        if (config.test().seed().isPresent()) {
            return Blake3.hash(("smnode test " + purpose + " ").getBytes(StandardCharsets.UTF_8),
                    config.test().seed().get().getBytes(StandardCharsets.UTF_8)).toByteArray();
        }
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return seed;
    }
}
