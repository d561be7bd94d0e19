package io.smnode.node.smeshing;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.Principal;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own wallet, the default coinbase: an Ed25519 key in {@code <data-dir>/wallet.key} (hex seed, owner
 * only), made at the first start; its address is the wallet template's principal of the public key, so the operator
 * can spend the rewards with that key. The path and address are logged once, when the key is made.
 */
public final class WalletKey {
    private static final Logger LOG = LoggerFactory.getLogger(WalletKey.class);

    private WalletKey() {}

    public static Path file(Path dataDir) {
        return dataDir.resolve("wallet.key");
    }

    /** The wallet's address (the key made from {@code seedIfNew} when there is none yet). */
    public static Address loadOrCreate(Path dataDir, byte[] seedIfNew, String hrp) throws IOException {
        Path file = file(dataDir);
        boolean fresh = !Files.exists(file);
        EdSigner key = IdentityKey.loadOrCreate(file, Bytes.EMPTY, seedIfNew);
        Address address = Principal.wallet(key.nodeId());
        if (fresh) {
            LOG.info("wallet key created at {} (keep it: it spends this node's rewards); coinbase address {}",
                    file.toAbsolutePath(), AddressCodec.encode(address, hrp));
        }
        return address;
    }
}
