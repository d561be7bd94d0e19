package io.smnode.node.post;

import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.Bytes;
import io.smnode.node.tools.HexArg;
import io.smnode.node.tools.Tool;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowVerifier;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.k2pow.RandomXVm;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.VerificationResult;
import io.smnode.post.verify.VerifyMode;
import io.smnode.post.verify.VerifyingParams;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", description = "Verify a proof written by `post prove` under a network's parameters (labels per unit, "
        + "scrypt N, K1/K2, PoW, unit bounds): {\"valid\": bool, \"result\": ...}.")
public final class PostVerifyCommand extends Tool {
    @Option(names = "--proof", required = true, paramLabel = "FILE") Path proofFile;
    @Option(names = "--preset", defaultValue = "mainnet", paramLabel = "NAME", description = "Network whose K1/K2/PoW/unit bounds apply.")
    String preset;
    @Option(names = "--k3", paramLabel = "K3", description = "Check only K3 indices drawn from --seed (default: all K2).")
    Integer k3;
    @Option(names = "--seed", defaultValue = "", paramLabel = "HEX", description = "Seed for the K3 subset.")
    String seed;

    @Override
    protected Map<String, ?> run() {
        ProofFile file = ProofFile.read(proofFile);
        NetworkParams.Post net = PostArgs.preset(preset);
        VerifyingParams params = new VerifyingParams(net.k1(), net.k2(), PowThreshold.of(net.powDifficulty().toByteArray()),
                net.labelsPerUnit(), net.minNumUnits(), net.maxNumUnits(), net.scryptN());
        VerifyMode mode = k3 == null ? new VerifyMode.All()
                : new VerifyMode.Subset((int) PostArgs.positive("--k3", k3), Bytes.wrap(HexArg.any("--seed", seed)));
        VerificationResult result;
        try (RandomX rx = RandomX.forSpacemesh(RandomXMode.LIGHT, 1); RandomXVm vm = rx.newVm()) {
            result = new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm)).verify(file.proof(), file.metadata(), params, mode);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", result.isValid());
        out.put("result", result.toString());
        return out;
    }
}
