package io.smnode.persistence.atx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.activation.marriage.EquivocationSets;
import io.smnode.activation.marriage.EquivocationSets.Certified;
import io.smnode.activation.marriage.MaliciousMark;
import io.smnode.activation.marriage.Marriage;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The marriage records' contract (spec 11 §5.3 step 1, §6.1), run against each store: certificate order is set
 * order, a second marriage merges sets into the smallest id and keeps each identity's first marriage, and one
 * member's malfeasance marks the whole set. The decisions are {@link EquivocationSets}'; the store must keep them.
 */
abstract class EquivocationSetStoreContractTest {
    static final AtxId M1 = AtxId.ofHex("a1".repeat(32));
    static final AtxId M2 = AtxId.ofHex("a2".repeat(32));
    static final MaliciousMark PROOF = new MaliciousMark(1, Bytes.ofHex("0102"));

    /** A fresh, empty store. */
    protected abstract EquivocationSetStore open();

    static NodeId id(int b) {
        byte[] x = new byte[32];
        Arrays.fill(x, (byte) b);
        return NodeId.of(x);
    }

    static List<Certified> certs(int... ids) {
        List<Certified> out = new ArrayList<>();
        for (int i : ids) {
            byte[] sig = new byte[64];
            sig[0] = (byte) i;
            out.add(new Certified(id(i), Signature.of(sig)));
        }
        return out;
    }

    static EquivocationSets.MarriageOutcome marry(EquivocationSetStore store, AtxId atx, NodeId target, int... ids) {
        EquivocationSets.MarriageOutcome outcome = EquivocationSets.marry(store, atx, target, certs(ids));
        store.apply(outcome.change());
        return outcome;
    }

    @Test
    void aMarriageMakesASetInCertificateOrder() {
        EquivocationSetStore store = open();
        assertEquals(1, store.nextSetId());
        assertEquals(Optional.empty(), store.marriageOf(id(3)));
        EquivocationSets.MarriageOutcome o = marry(store, M1, id(3), 3, 1, 2);
        assertEquals(1, o.setId());
        assertFalse(o.malicious());
        assertEquals(List.of(id(3), id(1), id(2)), store.members(1));
        Marriage m = store.marriageOf(id(1)).orElseThrow();
        assertEquals(new Marriage(1, M1, 1, id(3), certs(1).get(0).signature()), m);
        assertEquals(2, store.nextSetId());
        assertEquals(List.of(id(1), id(3), id(2)), EquivocationSets.setOf(store, id(1)));
        assertEquals(List.of(id(9)), EquivocationSets.setOf(store, id(9)));
    }

    @Test
    void marryingAMarriedIdentityAgainMergesTheSetsIntoTheSmallestId() {
        EquivocationSetStore store = open();
        marry(store, M1, id(1), 1, 2);
        marry(store, M2, id(5), 5, 6);
        EquivocationSets.MarriageOutcome o = marry(store, AtxId.ofHex("a3".repeat(32)), id(7), 7, 6, 8);
        assertEquals(2, o.setId(), "set 2 (5, 6) and the new one become set 2");
        assertEquals(List.of(id(5), id(6), id(7), id(8)), store.members(2), "recording order");
        assertEquals(M2, store.marriageOf(id(6)).orElseThrow().marriageAtx(), "the first marriage stays");
        assertEquals(List.of(id(1), id(2)), store.members(1));
        marry(store, AtxId.ofHex("a4".repeat(32)), id(2), 2, 8);
        assertEquals(List.of(id(1), id(2), id(5), id(6), id(7), id(8)), store.members(1));
        assertEquals(List.of(), store.members(2));
        assertEquals(1, store.marriageOf(id(7)).orElseThrow().setId());
        assertEquals(List.of(M1, M2, AtxId.ofHex("a3".repeat(32))), EquivocationSets.marriageAtxsOf(store, id(1)));
    }

    @Test
    void oneMembersMalfeasanceMarksTheWholeSet() {
        EquivocationSetStore store = open();
        marry(store, M1, id(1), 1, 2, 3);
        EquivocationSets.Accusation a = EquivocationSets.accuse(store, id(2), PROOF);
        assertEquals(List.of(id(2), id(1), id(3)), a.identities(), "the accused first");
        assertTrue(a.news());
        store.apply(a.change());
        for (int i = 1; i <= 3; i++) {
            assertTrue(store.isMalicious(id(i)));
        }
        assertEquals(Optional.of(PROOF), store.malicious(id(2)));
        assertTrue(store.malicious(id(1)).orElseThrow().throughSet());
        assertEquals(Optional.of(PROOF), EquivocationSets.proofFor(store, id(3)));
        assertFalse(EquivocationSets.accuse(store, id(3), PROOF).news(), "nothing new: nothing to gossip");
        assertEquals(List.of(id(1), id(2), id(3)), store.maliciousIdentities());
    }

    @Test
    void marryingAMaliciousIdentityMarksTheNewSetAndAsksForARegossip() {
        EquivocationSetStore store = open();
        store.apply(EquivocationSets.accuse(store, id(4), PROOF).change());
        assertEquals(List.of(id(4)), store.maliciousIdentities());
        EquivocationSets.MarriageOutcome o = marry(store, M1, id(5), 5, 4);
        assertTrue(o.malicious());
        assertTrue(o.regossip());
        assertTrue(store.isMalicious(id(5)));
        assertEquals(Optional.of(PROOF), EquivocationSets.proofFor(store, id(5)));
    }

    @Test
    void anUnmarriedIdentitysAccusationMarksOnlyIt() {
        EquivocationSetStore store = open();
        marry(store, M1, id(1), 1, 2);
        EquivocationSets.Accusation a = EquivocationSets.accuse(store, id(9), PROOF);
        store.apply(a.change());
        assertEquals(List.of(id(9)), a.identities());
        assertFalse(store.isMalicious(id(1)));
    }
}
