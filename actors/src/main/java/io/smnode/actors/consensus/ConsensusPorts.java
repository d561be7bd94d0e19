package io.smnode.actors.consensus;

import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import org.apache.pekko.actor.typed.ActorRef;

/** Where a consensus component's effects go: the storage writer, the gossip and fetch ports, the router. */
record ConsensusPorts(ActorRef<StorageActor.Command> storage, ActorRef<GossipPort.Command> gossip,
        ActorRef<FetchPort.Command> fetch, ActorRef<ConsensusActor.Command> bus) {}
