package io.smnode.actors.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.post.init.Batch;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitSession;
import io.smnode.post.init.Initializer;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.NonceScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session contract the pool relies on: batches accepted out of order are written in order, the checkpoint never
 * claims a label whose batch is still missing, and a second copy of a batch changes nothing.
 */
class InitSessionOrderTest {
    private static final InitConfig CONFIG = new InitConfig(NodeId.ofHex("77".repeat(32)), AtxId.ofHex("02".repeat(32)),
            100, 1, 1600, 2, 25);

    @TempDir
    Path tmp;

    @Test
    void batchesAcceptedInReverseAreWrittenOnlyOnceTheFirstArrives() throws Exception {
        InitSession s = ((InitSession.Opened.Resumed) InitSession.open(tmp, CONFIG)).session();
        List<Batch> batches = new ArrayList<>();
        for (Optional<Batch> b = s.nextBatch(); b.isPresent(); b = s.nextBatch()) {
            batches.add(b.get());
        }
        assertEquals(4, batches.size(), "100 labels in batches of 25, all planned before any is written");
        Collections.reverse(batches);
        try (s; LabelBatcher batcher = CpuLabelBackend.scryptJane(1).open(s.commitment(), CONFIG.scryptN())) {
            for (int i = 0; i < 3; i++) {
                accept(s, batcher, batches.get(i));
                assertEquals(0, s.labelsDone(), "label 0's batch is still missing");
                assertEquals(0, Initializer.status(tmp).labelsDone());
                assertEquals(i + 1, s.waitingBatches());
            }
            accept(s, batcher, batches.get(3));
            assertEquals(100, s.labelsDone());
            assertEquals(0, s.waitingBatches());
            accept(s, batcher, batches.get(1)); // a retried batch answered twice
            assertEquals(100, s.labelsDone());
            assertTrue(s.done(), "this identity has its nonce inside the data");
            assertEquals(1600, Files.size(tmp.resolve("postdata_0.bin")));
            s.finish();
        }
        assertInstanceOf(InitSession.Opened.AlreadyComplete.class, InitSession.open(tmp, CONFIG));
    }

    private static void accept(InitSession s, LabelBatcher batcher, Batch b) throws Exception {
        byte[] labels = new byte[b.count() * 16];
        NonceScan scan = s.newNonceScan();
        assertTrue(batcher.compute(b.start(), b.count(), labels, 0, scan, () -> false));
        s.accept(b, labels, scan);
    }
}
