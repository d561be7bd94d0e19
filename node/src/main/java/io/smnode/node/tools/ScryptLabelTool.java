package io.smnode.node.tools;

import io.smnode.core.types.Hash32;
import io.smnode.core.util.Hex;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.ScryptJane;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scrypt-label", description = "One PoST label (scrypt-jane): {\"output\": 32-byte hex, \"label\": 16-byte hex}.")
public final class ScryptLabelTool extends Tool {
    @Option(names = "--commitment", required = true, paramLabel = "HEX", description = "32-byte commitment.")
    String commitment;

    @Option(names = "--index", required = true, paramLabel = "I", description = "Label index (unsigned 64-bit).")
    String index;

    @Option(names = "--n", required = true, paramLabel = "N", description = "scrypt N: a power of two, at least 2.")
    int n;

    @Override
    protected Map<String, ?> run() {
        Hash32 c = Hash32.of(HexArg.exactly("--commitment", commitment, Hash32.LENGTH));
        long i;
        try {
            i = Long.parseUnsignedLong(index.trim());
        } catch (NumberFormatException e) {
            throw new ToolException("--index must be an unsigned 64-bit integer, got '" + index + "'");
        }
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new ToolException("--n must be a power of two of at least 2, got " + n);
        }
        byte[] out = new byte[LabelGenerator.OUTPUT_SIZE];
        new ScryptJane(c, n).output(i, out, 0);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("output", Hex.encode(out));
        result.put("label", Hex.encode(out, 0, LabelGenerator.LABEL_SIZE));
        return result;
    }
}
