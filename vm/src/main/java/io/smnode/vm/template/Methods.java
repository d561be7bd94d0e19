package io.smnode.vm.template;

/** Method selectors (a transaction's compact u8 after the principal). */
public final class Methods {
    public static final int SPAWN = 0;
    public static final int SPEND = 16;
    /** Vesting accounts only: move funds out of a vault they own. */
    public static final int DRAIN_VAULT = 17;

    private Methods() {}
}
