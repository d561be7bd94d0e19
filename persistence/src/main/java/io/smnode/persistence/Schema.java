package io.smnode.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a store must know before it opens: the code's schema version, every table (so LMDB can open all its
 * databases up front and refuse unknown ones), and the migrations from older versions. Validated on construction
 * so that a broken schema fails at startup, not halfway through an upgrade.
 */
public record Schema(int version, List<Table<?, ?>> tables, List<Migration> migrations) {
    public Schema {
        if (version < 1) {
            throw new IllegalArgumentException("schema version must be >= 1, got " + version);
        }
        tables = List.copyOf(tables);
        migrations = List.copyOf(migrations);
        Set<String> names = new HashSet<>();
        for (Table<?, ?> table : tables) {
            if (!names.add(table.name())) {
                throw new IllegalArgumentException("table " + table.name() + " is declared twice");
            }
        }
        Set<Integer> starts = new HashSet<>();
        for (Migration m : migrations) {
            if (m.to() > version) {
                throw new IllegalArgumentException("migration " + m.from() + " -> " + m.to()
                        + " goes past schema version " + version);
            }
            if (!starts.add(m.from())) {
                throw new IllegalArgumentException("two migrations start at version " + m.from());
            }
        }
    }

    public static Schema of(int version, List<Table<?, ?>> tables) {
        return new Schema(version, tables, List.of());
    }

    /** Tables by name, for the store's lookup of a batch operation's target. */
    Map<String, Table<?, ?>> tablesByName() {
        Map<String, Table<?, ?>> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        return byName;
    }

    Optional<Migration> migrationFrom(int storedVersion) {
        return migrations.stream().filter(m -> m.from() == storedVersion).findFirst();
    }
}
