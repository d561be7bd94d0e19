package io.smnode.persistence;

import static io.smnode.persistence.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unusable data directory is reported in one plain sentence naming the directory, before LMDB is involved. */
class LmdbDataDirectoryTest {
    @TempDir
    Path tmp;

    private static String failureOpening(Path dir) {
        return assertThrows(DataDirectoryException.class, () -> LmdbStore.open(LmdbConfig.of(dir), schema(1)))
                .getMessage();
    }

    @Test
    void aFileIsNotADirectory() throws Exception {
        Path file = Files.writeString(tmp.resolve("data"), "x");
        assertEquals("Data directory " + file + " is not a directory.", failureOpening(file));
    }

    @Test
    void aDirectoryUnderAFileCannotBeCreated() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        String message = failureOpening(file.resolve("data"));
        assertEquals(true, message.startsWith("Data directory " + file.resolve("data")
                + " does not exist and cannot be created ("), message);
    }

    @Test
    void aReadOnlyDirectoryIsNotWritable() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "running as root: permissions do not restrict this process");
            assertEquals("Data directory " + dir + " is not writable.", failureOpening(dir));
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aMissingDirectoryIsCreated() {
        Path dir = tmp.resolve("a/b/c");
        LmdbStore.open(LmdbConfig.of(dir), schema(1)).close();
        assertEquals(true, Files.isRegularFile(dir.resolve("data.mdb")));
    }

    @Test
    void aDirectoryOpenTwiceInOneProcessIsRefused() throws Exception {
        try (LmdbStore first = LmdbStore.open(LmdbConfig.of(tmp), schema(1))) {
            assertEquals(1, first.schemaVersion());
            assertEquals("Data directory " + tmp.toRealPath() + " is already open in this process.",
                    failureOpening(tmp));
        }
        LmdbStore.open(LmdbConfig.of(tmp), schema(1)).close(); // closing released the directory
    }
}
