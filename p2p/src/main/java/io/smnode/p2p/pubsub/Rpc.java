package io.smnode.p2p.pubsub;

import io.smnode.core.types.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * A gossipsub RPC (libp2p pubsub {@code rpc.proto}) with message ids as {@code bytes}: go-spacemesh's ids are 32 raw
 * BLAKE3 bytes, not valid UTF-8, so they must never pass through a string type.
 */
public record Rpc(List<SubOpts> subscriptions, List<Message> publish, Control control) {
    public static final Rpc EMPTY = new Rpc(List.of(), List.of(), Control.EMPTY);

    public record SubOpts(boolean subscribe, String topic) {}

    /**
     * A pubsub message. Under StrictNoSign only {@code data} and {@code topic} may be set; the other fields are kept
     * as read so the router can refuse them.
     */
    public record Message(Optional<Bytes> from, Bytes data, Optional<Bytes> seqno, String topic,
                          Optional<Bytes> signature, Optional<Bytes> key) {
        public static Message unsigned(String topic, Bytes data) {
            return new Message(Optional.empty(), data, Optional.empty(), topic, Optional.empty(), Optional.empty());
        }

        public boolean hasAuthorFields() {
            return from.isPresent() || seqno.isPresent() || signature.isPresent() || key.isPresent();
        }
    }

    public record IHave(String topic, List<Bytes> messageIds) {}

    public record IWant(List<Bytes> messageIds) {}

    public record Graft(String topic) {}

    public record Prune(String topic, List<Bytes> peers, Optional<Long> backoffSeconds) {}

    public record Control(List<IHave> ihave, List<IWant> iwant, List<Graft> graft, List<Prune> prune,
                          List<IWant> idontwant) {
        public static final Control EMPTY = new Control(List.of(), List.of(), List.of(), List.of(), List.of());

        public boolean isEmpty() {
            return ihave.isEmpty() && iwant.isEmpty() && graft.isEmpty() && prune.isEmpty() && idontwant.isEmpty();
        }
    }

    public static Rpc subscriptions(List<SubOpts> subs) {
        return new Rpc(subs, List.of(), Control.EMPTY);
    }

    public static Rpc messages(List<Message> msgs) {
        return new Rpc(List.of(), msgs, Control.EMPTY);
    }

    public static Rpc control(Control c) {
        return new Rpc(List.of(), List.of(), c);
    }

    public boolean isEmpty() {
        return subscriptions.isEmpty() && publish.isEmpty() && control.isEmpty();
    }
}
