package io.smnode.p2p.fuzz;

import java.util.Arrays;
import java.util.Random;

/** Deterministic mutations of valid frames: bit flips, random bytes, truncation, duplication, insertion, huge lengths. */
public final class Mutator {
    private final Random rng;

    public Mutator(long seed) {
        this.rng = new Random(seed);
    }

    public byte[] mutate(byte[] valid) {
        byte[] b = valid.clone();
        int ops = 1 + rng.nextInt(4);
        for (int i = 0; i < ops; i++) {
            b = once(b);
        }
        return b;
    }

    private byte[] once(byte[] b) {
        if (b.length == 0) {
            return new byte[] {(byte) rng.nextInt()};
        }
        int at = rng.nextInt(b.length);
        switch (rng.nextInt(7)) {
            case 0 -> b[at] ^= (byte) (1 << rng.nextInt(8));
            case 1 -> b[at] = (byte) rng.nextInt();
            case 2 -> b = Arrays.copyOf(b, at);
            case 3 -> {
                int len = 1 + rng.nextInt(Math.min(64, b.length - at));
                byte[] r = Arrays.copyOf(b, b.length + len);
                System.arraycopy(b, at, r, b.length, len);
                b = r;
            }
            case 4 -> {
                byte[] ins = new byte[1 + rng.nextInt(16)];
                rng.nextBytes(ins);
                byte[] r = new byte[b.length + ins.length];
                System.arraycopy(b, 0, r, 0, at);
                System.arraycopy(ins, 0, r, at, ins.length);
                System.arraycopy(b, at, r, at + ins.length, b.length - at);
                b = r;
            }
            case 5 -> b[at] = (byte) 0xFF;
            default -> b[at] = 0;
        }
        return b;
    }
}
