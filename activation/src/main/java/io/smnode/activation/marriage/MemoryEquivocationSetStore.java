package io.smnode.activation.marriage;

import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The marriage records in plain maps, for the simulator and tests (same contract as the LMDB adapter). */
public final class MemoryEquivocationSetStore implements EquivocationSetStore {
    /** In recording order. */
    private final Map<NodeId, Marriage> marriages = new LinkedHashMap<>();
    private final Map<NodeId, MaliciousMark> malicious = new TreeMap<>();
    private long highestSet;

    @Override
    public Optional<Marriage> marriageOf(NodeId identity) {
        return Optional.ofNullable(marriages.get(identity));
    }

    @Override
    public List<NodeId> members(long setId) {
        List<NodeId> out = new ArrayList<>();
        marriages.forEach((id, m) -> {
            if (m.setId() == setId) {
                out.add(id);
            }
        });
        return out;
    }

    @Override
    public long nextSetId() {
        return highestSet + 1;
    }

    @Override
    public Optional<MaliciousMark> malicious(NodeId identity) {
        return Optional.ofNullable(malicious.get(identity));
    }

    @Override
    public List<NodeId> maliciousIdentities() {
        return List.copyOf(malicious.keySet());
    }

    @Override
    public void apply(SetChange change) {
        for (SetChange.Recorded r : change.marriages()) {
            if (marriages.putIfAbsent(r.identity(), r.marriage()) == null) {
                highestSet = Math.max(highestSet, r.marriage().setId());
            }
        }
        Map<NodeId, Marriage> moved = new HashMap<>();
        for (SetChange.Merge g : change.merges()) {
            marriages.forEach((id, m) -> {
                if (m.setId() == g.from()) {
                    moved.put(id, new Marriage(g.to(), m.marriageAtx(), m.index(), m.target(), m.signature()));
                }
            });
            marriages.putAll(moved); // replacing values keeps the recording order
            moved.clear();
        }
        for (SetChange.Marked k : change.marks()) {
            malicious.putIfAbsent(k.identity(), k.mark());
        }
    }
}
