package io.smnode.node.smeshing;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The node's smeshing identity: a 32-byte Ed25519 seed, hex, in one file readable by its owner only. Made once (the
 * first start) and never replaced: a new key would be a new identity whose PoST data no longer matches.
 */
public final class IdentityKey {
    private static final int SEED_BYTES = 32;

    private IdentityKey() {}

    /** The signer of the key in {@code file} (made there first when absent), signing with {@code prefix}. */
    public static EdSigner loadOrCreate(Path file, Bytes prefix, SecureRandom random) throws IOException {
        byte[] fresh = new byte[SEED_BYTES];
        random.nextBytes(fresh);
        return loadOrCreate(file, prefix, fresh);
    }

    /** The signer of the key in {@code file}, made there from {@code seedIfNew} (32 bytes) when absent. */
    public static EdSigner loadOrCreate(Path file, Bytes prefix, byte[] seedIfNew) throws IOException {
        if (seedIfNew.length != SEED_BYTES) {
            throw new IllegalArgumentException("a key seed has " + SEED_BYTES + " bytes");
        }
        if (!Files.exists(file)) {
            writeOwnerOnly(file, Hex.encode(seedIfNew));
        }
        return load(file, prefix);
    }

    /** The signer of the key in {@code file}, signing with {@code prefix}; the file must exist. */
    public static EdSigner load(Path file, Bytes prefix) throws IOException {
        byte[] seed;
        try {
            seed = Hex.decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a hex key");
        }
        if (seed.length != SEED_BYTES) {
            throw new IOException(file + ": expected " + SEED_BYTES + " hex bytes, got " + seed.length);
        }
        return EdSigner.fromSeed(seed, prefix);
    }

    /** Written to a temporary file made owner-only before any byte is in it, then moved into place atomically. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
