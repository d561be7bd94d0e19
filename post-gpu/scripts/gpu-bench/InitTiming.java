import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.post.cuda.LabelBackends;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.label.LabelBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * `smnode post init --provider cuda` without the node: initializes LABELS labels at N with LabelBackends.best and
 * prints the rate. Uses only APIs the first CUDA backend had too, so that the same program times the old and the new
 * backend (compiled against either's classes) in one device run. Usage: InitTiming LABELS [N=8192] [DIR].
 */
public final class InitTiming {
    public static void main(String[] args) throws Exception {
        long labels = Long.parseLong(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 8192;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("init-timing");
        int cores = Runtime.getRuntime().availableProcessors();
        LabelBackend backend = LabelBackends.best(System.err::println, cores);
        InitConfig config = new InitConfig(NodeId.ofHex("b0".repeat(32)), AtxId.ofHex("0b".repeat(32)), labels, 1,
                1L << 30, n, backend.preferredBatchLabels(n));
        ExecutorService pool = Executors.newFixedThreadPool(backend.concurrency());
        long t = System.nanoTime();
        InitResult r = new Initializer(dir, config, backend, pool, System::nanoTime, p -> { }).run();
        double secs = (System.nanoTime() - t) / 1e9;
        pool.shutdownNow();
        System.out.printf("INIT backend=\"%s\" labels=%d seconds=%.2f labels_per_s=%.0f result=%s%n", backend.name(),
                labels, secs, labels / secs, r.getClass().getSimpleName());
        System.exit(0);
    }
}
