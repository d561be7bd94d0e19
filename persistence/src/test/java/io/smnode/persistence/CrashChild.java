package io.smnode.persistence;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The process {@link LmdbCrashIT} kills. Opens the store in {@code args[0]}, continues after its "last" marker,
 * and commits {@link CrashSchema} batches forever, printing each batch number only after {@code write} returned.
 * Exits on its own when its stdin closes, so it can never outlive a parent that died without killing it.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; EOF means it is gone
                }
            } catch (IOException ignored) {
                // treat a broken pipe like EOF
            }
            Runtime.getRuntime().halt(3);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        LmdbConfig config = new LmdbConfig(Path.of(args[0]), 256 << 10, 1L << 30, 16);
        try (LmdbStore store = LmdbStore.open(config, CrashSchema.SCHEMA)) {
            long last = store.get(CrashSchema.PROGRESS, CrashSchema.LAST).orElse(0L);
            System.out.println("start " + last);
            for (long b = last + 1; ; b++) {
                store.write(CrashSchema.batch(b));
                System.out.println(b);
                System.out.flush();
            }
        }
    }
}
