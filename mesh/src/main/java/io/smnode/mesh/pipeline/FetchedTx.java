package io.smnode.mesh.pipeline;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.TxId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.vm.mempool.TxRule;
import io.smnode.vm.tx.TxParser;
import java.util.List;

/**
 * A transaction fetched by id ({@code TXDB}) for a block or a proposal that names it, handled as the reference's
 * {@code TxHandler.HandleBlockTransaction}: the only check is that the served bytes hash to the id asked for (else
 * the peer's answer is rejected); a transaction that does not parse or verify is still stored, exactly as served,
 * since a block executes it as ineffective and every node must apply the same bytes. It is not offered to the
 * mempool here (the reference stores block transactions without its conservative cache).
 */
public final class FetchedTx {
    private FetchedTx() {}

    /** Whether {@code raw} is the transaction {@code asked}: its id is the BLAKE3 hash of the raw bytes. */
    public static Verdict judge(TxId asked, Bytes raw) {
        TxId served = TxParser.idOf(raw.toByteArray());
        return served.equals(asked) ? Verdict.ACCEPT
                : Verdict.reject(TxRule.WRONG_ID, "asked for " + asked.hex() + ", served " + served.hex());
    }

    /**
     * What storing a fetched transaction decides: its raw bytes under its id, then {@link Decision.TxStored} for the
     * blocks and proposals that wait for it. One stored meanwhile (from gossip, or an earlier answer to the same
     * fetch) is not stored again, but those waiting still hear of it.
     */
    public static List<Decision> store(Bytes raw, MeshReads store) {
        TxId id = TxParser.idOf(raw.toByteArray());
        if (store.tx(id).isPresent()) {
            return List.of(new Decision.TxStored(id));
        }
        return List.of(new Decision.Persist(new MeshRecord.TxRecord(id, raw)), new Decision.TxStored(id));
    }
}
