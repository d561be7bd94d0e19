package io.smnode.post.k2pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The verification workers' k2pow checkers: light mode until the fast state is ready, then fast mode, with the same
 * verdicts (spec 08 §5.2: for node 32×06, challenge "hello!!!", group 7, pow 11 is the first below 0fff…ff). The
 * 2 GiB dataset itself is only built in {@link RandomXFastModeTest} (on request); here a second light state stands in
 * for it, which hashes identically.
 */
class RandomXVerifiersTest {
    private static final NodeId NODE = NodeId.ofHex("06".repeat(32));
    private static final Hash32 CHALLENGE = Hash32.of(("hello!!!" + "\0".repeat(24)).getBytes(StandardCharsets.US_ASCII));
    private static final PowThreshold THRESHOLD = PowThreshold.ofHex("0f" + "ff".repeat(31));

    @Test
    void checkersSwitchToTheFastStateOnceItIsReadyWithTheSameVerdicts() {
        CompletableFuture<RandomX> fast = new CompletableFuture<>();
        try (RandomXVerifiers verifiers = new RandomXVerifiers(RandomX.forSpacemesh(RandomXMode.LIGHT, 1), fast)) {
            RandomXVerifiers.Worker worker = (RandomXVerifiers.Worker) verifiers.newVerifier();
            assertTrue(worker.isValid(11, 7, CHALLENGE, NODE, THRESHOLD));
            assertFalse(worker.isValid(1, 7, CHALLENGE, NODE, THRESHOLD));
            assertFalse(worker.fastMode());
            assertFalse(verifiers.fastReady());

            fast.complete(RandomX.forSpacemesh(RandomXMode.LIGHT, 1)); // stands in for the dataset
            assertTrue(verifiers.fastReady());
            assertTrue(verifiers.awaitFast());
            assertTrue(worker.isValid(11, 7, CHALLENGE, NODE, THRESHOLD));
            assertTrue(worker.fastMode());
            assertFalse(worker.isValid(0, 7, CHALLENGE, NODE, THRESHOLD));
            assertFalse(worker.isValid(11, 300, CHALLENGE, NODE, THRESHOLD), "a group beyond a u8");
        }
    }

    @Test
    void aFailedDatasetBuildLeavesTheCheckersInLightMode() {
        CompletableFuture<RandomX> fast = new CompletableFuture<>();
        fast.completeExceptionally(new IllegalStateException("RandomX: cannot allocate the fast-mode dataset"));
        try (RandomXVerifiers verifiers = new RandomXVerifiers(RandomX.forSpacemesh(RandomXMode.LIGHT, 1), fast)) {
            RandomXVerifiers.Worker worker = (RandomXVerifiers.Worker) verifiers.newVerifier();
            assertTrue(worker.isValid(11, 7, CHALLENGE, NODE, THRESHOLD));
            assertFalse(worker.fastMode());
            assertFalse(verifiers.awaitFast());
        }
    }

    @Test
    void theLightPolicyBuildsNoDataset() {
        List<String> log = new ArrayList<>();
        try (RandomXVerifiers verifiers = RandomXVerifiers.start(RandomXPolicy.LIGHT, Long.MAX_VALUE, 1, log::add)) {
            assertFalse(verifiers.awaitFast());
            assertTrue(verifiers.newVerifier().isValid(11, 7, CHALLENGE, NODE, THRESHOLD));
        }
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("light mode"), log.get(0));
    }

    @Test
    void autoIsFastOnlyWhereTheDatasetAndHeadroomFit() {
        long need = RandomXPolicy.DATASET_BYTES + RandomXPolicy.HEADROOM;
        assertTrue(RandomXPolicy.AUTO.usesFast(need));
        assertFalse(RandomXPolicy.AUTO.usesFast(need - 1));
        assertTrue(RandomXPolicy.FAST.usesFast(0));
        assertFalse(RandomXPolicy.LIGHT.usesFast(Long.MAX_VALUE));
        assertEquals(RandomXPolicy.FAST, RandomXPolicy.parse(" Fast "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RandomXPolicy.parse("turbo"));
        assertEquals("must be one of auto, fast, light, got 'turbo'", e.getMessage());
        assertEquals(123_456L * 1024, AvailableMemory.parseKiB("MemAvailable:     123456 kB"));
    }
}
