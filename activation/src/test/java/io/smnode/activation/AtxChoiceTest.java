package io.smnode.activation;

import static io.smnode.activation.AtxIndexTest.coinbase;
import static io.smnode.activation.AtxIndexTest.id;
import static io.smnode.activation.AtxIndexTest.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Positioning and commitment ATX choice (spec 02 §5 step 3, §7). */
class AtxChoiceTest {
    static final AtxId GOLDEN = AtxId.ofHex("9e".repeat(32));

    /** ATX i has tick height heights[i]. */
    static AtxIndex published(long... heights) {
        AtxIndex index = new AtxIndex(heights.length + 1);
        for (int i = 0; i < heights.length; i++) {
            index.add(id(i), node(i), coinbase(i), 1, 0, heights[i], 0, false);
        }
        return index;
    }

    static AtxHeader own(long tickHeight) {
        return new AtxHeader(AtxId.ofHex("0e".repeat(32)), EpochId.of(4), 3, GOLDEN, coinbase(99), 4, 0, tickHeight, 0,
                node(99), 4 * tickHeight, AtxHeader.Validity.VALID);
    }

    @Test
    void highestVerifyingAtxOfAnHonestIdentityIsChosenAndTheChainIsVerifiedTopDownOnlyAsFarAsNeeded() {
        AtxIndex index = published(10, 50, 40, 30);
        index.setMalicious(node(1));
        List<AtxId> asked = new ArrayList<>();
        AtxId chosen = AtxChoice.positioning(index, id -> {
            asked.add(id);
            return !id.equals(id(2));
        }, GOLDEN, Optional.empty());
        assertEquals(id(3), chosen);
        assertEquals(List.of(id(2), id(3)), asked, "malicious 50 skipped, 40 refused, 30 accepted, 10 never asked");
    }

    @Test
    void equalHeightsAreOfferedLowestIdFirst() {
        AtxIndex index = published(7, 7, 7);
        AtxId lowest = List.of(id(0), id(1), id(2)).stream().sorted().findFirst().orElseThrow();
        assertEquals(lowest, AtxChoice.positioning(index, id -> true, GOLDEN, Optional.empty()));
    }

    @Test
    void nothingVerifyingFallsBackToGolden() {
        assertEquals(GOLDEN, AtxChoice.positioning(published(5, 6), id -> false, GOLDEN, Optional.empty()));
        assertEquals(GOLDEN, AtxChoice.commitment(published(), id -> true, GOLDEN));
    }

    @Test
    void ownPreviousAtxWinsAtEqualOrGreaterHeightOrOverGolden() {
        AtxIndex index = published(20);
        assertEquals(own(20).id(), AtxChoice.positioning(index, id -> true, GOLDEN, Optional.of(own(20))));
        assertEquals(id(0), AtxChoice.positioning(index, id -> true, GOLDEN, Optional.of(own(19))));
        assertEquals(own(1).id(), AtxChoice.positioning(index, id -> false, GOLDEN, Optional.of(own(1))));
    }

    @Test
    void commitmentIsTheHighestVerifyingAtx() {
        assertEquals(id(1), AtxChoice.commitment(published(3, 9, 4), id -> true, GOLDEN));
    }
}
