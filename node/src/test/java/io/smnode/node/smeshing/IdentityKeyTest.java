package io.smnode.node.smeshing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity key is made once, owner-only, and the same identity comes back on every later start. */
class IdentityKeyTest {
    private static final Bytes PREFIX = Bytes.ofHex("59c8b158d35d8df0d32455056eec931ce8691a98");

    @TempDir
    Path dir;

    @Test
    void madeOnceOwnerOnlyAndReloadedUnchanged() throws IOException {
        Path file = dir.resolve("smeshing").resolve("identity.key");
        EdSigner made = IdentityKey.loadOrCreate(file, PREFIX, new SecureRandom());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        EdSigner again = IdentityKey.loadOrCreate(file, PREFIX, new SecureRandom());
        assertEquals(made.nodeId(), again.nodeId());
        assertEquals(PREFIX, again.prefix());
        assertTrue(Files.notExists(file.resolveSibling("identity.key.tmp")));
    }

    @Test
    void aDamagedKeyFileIsRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("identity.key");
        Files.writeString(file, "not hex");
        IOException notHex = assertThrows(IOException.class,
                () -> IdentityKey.loadOrCreate(file, PREFIX, new SecureRandom()));
        assertTrue(notHex.getMessage().contains(file.toString()), notHex.getMessage());
        Files.writeString(file, "abcd");
        IOException tooShort = assertThrows(IOException.class,
                () -> IdentityKey.loadOrCreate(file, PREFIX, new SecureRandom()));
        assertTrue(tooShort.getMessage().contains("expected 32 hex bytes"), tooShort.getMessage());
    }
}
