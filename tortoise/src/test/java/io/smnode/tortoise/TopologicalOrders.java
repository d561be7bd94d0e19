package io.smnode.tortoise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random dependency-respecting orders of a fixture's actions, as the reference's runRandomTopo builds them: a
 * reference ballot needs its ATX, any other ballot its reference ballot, every ballot its base; a hare output needs
 * its block; tally and expectations need everything registered before them. Test-only randomness, fixed seed.
 */
final class TopologicalOrders {
    private TopologicalOrders() {}

    static List<JsonNode> random(JsonNode actions, Random random) {
        List<JsonNode> all = new ArrayList<>();
        actions.forEach(all::add);
        Map<Integer, Set<Integer>> forward = new HashMap<>();
        Map<Integer, Set<Integer>> reverse = new HashMap<>();
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Set<Integer> deps = deps(all, i);
            for (int d : deps) {
                reverse.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(d);
                forward.computeIfAbsent(d, k -> new LinkedHashSet<>()).add(i);
            }
            if (deps.isEmpty()) {
                free.add(i);
            }
        }
        Collections.shuffle(free, random);
        Deque<Integer> queue = new ArrayDeque<>(free);
        List<JsonNode> out = new ArrayList<>();
        while (!queue.isEmpty()) {
            int a = queue.removeFirst();
            out.add(all.get(a));
            List<Integer> next = new ArrayList<>(forward.getOrDefault(a, Set.of()));
            // The reference walks a Go map here, in no fixed order.
            Collections.shuffle(next, random);
            for (int n : next) {
                Set<Integer> r = reverse.get(n);
                r.remove(a);
                if (r.isEmpty()) {
                    reverse.remove(n);
                    queue.addLast(n);
                }
            }
            forward.remove(a);
        }
        if (!reverse.isEmpty()) {
            throw new IllegalStateException("unsatisfiable dependencies: " + reverse);
        }
        return out;
    }

    private static Set<Integer> deps(List<JsonNode> all, int i) {
        JsonNode a = all.get(i);
        Set<Integer> deps = new HashSet<>();
        switch (a.get("action").asText()) {
            case "ballot" -> {
                JsonNode ed = a.get("epoch_data");
                if (ed != null && !ed.isNull()) {
                    deps.add(last(all, i, "atx", "id", a.get("atx_id").asText()));
                } else {
                    deps.add(last(all, i, "ballot", "id", a.get("ref").asText()));
                }
                String base = a.get("votes").get("base").asText();
                if (!base.matches("0+")) {
                    deps.add(last(all, i, "ballot", "id", base));
                }
            }
            case "hare_output" -> deps.add(last(all, i, "block", "id", a.get("block_id").asText()));
            case "tally_votes", "expect_updates", "expect_mode" -> {
                for (int j = 0; j < i; j++) {
                    deps.add(j);
                }
            }
            default -> { }
        }
        return deps;
    }

    private static int last(List<JsonNode> all, int before, String action, String field, String value) {
        for (int j = before - 1; j >= 0; j--) {
            JsonNode c = all.get(j);
            if (c.get("action").asText().equals(action) && c.get(field).asText().equals(value)) {
                return j;
            }
        }
        throw new IllegalStateException(action + " " + value + " not registered before action " + before);
    }
}
