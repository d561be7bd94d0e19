package io.smnode.node.guardian;

import io.smnode.persistence.Codecs;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Table;
import java.util.List;

/** The node's storage schema. Bump {@link #VERSION} and add a Migration whenever a table's bytes change meaning. */
public final class NodeSchema {
    public static final int VERSION = 1;

    /** Small facts about the node itself, by name (e.g. the last layer the clock ticked). */
    public static final Table<String, Long> NODE_STATE = Table.of("node_state", Codecs.utf8(), Codecs.longs());

    public static final String LAST_LAYER = "last_layer";

    public static final Schema SCHEMA = Schema.of(VERSION, List.of(NODE_STATE));

    private NodeSchema() {}
}
