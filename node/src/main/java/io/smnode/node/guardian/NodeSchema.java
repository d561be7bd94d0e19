package io.smnode.node.guardian;

import io.smnode.persistence.Codecs;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Table;
import io.smnode.persistence.atx.AtxHeaderMigration;
import io.smnode.persistence.atx.AtxTables;
import java.util.ArrayList;
import java.util.List;

/** The node's storage schema. Bump {@link #VERSION} and add a Migration whenever a table's bytes change meaning. */
public final class NodeSchema {
    public static final int VERSION = 2;

    /** Small facts about the node itself, by name (e.g. the last layer the clock ticked). */
    public static final Table<String, Long> NODE_STATE = Table.of("node_state", Codecs.utf8(), Codecs.longs());

    public static final String LAST_LAYER = "last_layer";

    /** The node's own tables, then the ATX handler's (ATXs, commitments, fetched PoET proofs). */
    public static final Schema SCHEMA = new Schema(VERSION, tables(), List.of(AtxHeaderMigration.from1To2()));

    private NodeSchema() {}

    private static List<Table<?, ?>> tables() {
        List<Table<?, ?>> all = new ArrayList<>();
        all.add(NODE_STATE);
        all.addAll(AtxTables.ALL);
        return List.copyOf(all);
    }
}
