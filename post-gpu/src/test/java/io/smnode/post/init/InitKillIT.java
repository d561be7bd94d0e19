package io.smnode.post.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.post.label.CpuLabelBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM killed with SIGKILL in the middle of initialization; the resumed directory equals an unbroken one. */
class InitKillIT {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void killedInitResumesToTheSameBytes() throws Exception {
        Path killed = Files.createDirectory(tmp.resolve("killed"));
        Path unbroken = Files.createDirectory(tmp.resolve("unbroken"));
        long total = InitChild.CONFIG.totalLabels();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InitChild.class.getName(), killed.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long seen = 0;
        while (seen < total / 4) {
            assertTrue(child.isAlive(), "the child ended before it could be killed: "
                    + Files.readString(tmp.resolve("child.log")));
            Thread.sleep(20);
            seen = checkpoint(killed).map(Checkpoint::labelsDone).orElse(0L);
        }
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        long atKill = checkpoint(killed).orElseThrow().labelsDone();
        assertTrue(atKill < total, "killed mid-way: " + atKill + " of " + total);
        assertEquals(InitStatus.State.IN_PROGRESS, Initializer.status(killed).state());

        ExecutorService pool = Executors.newFixedThreadPool(InitChild.THREADS);
        try {
            long[] firstReported = {-1};
            InitResult resumed = new Initializer(killed, InitChild.CONFIG, CpuLabelBackend.scryptJane(2), pool,
                    System::nanoTime, p -> firstReported[0] = firstReported[0] < 0 ? p.labelsDone() : firstReported[0])
                    .run();
            assertInstanceOf(InitResult.Completed.class, resumed);
            assertTrue(firstReported[0] > atKill, "resumed after the durable labels, not from the start");
            new Initializer(unbroken, InitChild.CONFIG, CpuLabelBackend.scryptJane(2), pool, System::nanoTime,
                    InitListener.NONE).run();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(DirContents.of(unbroken), DirContents.of(killed));
    }

    private static Optional<Checkpoint> checkpoint(Path dir) {
        try {
            return Initializer.readCheckpoint(dir);
        } catch (Exception e) {
            return Optional.empty(); // not written yet
        }
    }
}
