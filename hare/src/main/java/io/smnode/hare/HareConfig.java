package io.smnode.hare;

import io.smnode.core.types.LayerId;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol parameters a session needs (timing stays with the caller's clock): committee size per layer,
 * leaders (the propose round's committee) and the iteration limit.
 */
public record HareConfig(int committee, Optional<CommitteeUpgrade> committeeUpgrade, int leaders,
        int iterationsLimit) {

    /** From {@code layer} on, the committee has {@code size} seats (mainnet: 50 from layer 105 720). */
    public record CommitteeUpgrade(LayerId layer, int size) {
        public CommitteeUpgrade {
            Objects.requireNonNull(layer, "layer");
            checkU16(size, "upgraded committee");
        }
    }

    public HareConfig {
        checkU16(committee, "committee");
        Objects.requireNonNull(committeeUpgrade, "committeeUpgrade");
        checkU16(leaders, "leaders");
        if (iterationsLimit < 0 || iterationsLimit > 0xff) {
            throw new IllegalArgumentException("iterations limit " + iterationsLimit + " outside uint8");
        }
    }

    /** The reference's defaults: committee 800, 5 leaders, 4 iterations. */
    public static HareConfig defaults() {
        return new HareConfig(800, Optional.empty(), 5, 4);
    }

    /** Mainnet: committee 400, upgraded to 50 from layer 105 720; 5 leaders, 4 iterations. */
    public static HareConfig mainnet() {
        return new HareConfig(400, Optional.of(new CommitteeUpgrade(LayerId.of(105_720), 50)), 5, 4);
    }

    /** Expected seats per message round in {@code layer}. */
    public int committeeFor(LayerId layer) {
        return committeeUpgrade.filter(u -> layer.compareTo(u.layer()) >= 0).map(CommitteeUpgrade::size)
                .orElse(committee);
    }

    /** The committee whose seats a message of {@code round} counts: the leaders in propose, else the layer's. */
    public int committeeFor(LayerId layer, IterRound round) {
        return round.is(Round.PROPOSE) ? leaders : committeeFor(layer);
    }

    /** Seats a value needs in thresh-gossip: {@code committee/2 + 1}, in uint16 as the reference computes it. */
    public int thresholdFor(LayerId layer) {
        return (committeeFor(layer) / 2 + 1) & 0xffff;
    }

    private static void checkU16(int value, String what) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException(what + " " + value + " outside uint16");
        }
    }
}
