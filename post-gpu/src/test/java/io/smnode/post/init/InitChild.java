package io.smnode.post.init;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.post.label.CpuLabelBackend;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The process {@link InitKillIT} kills: initializes {@link #CONFIG} in the directory given as first argument. */
public final class InitChild {
    /** Big enough to take seconds (N = 4096), small enough for a test: 6000 labels in files of 1000. */
    static final InitConfig CONFIG = new InitConfig(NodeId.ofHex("0a".repeat(32)), AtxId.ofHex("0b".repeat(32)),
            3000, 2, 1000 * 16, 4096, 100);
    static final int THREADS = 2;

    private InitChild() {}

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            InitResult r = new Initializer(Path.of(args[0]), CONFIG, CpuLabelBackend.scryptJane(THREADS), pool,
                    System::nanoTime, InitListener.NONE).run();
            System.out.println(r);
        } finally {
            pool.shutdownNow();
        }
    }
}
