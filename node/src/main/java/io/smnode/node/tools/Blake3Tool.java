package io.smnode.node.tools;

import io.smnode.core.hash.Blake3;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "blake3", description = "BLAKE3-256 of bytes: {\"hash\": hex}.")
public final class Blake3Tool extends Tool {
    @Option(names = "--hex", required = true, paramLabel = "HEX", description = "The input bytes.")
    String hex;

    @Override
    protected Map<String, ?> run() {
        return Map.of("hash", Blake3.hash(HexArg.any("--hex", hex)).hex());
    }
}
