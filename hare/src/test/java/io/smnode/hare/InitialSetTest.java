package io.smnode.hare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InitialSetTest {
    private static final Beacon BEACON = Beacon.ofHex("11223344");

    private static AtxId atx(int n) {
        byte[] b = new byte[AtxId.LENGTH];
        b[0] = (byte) n;
        return AtxId.of(b);
    }

    private static NodeId node(int n) {
        byte[] b = new byte[NodeId.LENGTH];
        b[0] = (byte) n;
        return NodeId.of(b);
    }

    private static InitialSet.Candidate candidate(int n, int atx) {
        return new InitialSet.Candidate(HareCodecsTest.id(n), node(n), atx(atx), false, BEACON);
    }

    private static final Function<AtxId, OptionalLong> BASE_HEIGHTS = a -> OptionalLong.of(a.get(0) * 10L);

    @Test
    void keepsOnlyProposalsAnHonestNodeCanVoteFor() {
        List<InitialSet.Candidate> candidates = List.of(
                candidate(9, 1),                                                          // kept
                candidate(2, 2),                                                          // kept
                new InitialSet.Candidate(HareCodecsTest.id(3), node(3), atx(3), true, BEACON), // malicious ballot
                candidate(4, 4),                                                          // malicious smesher
                candidate(5, 5), candidate(6, 5),                                         // one ATX, two proposals
                candidate(7, 6));                                                         // base height 60 >= 60
        List<ProposalId> selected = InitialSet.select(candidates, List.of(90L, 60L), BASE_HEIGHTS,
                Set.of(node(4))::contains, BEACON);
        assertEquals(List.of(HareCodecsTest.id(2), HareCodecsTest.id(9)), selected);

        InitialSet.Candidate otherBeacon = new InitialSet.Candidate(HareCodecsTest.id(8), node(8), atx(8), false,
                Beacon.ofHex("00000000"));
        assertEquals(List.of(), InitialSet.select(List.of(otherBeacon), List.of(1000L), BASE_HEIGHTS, n -> false,
                BEACON));
    }

    @Test
    void noOwnAtxOrAnUnloadedAtxGivesTheEmptySet() {
        assertEquals(List.of(), InitialSet.select(List.of(candidate(1, 1)), List.of(), BASE_HEIGHTS, n -> false,
                BEACON));
        Map<AtxId, Long> known = Map.of(atx(1), 0L);
        Function<AtxId, OptionalLong> partial = a -> known.containsKey(a) ? OptionalLong.of(known.get(a))
                : OptionalLong.empty();
        assertEquals(List.of(HareCodecsTest.id(1)), InitialSet.select(List.of(candidate(1, 1)), List.of(5L),
                partial, n -> false, BEACON));
        assertEquals(List.of(), InitialSet.select(List.of(candidate(1, 1), candidate(2, 2)), List.of(5L), partial,
                n -> false, BEACON));
    }
}
