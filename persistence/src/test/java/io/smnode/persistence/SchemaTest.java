package io.smnode.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A broken schema is refused when it is built, long before any store is opened with it. */
class SchemaTest {
    private static final Migration.Plan NOTHING = reads -> WriteBatch.empty();

    @Test
    void duplicateTableNamesAreRefused() {
        Table<String, Long> a = Table.of("same", Codecs.utf8(), Codecs.longs());
        Table<Long, Long> b = Table.of("same", Codecs.longs(), Codecs.longs());
        assertThrows(IllegalArgumentException.class, () -> Schema.of(1, List.of(a, b)));
    }

    @Test
    void migrationsPastTheVersionOrForkingAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Schema(2, List.of(), List.of(new Migration(1, 3, "too far", NOTHING))));
        assertThrows(IllegalArgumentException.class, () -> new Schema(3, List.of(),
                List.of(new Migration(1, 2, "a", NOTHING), new Migration(1, 3, "b", NOTHING))));
        assertThrows(IllegalArgumentException.class, () -> new Migration(2, 2, "no-op", NOTHING));
    }

    @Test
    void tableNamesAreLowerCaseIdentifiersAndReservedNamesAreNotPublic() {
        assertThrows(IllegalArgumentException.class, () -> Table.of("_meta", Codecs.utf8(), Codecs.longs()));
        assertThrows(IllegalArgumentException.class, () -> Table.of("Blocks", Codecs.utf8(), Codecs.longs()));
        assertThrows(IllegalArgumentException.class, () -> Table.of("", Codecs.utf8(), Codecs.longs()));
    }
}
