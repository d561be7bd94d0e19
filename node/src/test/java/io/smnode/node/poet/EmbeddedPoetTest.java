package io.smnode.node.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.actors.poet.PoetActor;
import io.smnode.actors.poet.PoetRegistrations;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.net.Preset;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Bytes;
import io.smnode.node.config.ConfigLoader;
import io.smnode.node.config.ConfigSources;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.config.PresetLayers;
import io.smnode.poet.SubmitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's embedded PoET: on for standalone by default, off elsewhere, and following the network's timetable. */
class EmbeddedPoetTest {
    @TempDir
    Path nodeDir;

    private static NodeConfig load(Map<String, String> cli) {
        return new ConfigLoader(PresetLayers::of).load(new ConfigSources(cli, Map.of(), Optional.empty()));
    }

    @Test
    void embeddedByDefaultOnStandaloneOnlyAndSwitchable() {
        assertTrue(load(Map.of("preset", "standalone")).poet().embedded());
        assertFalse(load(Map.of("preset", "mainnet")).poet().embedded());
        assertFalse(load(Map.of("preset", "standalone", "poet.embedded", "off")).poet().embedded());
        assertTrue(load(Map.of("preset", "localnet", "poet.embedded", "on")).poet().embedded());
        assertEquals(new NodeConfig.Poet(true, 150, 8), load(Map.of()).poet());
    }

    @Test
    void timetableIsTheNetworksEpochAndThePresetsPoetTiming() {
        NetworkParams p = Preset.STANDALONE.params();
        Instant genesis = Instant.parse("2026-01-01T00:00:00Z");
        var schedule = PoetSchedules.forClock(p.time().clock(genesis), p.poet());
        assertEquals(p.time().layerDuration().multipliedBy(p.time().layersPerEpoch()), schedule.epochDuration());
        assertEquals(p.poet().phaseShift(), schedule.phaseShift());
        assertEquals(p.poet().cycleGap(), schedule.cycleGap());
        assertEquals(genesis, schedule.genesis());
    }

    @Test
    void acceptsARegistrationAndKeepsItsStateUnderTheNodesDataDir() throws Exception {
        ActorTestKit kit = ActorTestKit.create();
        try {
            Instant genesis = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            LayerClock layers = new LayerClock(genesis, Duration.ofSeconds(1), 3);
            NetworkParams.Poet timing = new NetworkParams.Poet(Duration.ofSeconds(30), Duration.ofSeconds(1),
                    Duration.ZERO, Duration.ZERO, List.of());
            ActorRef<PoetActor.Command> poet = kit.spawn(EmbeddedPoet.create(new NodeConfig.Poet(true, 150, 2),
                    nodeDir, layers, timing, Clock.systemUTC()));
            TestProbe<PoetActor.InfoReply> info = kit.createTestProbe();
            poet.tell(new PoetActor.GetInfo(info.getRef()));
            PoetActor.InfoReply reply = info.receiveMessage(Duration.ofSeconds(10));
            assertEquals(2, reply.powParams().difficulty());

            EdSigner node = EdSigner.fromSeed(filled(32, 5), Bytes.of(filled(20, 6)));
            TestProbe<SubmitResult> submitted = kit.createTestProbe();
            poet.tell(new PoetActor.Submit(PoetRegistrations.withPow(node, Bytes.of(filled(32, 8)),
                    reply.powParams(), Optional.empty()), submitted.getRef()));
            assertInstanceOf(SubmitResult.Accepted.class, submitted.receiveMessage(Duration.ofSeconds(10)));
            Path dir = EmbeddedPoet.dataDir(nodeDir);
            assertTrue(Files.isRegularFile(dir.resolve("server.key")));
            assertTrue(Files.size(dir.resolve("registrations.log")) > 0);
        } finally {
            kit.shutdownTestKit();
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
