package io.smnode.beacon;

import io.smnode.core.fixed.Fixed;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Beacon;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fallback (a) of spec 03 §1 for one epoch: the beacon read off the epoch's valid ballots, for a node that has no
 * beacon of its own. Each ballot adds {@code (atxWeight / eligibilityCount) × #proofs} (spacemeshos/fixed
 * arithmetic, as the reference) to the beacon it names. Once the reported eligibilities reach
 * BeaconSyncWeightUnits, the beacon with more than half the weight wins, else the heaviest one.
 *
 * <p>The first decision sticks: the reference sets the beacon on the first report that yields one and stops
 * looking. Where the reference breaks a plurality tie by Go map order (random), this takes the lowest beacon
 * bytes among the tied, so that all smnode nodes agree.
 */
public final class BallotBeacons {
    private final int syncWeightUnits;
    private final Map<Beacon, Entry> entries = new TreeMap<>();
    private Beacon decided;

    private static final class Entry {
        final Set<BallotId> ballots = new HashSet<>();
        Fixed weight = Fixed.ZERO;
        long eligibilities;
    }

    public BallotBeacons(int syncWeightUnits) {
        this.syncWeightUnits = syncWeightUnits;
    }

    /**
     * Records a valid ballot's beacon and answers the epoch's beacon as decided so far.
     *
     * @param atxWeight        the ballot's ATX weight (unsigned)
     * @param eligibilityCount the smesher's slot count for the epoch (from the reference ballot), above 0
     * @param proofs           the ballot's number of eligibility proofs
     */
    public Optional<Beacon> report(BallotId ballot, Beacon beacon, long atxWeight, long eligibilityCount, int proofs) {
        if (decided != null) {
            return Optional.of(decided);
        }
        Entry entry = entries.computeIfAbsent(beacon, b -> new Entry());
        if (entry.ballots.add(ballot)) { // a ballot reported twice counts once
            Fixed weightPer = Fixed.divUint64(atxWeight, eligibilityCount);
            entry.weight = entry.weight.add(weightPer.mul(Fixed.of(proofs)));
            entry.eligibilities += proofs;
        }
        decided = decide();
        return Optional.ofNullable(decided);
    }

    public Optional<Beacon> decided() {
        return Optional.ofNullable(decided);
    }

    private Beacon decide() {
        Fixed total = Fixed.ZERO;
        long eligibilities = 0;
        for (Entry e : entries.values()) {
            total = total.add(e.weight);
            eligibilities += e.eligibilities;
        }
        if (eligibilities < syncWeightUnits) {
            return null;
        }
        Fixed half = total.div(Fixed.of(2));
        Beacon heaviest = null;
        Fixed max = Fixed.ZERO;
        for (Map.Entry<Beacon, Entry> e : entries.entrySet()) {
            if (e.getValue().weight.greaterThan(half)) {
                return e.getKey();
            }
            if (e.getValue().weight.greaterThan(max)) { // strict: the lowest beacon wins a tie (map is sorted)
                heaviest = e.getKey();
                max = e.getValue().weight;
            }
        }
        return heaviest;
    }
}
