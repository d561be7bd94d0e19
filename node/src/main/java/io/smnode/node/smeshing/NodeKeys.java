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
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The node's {@code count} smeshing identities: the first as {@link #identity}, identity {@code i} (from 1) in
     * {@code <data-dir>/identities/identity-i.key} (in test mode derived from the seed and {@code i}).
     */
    public static List<EdSigner> identities(NodeConfig config, Bytes prefix, int count) {
        List<EdSigner> out = new ArrayList<>();
        out.add(identity(config, prefix));
        for (int i = 1; i < count; i++) {
            Path file = config.dataDir().resolve("identities").resolve("identity-" + i + ".key");
            try {
                out.add(IdentityKey.loadOrCreate(file, prefix, seed(config, "identity-" + i)));
            } catch (IOException e) {
                throw new UncheckedIOException("smeshing identity " + i + "'s key: " + e.getMessage(), e);
            }
        }
        return out;
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
