package io.smnode.actors.atx;

import io.smnode.actors.poet.PoetActor;
import io.smnode.actors.poet.PoetRegistrations;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.poet.SubmitResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The {@link PoetPort} over a PoET running in this node ({@link PoetActor}), known to the builder as {@code name}.
 * A registration asks the PoET for its current PoW parameters, solves them ({@link PoetRegistrations#withPow},
 * signing the builder's challenge with the node's key) and submits; a proof fetch asks for the round's proof. The
 * PoW is solved on the common fork-join pool, off this actor, the PoET's mailbox and the dispatcher threads.
 * Stateless: every request is answered once, from its own chain of asks.
 */
public final class EmbeddedPoetPort {
    private EmbeddedPoetPort() {}

    /**
     * @param askTimeout how long to wait for the PoET (it answers nothing while it proves a round); a timeout is
     *                   answered as {@link PoetPort.Unavailable}, which the builder retries
     */
    public static Behavior<PoetPort.Command> create(String name, ActorRef<PoetActor.Command> poet, EdSigner signer,
                                                    FetchedProofs fetched, Clock clock, Duration askTimeout) {
        return Behaviors.setup(ctx -> {
            Scheduler scheduler = ctx.getSystem().scheduler();
            return Behaviors.receive(PoetPort.Command.class)
                    .onMessage(PoetPort.Register.class, r -> {
                        if (PoetPorts.answerUnknown(name, r)) {
                            return Behaviors.same();
                        }
                        CompletionStage<PoetPort.RegisterReply> reply = AskPattern
                                .<PoetActor.Command, PoetActor.InfoReply>ask(poet, PoetActor.GetInfo::new,
                                        askTimeout, scheduler)
                                // The PoW takes up to seconds at the configured difficulty: off the ask's thread.
                                .thenApplyAsync(info -> PoetRegistrations.withPow(signer,
                                        Bytes.of(r.submission().challenge().toByteArray()), info.powParams(),
                                        Optional.of(r.roundEndBy())))
                                .thenCompose(request -> AskPattern.<PoetActor.Command, SubmitResult>ask(poet,
                                        to -> new PoetActor.Submit(request, to), askTimeout, scheduler))
                                .thenApply(result -> registerReply(name, result, clock));
                        PoetPorts.answerRegistration(name, reply, r.replyTo());
                        return Behaviors.same();
                    })
                    .onMessage(PoetPort.FetchProof.class, f -> {
                        if (PoetPorts.answerUnknown(name, f)) {
                            return Behaviors.same();
                        }
                        CompletionStage<PoetPort.ProofReply> reply = AskPattern
                                .<PoetActor.Command, PoetActor.ProofReply>ask(poet,
                                        to -> new PoetActor.GetProof(f.round(), to), askTimeout, scheduler)
                                .thenApply(p -> PoetPorts.proofReply(name, f.round(), p.proof(), fetched));
                        PoetPorts.answerProof(name, reply, f.replyTo());
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static PoetPort.RegisterReply registerReply(String name, SubmitResult result, Clock clock) {
        if (result instanceof SubmitResult.Accepted a) {
            return new PoetPort.Registered(name, a.round(), clock.instant().plus(a.roundEnd()));
        }
        SubmitResult.Rejected no = (SubmitResult.Rejected) result;
        return new PoetPort.Rejected(name, no.reason() + ": " + no.detail());
    }
}
