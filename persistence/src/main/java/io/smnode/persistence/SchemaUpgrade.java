package io.smnode.persistence;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a freshly opened store to the schema's version, the same way for every implementation: a fresh store is
 * stamped with the current version; a newer one is refused; an older one runs the migration chain, each step
 * committed with its version bump in one atomic batch so that a crash mid-upgrade resumes at a clean version.
 */
final class SchemaUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaUpgrade.class);

    private SchemaUpgrade() {
    }

    static void run(Schema schema, Store store, String where) {
        Optional<Long> stored = store.get(MetaTable.TABLE, MetaTable.SCHEMA_VERSION);
        if (stored.isEmpty()) {
            store.write(stamp(WriteBatch.builder(), schema.version()));
            return;
        }
        long version = stored.get();
        if (version > schema.version()) {
            throw new SchemaVersionException("The store at " + where + " has schema version " + version
                    + ", newer than version " + schema.version() + " that this code supports; refusing to open it.");
        }
        while (version < schema.version()) {
            int from = (int) version;
            Migration step = schema.migrationFrom(from).orElseThrow(() -> new SchemaVersionException(
                    "The store at " + where + " has schema version " + from + " and no migration leads from it to "
                            + "version " + schema.version() + "."));
            WriteBatch writes = store.snapshot(step.plan()::writes);
            store.write(stamp(WriteBatch.builder().addAll(writes), step.to()));
            LOG.info("migrated store at {} from schema version {} to {}: {}", where, from, step.to(),
                    step.description());
            version = step.to();
        }
    }

    private static WriteBatch stamp(WriteBatch.Builder batch, int version) {
        return batch.put(MetaTable.TABLE, MetaTable.SCHEMA_VERSION, (long) version).build();
    }
}
