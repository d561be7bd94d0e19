package io.smnode.p2p.pubsub;

import io.smnode.core.types.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The gossipsub message cache: messages of the last {@code historyLength} heartbeat windows, kept to answer IWANT;
 * the ids of the last {@code historyGossip} windows are what IHAVE advertises.
 */
final class MessageCache {
    private record Entry(Bytes id, String topic) {}

    private final int historyLength;
    private final int historyGossip;
    private final ArrayDeque<List<Entry>> windows = new ArrayDeque<>();
    private final Map<Bytes, Rpc.Message> messages = new HashMap<>();

    MessageCache(int historyLength, int historyGossip) {
        this.historyLength = historyLength;
        this.historyGossip = historyGossip;
        windows.addFirst(new ArrayList<>());
    }

    void put(Bytes id, Rpc.Message msg) {
        if (messages.putIfAbsent(id, msg) == null) {
            windows.peekFirst().add(new Entry(id, msg.topic()));
        }
    }

    Rpc.Message get(Bytes id) {
        return messages.get(id);
    }

    List<Bytes> gossipIds(String topic) {
        List<Bytes> ids = new ArrayList<>();
        int n = 0;
        for (Iterator<List<Entry>> it = windows.iterator(); it.hasNext() && n < historyGossip; n++) {
            for (Entry e : it.next()) {
                if (e.topic.equals(topic)) {
                    ids.add(e.id);
                }
            }
        }
        return ids;
    }

    void shift() {
        windows.addFirst(new ArrayList<>());
        while (windows.size() > historyLength) {
            for (Entry e : windows.pollLast()) {
                messages.remove(e.id);
            }
        }
    }

    int size() {
        return messages.size();
    }
}
