package io.smnode.node.post;

import io.smnode.core.net.NetworkParams;
import io.smnode.core.net.Preset;
import io.smnode.node.tools.ToolException;
import io.smnode.post.k2pow.PowThreshold;

/** Argument checks shared by the post commands: one sentence naming the option when a value is unusable. */
final class PostArgs {
    private PostArgs() {}

    static NetworkParams.Post preset(String name) {
        try {
            return Preset.byName(name).params().post();
        } catch (IllegalArgumentException e) {
            throw new ToolException("--preset: " + e.getMessage());
        }
    }

    static int scryptN(String option, int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new ToolException(option + " must be a power of two of at least 2, got " + n);
        }
        return n;
    }

    static long positive(String option, long value) {
        if (value <= 0) {
            throw new ToolException(option + " must be positive, got " + value);
        }
        return value;
    }

    static PowThreshold pow(String option, String hex) {
        try {
            return PowThreshold.ofHex(hex.trim());
        } catch (IllegalArgumentException e) {
            throw new ToolException(option + " must be 32 bytes of hex: " + e.getMessage());
        }
    }
}
