package io.smnode.activation.builder;

import static io.smnode.activation.builder.BuilderWorld.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.ScaleException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The state encoding round-trips every state a real run goes through; the file store is atomic and checks bytes. */
class BuilderStateStoreTest {
    static List<BuilderState> states;

    /** Keeps every state a two-epoch run saves. */
    private static final class Recording implements BuilderStateStore {
        final List<BuilderState> saved = new ArrayList<>();

        @Override
        public Optional<BuilderState> load() {
            return saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
        }

        @Override
        public void save(BuilderState state) {
            saved.add(state);
        }
    }

    @BeforeAll
    static void recordARun() throws Exception {
        Recording store = new Recording();
        new BuilderWorld(TinyPost.shared(), store, "poet-a").runUntil(at(250));
        states = store.saved;
    }

    @Test
    void aRunGoesThroughEveryPhase() {
        Set<Class<?>> phases = new HashSet<>();
        states.forEach(s -> phases.add(s.phase().getClass()));
        assertEquals(Set.of(BuilderPhase.Idle.class, BuilderPhase.Positioning.class, BuilderPhase.Registering.class,
                BuilderPhase.AwaitingProofs.class, BuilderPhase.Proving.class), phases,
                "Built is passed through within a step here: publishing at S(P) is already due when the ATX is built");
    }

    @Test
    void everyStateRoundTrips() throws Exception {
        for (BuilderState state : states) {
            byte[] bytes = state.encode();
            BuilderState decoded = BuilderState.decode(bytes);
            assertEquals(state, decoded);
            assertArrayEquals(bytes, decoded.encode());
        }
    }

    @Test
    void aBuiltStateRoundTrips() throws Exception {
        BuilderState last = states.get(states.size() - 1);
        BuilderState built = new BuilderState(Optional.empty(), new BuilderPhase.Built(last.lastPublished().get()));
        assertEquals(built, BuilderState.decode(built.encode()));
    }

    @Test
    void everyStateOfAV2RunAndOfAMarriedSetRoundTrips() throws Exception {
        Recording solo = new Recording();
        new BuilderWorld(TinyPost.shared(), solo, BuilderWorld.PHASE_SHIFT, BuilderWorld.minimalLeaves("poet-a"),
                io.smnode.activation.AtxVersions.v2From(1)).runUntil(at(250));
        Recording set = new Recording();
        BuilderWorld world = new BuilderWorld(TinyPost.shared(), null, BuilderWorld.PHASE_SHIFT,
                BuilderWorld.minimalLeaves("poet-a"), io.smnode.activation.AtxVersions.v2From(0));
        MarriedSet married = new MarriedSet(List.of(TinyPost.shared().setup, TinyPost.of(8).setup), TinyPost.GOLDEN,
                io.smnode.core.types.EpochId.of(0), List.of(TinyPost.GOLDEN, TinyPost.GOLDEN), 0);
        world.addLane("set", set, s -> new AtxBuilder(married, world.config, s),
                TinyPost.shared().setup.signer().nodeId(), TinyPost.shared(), TinyPost.of(8));
        world.runUntil(at(250));
        List<BuilderState> all = new ArrayList<>(solo.saved);
        all.addAll(set.saved);
        Set<Class<?>> phases = new HashSet<>();
        for (BuilderState state : all) {
            phases.add(state.phase().getClass());
            assertEquals(state, BuilderState.decode(state.encode()));
        }
        assertEquals(5, phases.size(), phases.toString());
        BuilderState last = set.saved.get(set.saved.size() - 1);
        BuilderState built = new BuilderState(Optional.empty(), new BuilderPhase.Built(last.lastPublished().get()));
        assertEquals(built, BuilderState.decode(built.encode()));
    }

    @Test
    void anUnknownPhaseTagIsATypedError() {
        byte[] bytes = BuilderState.INITIAL.encode();
        bytes[bytes.length - 1] = 9;
        ScaleException e = assertThrows(ScaleException.class, () -> BuilderState.decode(bytes));
        assertEquals(ScaleException.Reason.INVALID_VALUE, e.reason());
    }

    @Test
    void everyTruncationOfAStateIsATypedError() {
        byte[] bytes = states.get(states.size() - 1).encode();
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThrows(ScaleException.class, () -> BuilderState.decode(cut), "prefix of " + n + " bytes");
        }
    }
}
