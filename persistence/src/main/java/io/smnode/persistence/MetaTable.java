package io.smnode.persistence;

/** The store's own bookkeeping table; its '_' name can never clash with a schema table. */
final class MetaTable {
    static final Table<String, Long> TABLE = Table.reserved("_meta", Codecs.utf8(), Codecs.longs());
    static final String SCHEMA_VERSION = "schema_version";

    private MetaTable() {
    }
}
