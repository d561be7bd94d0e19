package io.smnode.actors.poet;

import io.smnode.poet.PoetInfo;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The node's side of one PoET server: forwards each request through a {@link PoetClient} and retries it with
 * bounded exponential backoff while the answer is {@link PoetOutcome#retryable()} (5xx, timeouts). Every other
 * answer, and the last retryable one once the attempts are spent, goes to the requester as is. Requests are
 * independent: a slow retry never holds up another request.
 */
public final class PoetClientActor extends AbstractBehavior<PoetClientActor.Command> {

    public sealed interface Command {}

    /** A call to the PoET; its answer is a {@link PoetOutcome} of the request's own type. */
    public sealed interface Request extends Command {}

    public record Submit(SubmitRequest request, ActorRef<PoetOutcome<PoetRegistration>> replyTo) implements Request {}

    public record GetProof(String roundId, ActorRef<PoetOutcome<RoundProof>> replyTo) implements Request {}

    public record GetInfo(ActorRef<PoetOutcome<PoetInfo>> replyTo) implements Request {}

    public record GetPowParams(ActorRef<PoetOutcome<PowParams>> replyTo) implements Request {}

    private record Attempt(Request request, int attempt) implements Command {}

    private record Answered(Request request, int attempt, PoetOutcome<?> outcome) implements Command {}

    private final PoetClient client;
    private final PoetRetryPolicy retry;

    public static Behavior<Command> create(PoetClient client, PoetRetryPolicy retry) {
        return Behaviors.setup(ctx -> new PoetClientActor(ctx, client, retry));
    }

    private PoetClientActor(ActorContext<Command> ctx, PoetClient client, PoetRetryPolicy retry) {
        super(ctx);
        this.client = client;
        this.retry = retry;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Request.class, r -> onAttempt(new Attempt(r, 1)))
                .onMessage(Attempt.class, this::onAttempt)
                .onMessage(Answered.class, this::onAnswered)
                .build();
    }

    private Behavior<Command> onAttempt(Attempt a) {
        getContext().pipeToSelf(call(a.request()), (outcome, failure) -> new Answered(a.request(), a.attempt(),
                failure == null ? outcome : new PoetOutcome.Unavailable<>(failure.toString())));
        return this;
    }

    private CompletionStage<? extends PoetOutcome<?>> call(Request r) {
        if (r instanceof Submit s) {
            return client.submit(s.request());
        } else if (r instanceof GetProof p) {
            return client.proof(p.roundId());
        } else if (r instanceof GetInfo) {
            return client.info();
        } else {
            return client.powParams();
        }
    }

    private Behavior<Command> onAnswered(Answered a) {
        if (a.outcome().retryable() && a.attempt() < retry.maxAttempts()) {
            getContext().getLog().debug("PoET call {} failed (attempt {}): {}; retrying",
                    a.request().getClass().getSimpleName(), a.attempt(), a.outcome());
            getContext().scheduleOnce(retry.backoffAfter(a.attempt()), getContext().getSelf(),
                    new Attempt(a.request(), a.attempt() + 1));
        } else {
            reply(a.request(), a.outcome());
        }
        return this;
    }

    /** The outcome came from the call made for this very request, so its type is the request's reply type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void reply(Request r, PoetOutcome<?> outcome) {
        ActorRef replyTo;
        if (r instanceof Submit s) {
            replyTo = s.replyTo();
        } else if (r instanceof GetProof p) {
            replyTo = p.replyTo();
        } else if (r instanceof GetInfo i) {
            replyTo = i.replyTo();
        } else {
            replyTo = ((GetPowParams) r).replyTo();
        }
        replyTo.tell(outcome);
    }
}
