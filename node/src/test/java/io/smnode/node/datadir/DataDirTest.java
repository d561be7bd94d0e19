package io.smnode.node.datadir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondOpenOfTheSameDirFailsWithOneSentenceUntilTheFirstCloses() {
        Path dir = tmp.resolve("node");
        try (DataDir first = DataDir.open(dir)) {
            DataDirException e = assertThrows(DataDirException.class, () -> DataDir.open(dir));
            assertTrue(e.getMessage().contains("in use by another smnode"), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        }
        DataDir.open(dir).close();
    }

    @Test
    void createsTheLayoutOnFirstUse() {
        try (DataDir d = DataDir.open(tmp.resolve("a/b"))) {
            assertTrue(Files.isDirectory(d.stateDir()));
            assertEquals(d.root().resolve("network.conf"), d.networkFile());
            assertTrue(Files.exists(d.root().resolve("node.lock")));
        }
    }

    @Test
    void aFileWhereTheDirShouldBeFailsWithOneSentence() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        DataDirException e = assertThrows(DataDirException.class, () -> DataDir.open(file));
        assertTrue(e.getMessage().contains("not-a-dir"), e.getMessage());
    }
}
