package io.smnode.actors.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a fault rule does to a matching message (the mailbox actions) or to a commit (the storage actions, applied by
 * {@link FaultInjectingStore} to component {@code storage}).
 */
public enum FaultAction {
    /** The behaviour throws while handling the message: its supervisor restarts it (or gives up). */
    CRASH(false),
    /** The message is lost. */
    DROP(false),
    /** The message is handled after the rule's delay (other messages may overtake it). */
    DELAY(false),
    /** The message is handled twice. */
    DUPLICATE(false),
    /** The commit fails before anything of it is written (a transient write error). */
    FAIL_COMMIT(true),
    /** The commit is written, then its sync to disk reports failure (durability unknown: the node must stop). */
    FAIL_FSYNC(true),
    /** The disk is full: this commit and every later one fails until the node restarts. */
    DISK_FULL(true);

    private final boolean storage;

    FaultAction(boolean storage) {
        this.storage = storage;
    }

    /** Whether the action applies to commits (the store decorator) rather than to a mailbox. */
    public boolean storage() {
        return storage;
    }

    /** The spelling in a fault plan: lower case with dashes ({@code fail-commit}). */
    public String planName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<FaultAction> byPlanName(String name) {
        return Arrays.stream(values()).filter(a -> a.planName().equals(name)).findFirst();
    }
}
