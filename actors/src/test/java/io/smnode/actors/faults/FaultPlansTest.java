package io.smnode.actors.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.smnode.actors.component.ComponentNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultPlansTest {
    private static FaultPlan parse(String hocon) {
        return FaultPlans.parse(ConfigFactory.parseString(hocon), ComponentNames.ALL);
    }

    private static String refused(String hocon) {
        return assertThrows(FaultPlanException.class, () -> parse(hocon)).getMessage();
    }

    @Test
    void readsThePlanOfTheReadme(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("faults.conf");
        Files.writeString(file, """
                smnode.faults { seed = 7, rules = [
                  { component = "atx-handler", message = "*", action = crash, every = 2 },
                  { component = "poet", message = "Submit", action = delay, delay = 2s, probability = 0.5 },
                  { component = "storage", message = "commit", action = disk-full, every = 40, limit = 1,
                    from-layer = 3, until-layer = 9 } ] }
                """);
        FaultPlan plan = FaultPlans.read(file, ComponentNames.ALL);
        assertEquals(7, plan.seed());
        assertEquals(3, plan.rules().size());
        FaultRule crash = plan.rules().get(0);
        assertEquals(FaultAction.CRASH, crash.action());
        assertEquals(2, crash.every());
        FaultRule delay = plan.rules().get(1);
        assertEquals(Duration.ofSeconds(2), delay.delay());
        assertEquals(0.5, delay.probability());
        FaultRule full = plan.rules().get(2);
        assertEquals(OptionalLong.of(3), full.fromLayer());
        assertEquals(OptionalLong.of(9), full.untilLayer());
        assertEquals(1, full.limit());
        assertEquals(1, plan.storageRules().size());
        assertEquals(1, plan.mailboxRules("atx-handler").size());
        assertTrue(plan.mailboxRules("storage").isEmpty(), "storage actions are the store's, not the mailbox's");
    }

    @Test
    void aBadPlanFailsWithOneSentenceNamingTheRule() {
        String base = "smnode.faults { seed = 1, rules = [ { component = \"poet\", action = drop, every = 1 }, ";
        assertEquals("fault plan rule 1 (component atx-handlr) names an unknown component; known: "
                + ComponentNames.ALL + ".", refused(base + "{ component = \"atx-handlr\", action = crash, every = 1 } ] }"));
        assertEquals("fault plan rule 1 (component poet) has an unknown action explode.",
                refused(base + "{ component = \"poet\", action = explode, every = 1 } ] }"));
        assertEquals("fault plan rule 1 (component poet): action disk-full applies to component storage only.",
                refused(base + "{ component = \"poet\", action = disk-full, every = 1 } ] }"));
        assertEquals("fault plan rule 1 (component poet) needs exactly one of every >= 1 or 0 < probability <= 1.",
                refused(base + "{ component = \"poet\", action = drop } ] }"));
        assertEquals("fault plan rule 1 (component poet) needs exactly one of every >= 1 or 0 < probability <= 1.",
                refused(base + "{ component = \"poet\", action = drop, every = 2, probability = 0.1 } ] }"));
        assertEquals("fault plan rule 1 (component poet): action delay needs a positive delay (delay = 2s).",
                refused(base + "{ component = \"poet\", action = delay, every = 1 } ] }"));
        assertTrue(refused(base + "{ component = \"poet\", action = drop, evry = 1 } ] }")
                .startsWith("fault plan rule 1 has an unknown key evry"));
        assertTrue(refused("smnode.other = 1").startsWith("a fault plan needs a section smnode.faults"));
    }

    @Test
    void aMissingFileIsOneSentence(@TempDir Path dir) {
        Path missing = dir.resolve("none.conf");
        assertEquals("fault plan " + missing + " does not exist or is not readable.",
                assertThrows(FaultPlanException.class, () -> FaultPlans.read(missing, ComponentNames.ALL))
                        .getMessage());
    }
}
