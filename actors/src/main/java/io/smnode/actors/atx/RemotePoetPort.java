package io.smnode.actors.atx;

import io.smnode.actors.poet.PoetClientActor;
import io.smnode.actors.poet.PoetOutcome;
import io.smnode.actors.poet.PoetRegistration;
import io.smnode.actors.poet.PoetRegistrations;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.RoundSchedule;
import io.smnode.poet.SubmitRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The {@link PoetPort} over a remote PoET reached through a {@link PoetClientActor} (which retries transient
 * failures itself), known to the builder as {@code name}: the same steps as {@link EmbeddedPoetPort}, with the
 * PoET's HTTP outcomes mapped onto the port's replies. A refusal (invalid, unauthorized, conflicting, full) is
 * {@link PoetPort.Rejected}; no answer or no proof yet is {@link PoetPort.Unavailable}.
 */
public final class RemotePoetPort {
    private RemotePoetPort() {}

    /** @param askTimeout longer than the client's whole retry schedule, so that its last answer is the one heard */
    public static Behavior<PoetPort.Command> create(String name, ActorRef<PoetClientActor.Command> client,
                                                    EdSigner signer, FetchedProofs fetched, Clock clock,
                                                    Duration askTimeout) {
        return Behaviors.setup(ctx -> {
            Scheduler scheduler = ctx.getSystem().scheduler();
            return Behaviors.receive(PoetPort.Command.class)
                    .onMessage(PoetPort.Register.class, r -> {
                        if (PoetPorts.answerUnknown(name, r)) {
                            return Behaviors.same();
                        }
                        CompletionStage<PoetPort.RegisterReply> reply = AskPattern
                                .<PoetClientActor.Command, PoetOutcome<PowParams>>ask(client,
                                        PoetClientActor.GetPowParams::new, askTimeout, scheduler)
                                .thenComposeAsync(pow -> {
                                    if (!(pow instanceof PoetOutcome.Ok<PowParams> ok)) {
                                        return CompletableFuture.completedFuture(refusal(name, "PoW parameters", pow));
                                    }
                                    // Solved here, on the common fork-join pool (as in EmbeddedPoetPort).
                                    SubmitRequest request = PoetRegistrations.withPow(signer,
                                            Bytes.of(r.submission().challenge().toByteArray()), ok.value(),
                                            Optional.of(r.roundEndBy()));
                                    return AskPattern.<PoetClientActor.Command, PoetOutcome<PoetRegistration>>ask(
                                            client, to -> new PoetClientActor.Submit(request, to), askTimeout,
                                            scheduler)
                                            .thenApply(outcome -> registerReply(name, outcome, clock));
                                });
                        PoetPorts.answerRegistration(name, reply, r.replyTo());
                        return Behaviors.same();
                    })
                    .onMessage(PoetPort.FetchProof.class, f -> {
                        if (PoetPorts.answerUnknown(name, f)) {
                            return Behaviors.same();
                        }
                        CompletionStage<PoetPort.ProofReply> reply = AskPattern
                                .<PoetClientActor.Command, PoetOutcome<RoundProof>>ask(client,
                                        to -> new PoetClientActor.GetProof(RoundSchedule.roundId(f.round()), to),
                                        askTimeout, scheduler)
                                .thenApply(outcome -> outcome instanceof PoetOutcome.Ok<RoundProof> ok
                                        ? PoetPorts.proofReply(name, f.round(), Optional.of(ok.value()), fetched)
                                        : new PoetPort.Unavailable(name, "proof of round " + f.round() + ": "
                                                + outcome));
                        PoetPorts.answerProof(name, reply, f.replyTo());
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static PoetPort.RegisterReply registerReply(String name, PoetOutcome<PoetRegistration> outcome,
                                                        Clock clock) {
        if (!(outcome instanceof PoetOutcome.Ok<PoetRegistration> ok)) {
            return refusal(name, "registration", outcome);
        }
        long round;
        try {
            round = Long.parseUnsignedLong(ok.value().roundId());
        } catch (NumberFormatException e) {
            return new PoetPort.Rejected(name, "round id " + ok.value().roundId() + " is not a round number");
        }
        return new PoetPort.Registered(name, round, clock.instant().plus(ok.value().roundEnd()));
    }

    /** A transport failure or "not found" may pass; anything else is the PoET saying no. */
    private static PoetPort.RegisterReply refusal(String name, String what, PoetOutcome<?> outcome) {
        if (outcome instanceof PoetOutcome.Unavailable<?> || outcome instanceof PoetOutcome.NotFound<?>) {
            return new PoetPort.Unavailable(name, what + ": " + outcome);
        }
        return new PoetPort.Rejected(name, what + ": " + outcome);
    }
}
