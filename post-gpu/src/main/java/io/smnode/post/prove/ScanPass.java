package io.smnode.post.prove;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One pass over the label data for one nonce range: batches are read in order on the calling thread and scanned on
 * {@code threads} threads (each with its own {@link LabelScanner}, so its own AES keys); their qualifying pairs reach
 * the sink strictly in batch order, so the outcome is the single-threaded one whatever the thread count.
 */
final class ScanPass {
    private ScanPass() {}

    /**
     * @return true when the sink stopped the pass (a nonce reached K2), false at the end of the data
     * @throws ProvingException CANCELLED when {@code cancelled} answers true between batches
     */
    static boolean run(LabelData data, Supplier<LabelScanner> scanners, int threads, LabelScanner.Sink sink,
            BooleanSupplier cancelled) throws IOException, ProvingException {
        return threads == 1 ? sequential(data, scanners.get(), sink, cancelled)
                : parallel(data, scanners, threads, sink, cancelled);
    }

    private static boolean sequential(LabelData data, LabelScanner scanner, LabelScanner.Sink sink,
            BooleanSupplier cancelled) throws IOException, ProvingException {
        byte[] buffer = new byte[Batching.BATCH];
        try (LabelSource source = data.open()) {
            int n;
            while ((n = source.read(buffer)) > 0) {
                checkCancelled(cancelled);
                if (scanner.scan(buffer, n, source.batchFirstLabel(), sink)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A batch being scanned: its buffer goes back to the pool once its pairs are handed on. */
    private record InFlight(byte[] buffer, Future<LabelScanner.Hits> hits) {}

    private static boolean parallel(LabelData data, Supplier<LabelScanner> scanners, int threads,
            LabelScanner.Sink sink, BooleanSupplier cancelled) throws IOException, ProvingException {
        // one batch read ahead per thread beyond the ones being scanned keeps the threads busy while the reader waits
        int buffers = threads * 2;
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(buffers);
        BlockingQueue<LabelScanner> idle = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < buffers; i++) {
            free.add(new byte[Batching.BATCH]);
        }
        for (int i = 0; i < threads; i++) {
            idle.add(scanners.get());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "post-scan");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        try (LabelSource source = data.open()) {
            boolean more = true;
            while (true) {
                while (more && !free.isEmpty()) {
                    byte[] buffer = free.poll();
                    int n = source.read(buffer);
                    if (n <= 0) {
                        more = false;
                        free.add(buffer);
                        break;
                    }
                    long first = source.batchFirstLabel();
                    inFlight.add(new InFlight(buffer, pool.submit(() -> scan(idle, buffer, n, first))));
                }
                InFlight head = inFlight.poll();
                if (head == null) {
                    return false;
                }
                LabelScanner.Hits hits = await(head.hits());
                free.add(head.buffer());
                if (hits.replay(sink)) {
                    return true;
                }
                checkCancelled(cancelled);
            }
        } finally {
            inFlight.forEach(f -> f.hits().cancel(true));
            pool.shutdownNow();
        }
    }

    private static LabelScanner.Hits scan(BlockingQueue<LabelScanner> idle, byte[] buffer, int n, long first)
            throws InterruptedException {
        LabelScanner scanner = idle.take();
        try {
            LabelScanner.Hits hits = new LabelScanner.Hits();
            scanner.scan(buffer, n, first, hits);
            return hits;
        } finally {
            idle.add(scanner);
        }
    }

    private static LabelScanner.Hits await(Future<LabelScanner.Hits> f) throws ProvingException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvingException(ProvingException.Reason.CANCELLED, "interrupted", e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a scan thread failed", cause);
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled) throws ProvingException {
        if (cancelled.getAsBoolean()) {
            throw new ProvingException(ProvingException.Reason.CANCELLED, "stopped by the caller", null);
        }
    }
}
