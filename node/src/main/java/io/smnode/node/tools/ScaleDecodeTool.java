package io.smnode.node.tools;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scale-decode", description = "Decode canonical SCALE bytes as a named type: {\"type\", \"value\"}. "
        + "An unknown type lists the known ones.")
public final class ScaleDecodeTool extends Tool {
    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "e.g. compact_u64, hash32, address, layer_id.")
    String type;

    @Option(names = "--hex", required = true, paramLabel = "HEX", description = "The encoded bytes; all must be consumed.")
    String hex;

    @Override
    protected Map<String, ?> run() {
        ScaleTypes types = ScaleTypes.withCoreTypes();
        Object value;
        try {
            value = types.decodeToTree(type, HexArg.any("--hex", hex));
        } catch (IllegalArgumentException e) {
            throw new ToolException(e.getMessage());
        } catch (ScaleException e) {
            throw new ToolException(type + ": " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("value", value);
        return out;
    }
}
