package io.smnode.node.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.vm.mempool.TxRule;
import io.smnode.vm.tx.TxParser;
import org.junit.jupiter.api.Test;

/**
 * The fetch edge's check of a served transaction ({@code TXDB}): its raw bytes must hash to the id asked for, else
 * the answer is rejected (and the peer dropped) before the mempool's intake sees it.
 */
class FetchedIdsTest {
    private static final Bytes RAW = Bytes.ofHex("00" + "2a".repeat(60));
    private static final Bytes ID = Bytes.of(TxParser.idOf(RAW.toByteArray()).toByteArray());

    @Test
    void aTransactionThatHashesToTheIdAskedForIsAccepted() {
        assertEquals(Verdict.ACCEPT, FetchedIds.judge(Hint.TX, ID, RAW));
    }

    @Test
    void otherBytesForTheIdAreRejected() {
        Verdict v = FetchedIds.judge(Hint.TX, ID, Bytes.ofHex("00" + "2a".repeat(59)));
        assertTrue(v.rejected() && v.ruleOrNull() == TxRule.WRONG_ID, v.toString());
    }

    @Test
    void anIdThatIsNoTransactionIdIsRejected() {
        Verdict v = FetchedIds.judge(Hint.TX, Bytes.ofHex("0102"), RAW);
        assertTrue(v.rejected() && v.ruleOrNull() == CommonRule.MALFORMED, v.toString());
    }
}
