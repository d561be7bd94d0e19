package io.smnode.actors.faults;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a fault plan from HOCON:
 * <pre>
 * smnode.faults { seed = 7, rules = [
 *   { component = "atx-handler", message = "*", action = crash, every = 2 },
 *   { component = "poet", message = "Submit", action = delay, delay = 2s, probability = 0.5 } ] }
 * </pre>
 * A rule names a known component and a message ({@code *} for all); its action is crash, drop, delay or duplicate
 * (mailbox), or for component {@code storage} also fail-commit, fail-fsync or disk-full; it fires on every N-th match
 * ({@code every}) or with a probability; optional {@code from-layer}, {@code until-layer}, {@code limit}. Anything
 * else fails with one sentence that names the rule.
 */
public final class FaultPlans {
    public static final String ROOT = "smnode.faults";
    private static final Set<String> RULE_KEYS = Set.of("component", "message", "action", "every", "probability",
            "delay", "from-layer", "until-layer", "limit");

    private FaultPlans() {}

    /** Reads the plan in {@code file}. @throws FaultPlanException naming the file or the rule at fault */
    public static FaultPlan read(Path file, Collection<String> components) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new FaultPlanException("fault plan " + file + " does not exist or is not readable.");
        }
        Config config;
        try {
            config = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                    .resolve();
        } catch (ConfigException e) {
            throw new FaultPlanException("fault plan " + file + " is not valid HOCON: " + e.getMessage() + ".");
        }
        return parse(config, components);
    }

    public static FaultPlan parse(Config config, Collection<String> components) {
        if (!config.hasPath(ROOT)) {
            throw new FaultPlanException("a fault plan needs a section " + ROOT + " { seed = ..., rules = [...] }.");
        }
        Config plan = config.getConfig(ROOT);
        long seed;
        List<? extends Config> rules;
        try {
            seed = plan.hasPath("seed") ? plan.getLong("seed") : 0;
            rules = plan.getConfigList("rules");
        } catch (ConfigException e) {
            throw new FaultPlanException("fault plan: " + e.getMessage() + ".");
        }
        List<FaultRule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            parsed.add(rule(i, rules.get(i), components));
        }
        return new FaultPlan(seed, parsed);
    }

    private static FaultRule rule(int index, Config rule, Collection<String> components) {
        String where = "fault plan rule " + index;
        try {
            for (String key : rule.root().keySet()) {
                if (!RULE_KEYS.contains(key)) {
                    throw new FaultPlanException(where + " has an unknown key " + key + " (known: " + RULE_KEYS + ").");
                }
            }
            String component = rule.getString("component");
            where += " (component " + component + ")";
            if (!components.contains(component)) {
                throw new FaultPlanException(where + " names an unknown component; known: " + components + ".");
            }
            String actionName = rule.getString("action");
            FaultAction action = FaultAction.byPlanName(actionName).orElseThrow(() -> new FaultPlanException(
                    where(index, component) + " has an unknown action " + actionName + "."));
            if (action.storage() && !component.equals("storage")) {
                throw new FaultPlanException(where + ": action " + actionName + " applies to component storage only.");
            }
            String message = rule.hasPath("message") ? rule.getString("message") : "*";
            long every = rule.hasPath("every") ? rule.getLong("every") : 0;
            double probability = rule.hasPath("probability") ? rule.getDouble("probability") : 0;
            if ((every > 0) == (probability > 0) || every < 0 || probability < 0 || probability > 1) {
                throw new FaultPlanException(where + " needs exactly one of every >= 1 or 0 < probability <= 1.");
            }
            Duration delay = rule.hasPath("delay") ? rule.getDuration("delay") : Duration.ZERO;
            if (action == FaultAction.DELAY && (delay.isZero() || delay.isNegative())) {
                throw new FaultPlanException(where + ": action delay needs a positive delay (delay = 2s).");
            }
            long limit = rule.hasPath("limit") ? rule.getLong("limit") : 0;
            if (limit < 0) {
                throw new FaultPlanException(where + ": limit must be >= 0.");
            }
            return new FaultRule(index, component, message, action, every, probability, delay,
                    layer(rule, "from-layer"), layer(rule, "until-layer"), limit);
        } catch (ConfigException e) {
            throw new FaultPlanException(where + ": " + e.getMessage() + ".");
        }
    }

    private static String where(int index, String component) {
        return "fault plan rule " + index + " (component " + component + ")";
    }

    private static OptionalLong layer(Config rule, String key) {
        return rule.hasPath(key) ? OptionalLong.of(rule.getLong(key)) : OptionalLong.empty();
    }

    /** The plan named on the command line, or none. */
    public static FaultPlan readOptional(Optional<Path> file, Collection<String> components) {
        return file.map(f -> read(f, components)).orElse(FaultPlan.NONE);
    }
}
