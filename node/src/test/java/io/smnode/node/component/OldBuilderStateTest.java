package io.smnode.node.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An earlier version's builder state file keeps smeshing off, with one sentence that names the file. */
class OldBuilderStateTest {
    @TempDir
    Path dataDir;

    @Test
    void noFileNoRefusal() {
        assertEquals(Optional.empty(), SmeshingComponent.oldBuilderState(dataDir));
    }

    @Test
    void theFileMakesSmeshingRefuseInOneSentenceNamingIt() throws Exception {
        Path file = SmeshingComponent.dir(dataDir).resolve("builder-state");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");
        String why = SmeshingComponent.oldBuilderState(dataDir).orElseThrow();
        assertTrue(why.contains(file.toString()), why);
        assertTrue(why.startsWith("smeshing is off: "), why);
        assertTrue(why.endsWith(".") && why.indexOf(". ") < 0, "one sentence: " + why);
    }
}
