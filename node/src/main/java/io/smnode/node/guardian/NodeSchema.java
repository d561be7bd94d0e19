package io.smnode.node.guardian;

import io.smnode.persistence.Codecs;
import io.smnode.persistence.Migration;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.mesh.MeshTables;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Table;
import io.smnode.persistence.atx.AtxHeaderMigration;
import io.smnode.persistence.atx.AtxTables;
import java.util.ArrayList;
import java.util.List;

/** The node's storage schema. Bump {@link #VERSION} and add a Migration whenever a table's bytes change meaning. */
public final class NodeSchema {
    public static final int VERSION = 3;

    /** Small facts about the node itself, by name (e.g. the last layer the clock ticked). */
    public static final Table<String, Long> NODE_STATE = Table.of("node_state", Codecs.utf8(), Codecs.longs());

    public static final String LAST_LAYER = "last_layer";

    /** The test mode's virtual clock reading, epoch milliseconds (where a restarted node's clock resumes). */
    public static final String VIRTUAL_CLOCK = "virtual_clock_ms";

    /**
     * The node's own tables, then the ATX handler's (ATXs, commitments, fetched PoET proofs), then the consensus
     * tables. Schema 3 added the consensus tables and the ATX receipt times: they start empty (a schema-2 node ran no
     * consensus), so the 2 → 3 step writes nothing; ATXs stored before it have no receipt time and count as received
     * at the start of their publish epoch.
     */
    public static final Schema SCHEMA = new Schema(VERSION, tables(), List.of(AtxHeaderMigration.from1To2(),
            new Migration(2, 3, "the consensus tables and ATX receipt times, empty", reads -> WriteBatch.builder()
                    .build())));

    private NodeSchema() {}

    private static List<Table<?, ?>> tables() {
        List<Table<?, ?>> all = new ArrayList<>();
        all.add(NODE_STATE);
        all.addAll(AtxTables.ALL);
        all.addAll(MeshTables.ALL);
        return List.copyOf(all);
    }
}
