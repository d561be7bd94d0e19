package io.smnode.vm.rewards;

/**
 * The economics model of the vaulted 150M SMH (spacemeshos/economics {@code vesting}): nothing until one year after
 * genesis, then a fixed amount per layer for three years, the rounding remainder on the last layer. The chain itself
 * enforces vesting per vault (see the vault template); this is the network-wide schedule the issuance tables use.
 */
public final class Vesting {
    public static final long VEST_START = Issuance.ONE_YEAR_LAYERS;
    public static final long VEST_END = 4 * Issuance.ONE_YEAR_LAYERS;
    public static final long VEST_PER_LAYER = Issuance.TOTAL_VAULTED / (VEST_END - VEST_START);

    private Vesting() {}

    /** Vested smidge as of {@code layersAfterGenesis}. */
    public static long accumulatedVest(long layersAfterGenesis) {
        if (layersAfterGenesis < VEST_START) {
            return 0;
        }
        if (layersAfterGenesis >= VEST_END) {
            return Issuance.TOTAL_VAULTED;
        }
        return Math.multiplyExact(VEST_PER_LAYER, layersAfterGenesis - VEST_START);
    }

    /** Smidge vesting in {@code layersAfterGenesis} itself. */
    public static long vestAtLayer(long layersAfterGenesis) {
        if (layersAfterGenesis < VEST_START || layersAfterGenesis > VEST_END) {
            return 0;
        }
        return accumulatedVest(layersAfterGenesis) - accumulatedVest(layersAfterGenesis - 1);
    }
}
