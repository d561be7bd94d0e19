package io.smnode.node.post;

import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.Hash32;
import io.smnode.node.tools.HexArg;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.post.init.InitException;
import io.smnode.post.init.InitStatus;
import io.smnode.post.init.Initializer;
import io.smnode.post.init.PostMetadata;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowSolver;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.prove.PostDataDirectory;
import io.smnode.post.prove.Proof;
import io.smnode.post.prove.Prover;
import io.smnode.post.prove.ProvingException;
import io.smnode.post.prove.ProvingParams;
import io.smnode.post.verify.ProofMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prove", description = "Prove from complete PoST data for a challenge: the proof as JSON (also written with --out).")
public final class PostProveCommand extends Tool {
    @Option(names = "--data-dir", required = true, paramLabel = "DIR") Path dataDir;
    @Option(names = "--challenge", required = true, paramLabel = "HEX", description = "32-byte challenge (zeros for an initial proof).")
    String challenge;
    @Option(names = "--preset", defaultValue = "mainnet", paramLabel = "NAME", description = "Network whose K1/K2/PoW/scrypt N apply (default: ${DEFAULT-VALUE}).")
    String preset;
    @Option(names = "--nonces", defaultValue = "16", paramLabel = "K", description = "Nonces per pass over the data (a multiple of 16).")
    int nonces;
    @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "Threads for the k2pow search.")
    int threads;
    @Option(names = "--randomx", defaultValue = "light", paramLabel = "light|fast", description = "fast needs ~2 GiB and a minute to start.")
    String randomx;
    @Option(names = "--out", paramLabel = "FILE", description = "Also write the proof JSON here.")
    Path out;

    @Override
    protected Map<String, ?> run() {
        Hash32 c = Hash32.of(HexArg.exactly("--challenge", challenge, Hash32.LENGTH));
        NetworkParams.Post net = PostArgs.preset(preset);
        PostMetadata meta = completeMetadata();
        RandomXMode mode = switch (randomx.toLowerCase(Locale.ROOT)) {
            case "light" -> RandomXMode.LIGHT;
            case "fast" -> RandomXMode.FAST;
            default -> throw new ToolException("--randomx must be light or fast, got '" + randomx + "'");
        };
        ProvingParams params = new ProvingParams(net.k1(), net.k2(), meta.numUnits(), meta.labelsPerUnit(),
                io.smnode.post.k2pow.PowThreshold.of(net.powDifficulty().toByteArray()));
        Proof proof;
        try (RandomX rx = RandomX.forSpacemesh(mode, (int) PostArgs.positive("--threads", threads));
             RandomXK2PowSolver solver = new RandomXK2PowSolver(rx, threads)) {
            proof = new Prover(solver).prove(new PostDataDirectory(dataDir, meta.maxFileSize()), c, meta.nodeId(), params, nonces);
        } catch (ProvingException e) {
            throw new ToolException("cannot prove: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = net.scryptN();
        ProofFile file = new ProofFile(proof, new ProofMetadata(meta.nodeId(), meta.commitmentAtxId(), c, meta.numUnits()),
                meta.labelsPerUnit(), n);
        Map<String, Object> json = file.toJson();
        if (out != null) {
            try {
                Files.writeString(out, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(json));
            } catch (IOException e) {
                throw new ToolException("--out " + out + " cannot be written: " + e.getMessage());
            }
        }
        return json;
    }

    private PostMetadata completeMetadata() {
        try {
            InitStatus status = Initializer.status(dataDir);
            if (status.state() != InitStatus.State.COMPLETE || status.metadata().isEmpty()) {
                throw new ToolException("--data-dir " + dataDir + " holds no complete PoST data (state "
                        + status.state().name().toLowerCase(Locale.ROOT) + "); run `smnode post init` first");
            }
            return status.metadata().get();
        } catch (InitException e) {
            throw new ToolException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
