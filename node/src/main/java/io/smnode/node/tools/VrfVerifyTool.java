package io.smnode.node.tools;

import io.smnode.core.types.NodeId;
import io.smnode.core.vrf.VrfOutput;
import io.smnode.core.vrf.VrfProof;
import io.smnode.core.vrf.VrfVerifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "vrf-verify", description = "Verify an 80-byte ECVRF proof: {\"valid\": bool, \"beta\": hex or null}.")
public final class VrfVerifyTool extends Tool {
    @Option(names = "--pubkey", required = true, paramLabel = "HEX", description = "32-byte public key (node id).")
    String pubkey;

    @Option(names = "--alpha", required = true, paramLabel = "HEX", description = "The VRF input message.")
    String alpha;

    @Option(names = "--proof", required = true, paramLabel = "HEX", description = "80-byte proof (pi).")
    String proof;

    @Override
    protected Map<String, ?> run() {
        NodeId key = NodeId.of(HexArg.exactly("--pubkey", pubkey, NodeId.LENGTH));
        VrfProof pi = VrfProof.of(HexArg.exactly("--proof", proof, VrfProof.LENGTH));
        Optional<VrfOutput> beta = VrfVerifier.verifyAndHash(key, HexArg.any("--alpha", alpha), pi);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", beta.isPresent());
        out.put("beta", beta.map(VrfOutput::hex).orElse(null));
        return out;
    }
}
