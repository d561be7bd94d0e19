package io.smnode.beacon;

import io.smnode.core.verdict.Verdict;
import static io.smnode.beacon.BeaconNetwork.EPOCH;
import static io.smnode.beacon.BeaconNetwork.EPOCH_START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.vrf.VrfProof;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Weak coin messages at an observer node (no identities of its own, so no coin message of its own competes).
 * Round 1's coin part runs from S + 40 s (10 s proposals + 20 s first round + 10 s voting) to S + 45 s.
 */
class WeakCoinHandlingTest {
    private final BeaconNetwork net = new BeaconNetwork();
    private final EdSigner miner = net.addMiner(0, 10, 2, BeaconNetwork.EARLY_ATX, false);
    private final EdSigner malicious = net.addMiner(1, 10, 2, BeaconNetwork.EARLY_ATX, true);
    private final BeaconProtocol observer = new BeaconProtocol(BeaconNetwork.PARAMS, EPOCH, EPOCH_START, net.port,
            List.of(), BeaconNetwork.VERIFIER);
    private final Instant coinPart = EPOCH_START.plusSeconds(40);

    private WeakCoinMessage coin(EdSigner s, long round, long unit) {
        long nonce = net.atxs.get(s.nodeId()).vrfNonce();
        VrfProof proof = s.vrfSigner().prove(BeaconVrf.weakCoinMessage(nonce, EPOCH, round, unit));
        return new WeakCoinMessage(EPOCH, round, unit, s.nodeId(), proof);
    }

    private Verdict send(WeakCoinMessage m) {
        return observer.onWeakCoin(m.encode(), coinPart);
    }

    @Test
    void unitsUpToTheAllowanceCountAndTheCoinIsTheSmallestProofsLowBit() {
        assertTrue(observer.start(EPOCH_START).isEmpty());
        assertTrue(observer.tick(coinPart).isEmpty());

        assertIgnored(BeaconRule.UNIT_NOT_ALLOWED, send(coin(miner, 1, 3)));
        WeakCoinMessage u0 = coin(miner, 1, 0);
        WeakCoinMessage u1 = coin(miner, 1, 1);
        WeakCoinMessage u2 = coin(miner, 1, 2); // unit == allowance (2): the reference's check lets it pass
        WeakCoinMessage smallest = List.of(u0, u1, u2).stream()
                .min((a, b) -> BeaconVrf.compareLittleEndian(a.vrfProof(), b.vrfProof())).orElseThrow();
        assertTrue(send(smallest).accepted());
        for (WeakCoinMessage other : List.of(u0, u1, u2)) {
            if (other != smallest) {
                assertIgnored(BeaconRule.NOT_SMALLEST, send(other));
            }
        }
        assertIgnored(BeaconRule.NOT_SMALLEST, send(smallest)); // equal is not smaller

        WeakCoinMessage wrongRound = new WeakCoinMessage(EPOCH, 1, 0, miner.nodeId(), coin(miner, 3, 0).vrfProof());
        assertIgnored(BeaconRule.INVALID_VRF, send(wrongRound));
        assertTrue(send(coin(miner, 2, 0)).accepted()); // next round: buffered
        assertIgnored(BeaconRule.WRONG_ROUND, send(coin(miner, 3, 0)));

        observer.tick(coinPart.plusSeconds(5));
        assertEquals(Optional.of((smallest.vrfProof().get(0) & 1) == 1), observer.weakCoin(1));
    }

    @Test
    void aMaliciousSmeshersUnitZeroPassesAsInTheReference() {
        observer.start(EPOCH_START);
        observer.tick(coinPart);
        // allowance 0 for a malicious smesher, but the check is allowance < unit: unit 0 passes, unit 1 does not
        assertIgnored(BeaconRule.UNIT_NOT_ALLOWED, send(coin(malicious, 1, 1)));
        assertTrue(send(coin(malicious, 1, 0)).accepted());
    }

    private static void assertIgnored(BeaconRule rule, Verdict v) {
        assertEquals(rule, assertInstanceOf(Verdict.Ignore.class, v, v.toString()).rule());
    }
}
