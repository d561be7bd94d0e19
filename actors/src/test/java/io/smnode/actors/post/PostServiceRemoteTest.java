package io.smnode.actors.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.activation.PostV1;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.init.InitConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PoST component with a remote post service attached: proofs are asked of the remote while it is attached (for
 * this identity only), and made locally again once it is gone.
 */
class PostServiceRemoteTest {
    private static final NodeId NODE = NodeId.ofHex("77".repeat(32));
    private static final InitConfig CONFIG = new InitConfig(NODE, AtxId.ofHex("02".repeat(32)), 100, 1, 1600, 2, 25);
    private static final PostV1 LOCAL = new PostV1(1, Bytes.ofHex("aa"), 2);
    private static final Hash32 CHALLENGE = Hash32.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
            16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    private final ActorTestKit kit = ActorTestKit.create();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void provesThroughTheAttachedRemoteForItsIdentityOnly() {
        ActorRef<PostServiceActor.Command> post = kit.spawn(PostServiceActor.create(new PostServiceActor.Setup(dir,
                CONFIG, PostPool.cpu(1), metadata -> challenge -> LOCAL, Clock.systemUTC(),
                new PrometheusRegistry())));
        TestProbe<PostServiceActor.Ready> ready = kit.createTestProbe();
        post.tell(new PostServiceActor.AwaitReady(ready.getRef()));
        ready.receiveMessage(Duration.ofSeconds(30));
        TestProbe<ProvingWorker.Result> asker = kit.createTestProbe();
        assertEquals(LOCAL, prove(post, asker).post(), "no remote: the local data proves");

        TestProbe<ProvingWorker.Prove> stranger = kit.createTestProbe();
        post.tell(new PostServiceActor.AttachRemote(NodeId.ofHex("01".repeat(32)), stranger.getRef()));
        assertEquals(LOCAL, prove(post, asker).post(), "a remote of another identity is not used");
        stranger.expectNoMessage(Duration.ofMillis(100));

        TestProbe<ProvingWorker.Prove> remote = kit.createTestProbe();
        post.tell(new PostServiceActor.AttachRemote(NODE, remote.getRef()));
        post.tell(new PostServiceActor.AttachRemote(NODE, remote.getRef())); // repeated: still one
        post.tell(new PostServiceActor.Prove(CHALLENGE, asker.getRef()));
        ProvingWorker.Prove forwarded = remote.receiveMessage();
        assertEquals(CHALLENGE, forwarded.challenge());
        assertEquals(asker.getRef(), forwarded.replyTo(), "the remote answers the asker itself");
        asker.expectNoMessage(Duration.ofMillis(100));

        remote.stop();
        asker.awaitAssert(() -> {
            // Until the service heard that the remote stopped, a proof may go to it (and is never answered).
            assertEquals(LOCAL, prove(post, asker).post(), "the remote left: local again");
            return null;
        });
    }

    private static ProvingWorker.Proven prove(ActorRef<PostServiceActor.Command> post,
                                              TestProbe<ProvingWorker.Result> asker) {
        post.tell(new PostServiceActor.Prove(CHALLENGE, asker.getRef()));
        return assertInstanceOf(ProvingWorker.Proven.class, asker.receiveMessage(Duration.ofSeconds(1)));
    }
}
