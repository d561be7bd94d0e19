package io.smnode.node.bench;

import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.vm.bench.VmBench;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "vm", description = "VM tx/s of wallet spends (parse, Ed25519 verify, execute, state hash), one core.")
public final class VmBenchCommand extends Tool {
    @Option(names = "--wallets", defaultValue = "2000", paramLabel = "W", description = "Wallets, each spending once a layer.")
    int wallets;
    @Option(names = "--layers", defaultValue = "12", paramLabel = "L", description = "Layers (the first third warm up).")
    int layers;

    @Override
    protected Map<String, ?> run() {
        if (wallets < 2 || layers < 2) {
            throw new ToolException("--wallets and --layers must be at least 2");
        }
        VmBench.Result r = VmBench.run(wallets, layers, System::nanoTime);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "vm");
        out.put("wallets", r.wallets());
        out.put("measured_layers", r.measuredLayers());
        out.put("transactions", r.applied());
        out.put("tx_per_second", Math.round(r.txPerSecond()));
        out.put("signature_share", Benchmarks.round(r.signatureShare()));
        out.put("us_per_signature", Benchmarks.round(r.usPerSignature()));
        out.put("state_hash_ms_per_layer", Benchmarks.round(r.stateHashMsPerLayer()));
        return out;
    }
}
