package io.smnode.actors.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
    /** A message of a component's protocol. */
    public record Submit() {}

    public record Other() {}

    /** A component's internal message (a timer tick, an adapted reply). */
    private record Tick() {}

    private static FaultRule rule(int index, String message, long every, double probability, long limit,
                                  OptionalLong from, OptionalLong until) {
        return new FaultRule(index, "poet", message, FaultAction.DROP, every, probability, Duration.ZERO, from, until,
                limit);
    }

    private static List<Long> firings(FaultInjector injector, int messages, Class<?> type) {
        List<Long> fired = new ArrayList<>();
        for (long i = 1; i <= messages; i++) {
            if (injector.decide(type).isPresent()) {
                fired.add(i);
            }
        }
        return fired;
    }

    @Test
    void everyNthMatchingMessageFiresUpToTheLimit() {
        FaultInjector injector = new FaultInjector(1, List.of(rule(0, "Submit", 3, 0, 2, OptionalLong.empty(),
                OptionalLong.empty())), () -> 0);
        assertEquals(List.of(3L, 6L), firings(injector, 12, Submit.class));
        assertEquals(List.of(), firings(injector, 5, Other.class), "other messages do not match");
    }

    @Test
    void theQualifiedNameMatchesToo() {
        FaultInjector injector = new FaultInjector(1, List.of(rule(0, "FaultInjectorTest.Submit", 1, 0, 0,
                OptionalLong.empty(), OptionalLong.empty())), () -> 0);
        assertEquals(List.of(1L, 2L), firings(injector, 2, Submit.class));
    }

    @Test
    void probabilitiesAreReproducibleFromTheSeed() {
        FaultRule half = rule(0, "*", 0, 0.5, 0, OptionalLong.empty(), OptionalLong.empty());
        List<Long> first = firings(new FaultInjector(42, List.of(half), () -> 0), 200, Submit.class);
        List<Long> again = firings(new FaultInjector(42, List.of(half), () -> 0), 200, Submit.class);
        List<Long> otherSeed = firings(new FaultInjector(43, List.of(half), () -> 0), 200, Submit.class);
        assertEquals(first, again);
        assertTrue(!first.equals(otherSeed), "another seed, other decisions");
        assertTrue(first.size() > 70 && first.size() < 130, "about half: " + first.size());
    }

    @Test
    void theWildcardSparesInternalMessagesWhichAreHitByNameOnly() {
        FaultInjector any = new FaultInjector(1, List.of(rule(0, "*", 1, 0, 0, OptionalLong.empty(),
                OptionalLong.empty())), () -> 0);
        assertEquals(List.of(), firings(any, 3, Tick.class));
        assertEquals(List.of(1L, 2L), firings(any, 2, Submit.class));
        FaultInjector named = new FaultInjector(1, List.of(rule(0, "Tick", 1, 0, 0, OptionalLong.empty(),
                OptionalLong.empty())), () -> 0);
        assertEquals(List.of(1L), firings(named, 1, Tick.class));
    }

    @Test
    void onlyWithinTheLayerRange() {
        AtomicLong layer = new AtomicLong(2);
        FaultInjector injector = new FaultInjector(1, List.of(rule(0, "*", 1, 0, 0, OptionalLong.of(3),
                OptionalLong.of(5))), layer::get);
        assertEquals(List.of(), firings(injector, 3, Submit.class));
        layer.set(3);
        assertEquals(List.of(1L, 2L), firings(injector, 2, Submit.class));
        layer.set(5);
        assertEquals(List.of(), firings(injector, 3, Submit.class), "until-layer is exclusive");
    }
}
