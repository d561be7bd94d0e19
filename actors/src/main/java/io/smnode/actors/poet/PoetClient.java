package io.smnode.actors.poet;

import io.smnode.poet.PoetInfo;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.util.concurrent.CompletionStage;

/**
 * The node's port to one PoET server (spec 09 §8, spec 02 §5–6): register a challenge, learn the server's
 * parameters, fetch a round's proof. Implementations never complete exceptionally for a server's answer: every
 * answer, including transport failures, is a {@link PoetOutcome}.
 */
public interface PoetClient {
    CompletionStage<PoetOutcome<PoetRegistration>> submit(SubmitRequest request);

    CompletionStage<PoetOutcome<PoetInfo>> info();

    CompletionStage<PoetOutcome<RoundProof>> proof(String roundId);

    CompletionStage<PoetOutcome<PowParams>> powParams();
}
