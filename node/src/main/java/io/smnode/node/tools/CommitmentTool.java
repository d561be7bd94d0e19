package io.smnode.node.tools;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.post.label.Commitment;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "commitment", description = "PoST commitment blake3(node id || commitment ATX): {\"commitment\": hex}.")
public final class CommitmentTool extends Tool {
    @Option(names = "--node-id", required = true, paramLabel = "HEX", description = "32-byte node id.")
    String nodeId;

    @Option(names = "--atx", required = true, paramLabel = "HEX", description = "32-byte commitment ATX id.")
    String atx;

    @Override
    protected Map<String, ?> run() {
        NodeId node = NodeId.of(HexArg.exactly("--node-id", nodeId, NodeId.LENGTH));
        AtxId commitmentAtx = AtxId.of(HexArg.exactly("--atx", atx, AtxId.LENGTH));
        return Map.of("commitment", Commitment.of(node, commitmentAtx).hex());
    }
}
