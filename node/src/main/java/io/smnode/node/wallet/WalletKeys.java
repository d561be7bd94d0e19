package io.smnode.node.wallet;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.node.smeshing.IdentityKey;
import io.smnode.node.tools.ToolException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Wallet keys: the same file as the node's identity key (a 32-byte Ed25519 seed in hex, owner-only). The signing
 * prefix is the network's genesis id, which the wallet learns from the node it talks to.
 */
final class WalletKeys {
    private WalletKeys() {}

    static EdSigner load(Path file, Bytes genesisId) {
        try {
            return IdentityKey.load(file, genesisId);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ToolException("no key file " + file);
        } catch (IOException e) {
            throw new ToolException("key file " + file + ": " + e.getMessage());
        }
    }
}
