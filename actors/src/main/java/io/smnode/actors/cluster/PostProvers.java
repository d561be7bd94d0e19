package io.smnode.actors.cluster;

import io.smnode.actors.post.ProvingWorker;
import io.smnode.core.types.NodeId;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * Proving is addressed per identity: the member that holds an identity's PoST data registers a prover for it under
 * {@link #key}, and whoever needs a proof (the consensus member's ATX builder) sends {@link ProvingWorker.Prove} to
 * whatever the receptionist lists there — on whichever machine that is.
 */
public final class PostProvers {
    private PostProvers() {}

    public static ServiceKey<ProvingWorker.Prove> key(NodeId identity) {
        return ServiceKey.create(ProvingWorker.Prove.class, "post-prover-" + identity.hex());
    }
}
