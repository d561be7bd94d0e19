package io.smnode.persistence;

import java.util.regex.Pattern;

/**
 * A typed table: a name (one LMDB database) plus the codecs for its keys and values. Tables are constants declared
 * once in a {@link Schema}; a store refuses any table its schema does not list, so a typo cannot create a table.
 * Names are lower-case identifiers; names starting with '_' are reserved for the store's own bookkeeping.
 */
public final class Table<K, V> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String name;
    private final KeyCodec<K> keyCodec;
    private final ValueCodec<V> valueCodec;

    private Table(String name, KeyCodec<K> keyCodec, ValueCodec<V> valueCodec) {
        if (keyCodec == null || valueCodec == null) {
            throw new IllegalArgumentException("table " + name + " needs a key codec and a value codec");
        }
        this.name = name;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
    }

    /** @throws IllegalArgumentException when the name is not a lower-case identifier of at most 63 characters */
    public static <K, V> Table<K, V> of(String name, KeyCodec<K> keyCodec, ValueCodec<V> valueCodec) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("table name must match " + NAME.pattern() + ", got " + name);
        }
        return new Table<>(name, keyCodec, valueCodec);
    }

    /** For the store's own tables, whose names start with '_' so that they can never clash with a schema table. */
    static <K, V> Table<K, V> reserved(String name, KeyCodec<K> keyCodec, ValueCodec<V> valueCodec) {
        if (!name.startsWith("_")) {
            throw new IllegalArgumentException("reserved table names start with '_': " + name);
        }
        return new Table<>(name, keyCodec, valueCodec);
    }

    public String name() {
        return name;
    }

    public KeyCodec<K> keyCodec() {
        return keyCodec;
    }

    public ValueCodec<V> valueCodec() {
        return valueCodec;
    }

    @Override
    public String toString() {
        return "Table(" + name + ")";
    }
}
