package io.smnode.node.bench;

import io.smnode.hare.HareBench;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hare", description = "Hare messages/s for the mainnet committee (800 seats): decode, signature, VRF, "
        + "eligibility and graded gossip, one core.")
public final class HareBenchCommand extends Tool {
    @Option(names = "--identities", defaultValue = "1000", paramLabel = "N", description = "Equal-weight identities (about 550 of 1000 are eligible).")
    int identities;
    @Option(names = "--repetitions", defaultValue = "7", paramLabel = "R", description = "Runs over all messages; the best counts.")
    int repetitions;

    @Override
    protected Map<String, ?> run() {
        if (identities < 10 || repetitions < 1) {
            throw new ToolException("--identities must be at least 10 and --repetitions at least 1");
        }
        HareBench.Result r = HareBench.run(identities, repetitions, System::nanoTime);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "hare");
        out.put("committee", r.committee());
        out.put("identities", r.identities());
        out.put("messages", r.messages());
        out.put("proposals_per_message", r.proposalsPerMessage());
        out.put("messages_per_second", Math.round(r.messagesPerSecond()));
        out.put("us_per_message", Benchmarks.round(r.usPerMessage()));
        out.put("protocol_us_per_message", Benchmarks.round(r.protocolUsPerMessage()));
        out.put("signature_us", Benchmarks.round(r.signatureUs()));
        out.put("vrf_us", Benchmarks.round(r.vrfUs()));
        out.put("propose_round_us", Benchmarks.round(r.proposeRoundUs()));
        return out;
    }
}
