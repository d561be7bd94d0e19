package io.smnode.node.post;

import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.post.init.InitException;
import io.smnode.post.init.InitStatus;
import io.smnode.post.init.Initializer;
import io.smnode.post.init.PostMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", description = "State of a PoST data directory: {\"state\", \"labels_done\", \"percent\", ...}.")
public final class PostStatusCommand extends Tool {
    @Option(names = "--data-dir", required = true, paramLabel = "DIR") Path dataDir;

    @Override
    protected Map<String, ?> run() {
        InitStatus status;
        try {
            status = Initializer.status(dataDir);
        } catch (InitException e) {
            throw new ToolException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", status.state().name().toLowerCase(Locale.ROOT));
        out.put("labels_done", status.labelsDone());
        out.put("percent", status.percent());
        status.metadata().ifPresent(m -> describe(m, out));
        return out;
    }

    private static void describe(PostMetadata m, Map<String, Object> out) {
        out.put("node_id", m.nodeId().hex());
        out.put("commitment_atx", m.commitmentAtxId().hex());
        out.put("num_units", m.numUnits());
        out.put("labels_per_unit", m.labelsPerUnit());
        out.put("total_labels", m.totalLabels());
        out.put("max_file_size", m.maxFileSize());
        out.put("nonce", m.nonce().isPresent() ? m.nonce().getAsLong() : null);
    }
}
