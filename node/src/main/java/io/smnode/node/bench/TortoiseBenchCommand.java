package io.smnode.node.bench;

import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.tortoise.bench.TortoiseBench;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tortoise", description = "Tortoise ms per layer (ballot intake and tally) at --ballots ballots per layer "
        + "and --atxs ATXs, in verifying and in full mode, one core.")
public final class TortoiseBenchCommand extends Tool {
    @Option(names = "--atxs", defaultValue = "1000000", paramLabel = "A") int atxs;
    @Option(names = "--ballots", defaultValue = "2000", paramLabel = "B", description = "Ballots per layer.") int ballots;
    @Option(names = "--layers", defaultValue = "60", paramLabel = "L", description = "Layers per mode (the first 10 warm up).")
    int layers;

    @Override
    protected Map<String, ?> run() {
        if (atxs < 1 || ballots < 1 || layers < 3) {
            throw new ToolException("--atxs and --ballots must be positive and --layers at least 3");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "tortoise");
        out.put("atxs", atxs);
        out.put("ballots_per_layer", ballots);
        out.put("layers", layers);
        for (boolean full : new boolean[] {false, true}) {
            TortoiseBench.Result r = TortoiseBench.run(full, atxs, ballots, layers, System::nanoTime);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", r.mode());
            m.put("ms_per_layer", Benchmarks.round(r.msPerLayer()));
            m.put("ballots_ms_per_layer", Benchmarks.round(r.ballotsMsPerLayer()));
            m.put("tally_ms_per_layer", Benchmarks.round(r.tallyMsPerLayer()));
            m.put("verified_layer", r.verifiedLayer());
            m.put("last_layer", r.lastLayer());
            m.put("measured_layers", r.measuredLayers());
            m.put("heap_bytes_per_atx", Math.round(r.bytesPerAtx()));
            out.put(r.scenario(), m);
        }
        return out;
    }
}
