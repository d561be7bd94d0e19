package io.smnode.vm.template;

/** genvm's gas price list ({@code genvm/core/gas.go}) and the per-template formulas built from it. */
public final class Gas {
    public static final long TXDATA = 128;
    public static final long TX = 20_000;
    public static final long SPAWN = 30_000;
    public static final long STORE = 5_000;
    public static final long UPDATE = 725;
    public static final long LOAD = 182;
    public static final long ACCOUNT_ACCESS = 2_500;
    public static final long EDVERIFY = 3_000;

    static final int PUBLIC_KEY_SIZE = 32;
    /** The reference's account header size: its comment lists balance, nonce and template address, its value is 36. */
    static final int ACCOUNT_HEADER_SIZE = 36;
    static final int ACCOUNT_BALANCE_SIZE = 8;
    static final int VAULT_STATE_SIZE = ACCOUNT_HEADER_SIZE + 56;
    static final int DRAINED_SIZE = 8;
    /** The reference's answer for a method a template does not have (never reached: such methods fail to parse). */
    static final long UNKNOWN_METHOD = -1L; // MaxUint64

    private Gas() {}

    /** {@code gas} per started 8-byte word of {@code size}. */
    public static long sizeGas(long gas, int size) {
        return gas * ((size + 7L) / 8);
    }

    /** Gas for carrying {@code size} transaction bytes. */
    public static long txDataGas(int size) {
        return sizeGas(TXDATA, size);
    }

    static long spendExecGas() {
        return ACCOUNT_ACCESS + sizeGas(LOAD, ACCOUNT_BALANCE_SIZE) + sizeGas(UPDATE, ACCOUNT_HEADER_SIZE)
                + sizeGas(UPDATE, ACCOUNT_BALANCE_SIZE);
    }

    static long drainExecGas() {
        return ACCOUNT_ACCESS + sizeGas(LOAD, VAULT_STATE_SIZE) + sizeGas(UPDATE, ACCOUNT_HEADER_SIZE)
                + sizeGas(UPDATE, ACCOUNT_BALANCE_SIZE + DRAINED_SIZE);
    }

    /** Load and spawn-store cost of an account holding {@code keys} public keys. */
    static long loadGas(int keys) {
        return ACCOUNT_ACCESS + sizeGas(LOAD, PUBLIC_KEY_SIZE * keys + ACCOUNT_HEADER_SIZE);
    }

    static long spawnExecGas(int keys) {
        return sizeGas(STORE, PUBLIC_KEY_SIZE * keys + ACCOUNT_HEADER_SIZE);
    }
}
