package io.smnode.node.poet;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * A PoET server's directory: {@code server.key} (the ed25519 seed, made at first start, owner-only), {@code
 * pow-challenge} (the initial PoW challenge, so a restart before the first proof keeps quoted parameters valid),
 * {@code genesis} (remembered when the first start chose it), {@code registrations.log} and {@code rounds/<n>/}.
 * Each small file is written whole through a temporary file and a rename, so a crash leaves the old one or the new.
 */
public final class PoetDataDir {
    private final Path root;

    private PoetDataDir(Path root) {
        this.root = root;
    }

    public static PoetDataDir open(Path root) throws IOException {
        Files.createDirectories(root.resolve("rounds"));
        return new PoetDataDir(root);
    }

    public Path root() {
        return root;
    }

    public Path registrations() {
        return root.resolve("registrations.log");
    }

    public Path roundDir(long round) {
        return root.resolve("rounds").resolve(Long.toString(round));
    }

    /** The server's signer, its seed generated on first use. */
    public EdSigner serverKey(SecureRandom random) throws IOException {
        return EdSigner.fromSeed(orCreate("server.key", 32, random, true).toByteArray(), Bytes.EMPTY);
    }

    public Bytes initialPowChallenge(SecureRandom random) throws IOException {
        return orCreate("pow-challenge", 32, random, false);
    }

    /** {@code given} when set (and remembered), else the remembered genesis, else {@code fallback} remembered. */
    public Instant genesis(Optional<Instant> given, Instant fallback) throws IOException {
        Path file = root.resolve("genesis");
        if (given.isEmpty() && Files.exists(file)) {
            return Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
        }
        Instant genesis = given.orElse(fallback);
        writeAtomically(file, genesis.toString(), false);
        return genesis;
    }

    private Bytes orCreate(String name, int length, SecureRandom random, boolean secret) throws IOException {
        Path file = root.resolve(name);
        if (Files.exists(file)) {
            Bytes b;
            try {
                b = Bytes.wrap(Hex.decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": not hex");
            }
            if (b.length() != length) {
                throw new IOException(file + ": expected " + length + " hex bytes");
            }
            return b;
        }
        byte[] fresh = new byte[length];
        random.nextBytes(fresh);
        writeAtomically(file, Hex.encode(fresh), secret);
        return Bytes.wrap(fresh);
    }

    private void writeAtomically(Path file, String text, boolean secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text + "\n", StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's own protection has to do.
            }
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
