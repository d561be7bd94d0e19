package io.smnode.persistence;

/**
 * Moves stored data from schema version {@code from} to {@code to}. The plan reads the store as it is at
 * {@code from} and returns the writes; the store commits those writes together with the version bump in one
 * atomic transaction, so a crash leaves either the old version with old data or the new version with new data.
 */
public record Migration(int from, int to, String description, Plan plan) {
    public Migration {
        if (from < 1 || to <= from) {
            throw new IllegalArgumentException("migration must go from a version >= 1 to a higher one, got "
                    + from + " -> " + to);
        }
        if (description == null || description.isBlank() || plan == null) {
            throw new IllegalArgumentException("migration " + from + " -> " + to + " needs a description and a plan");
        }
    }

    /** Computes a migration's writes from the store's state at the {@code from} version. */
    @FunctionalInterface
    public interface Plan {
        WriteBatch writes(Reads current);
    }
}
