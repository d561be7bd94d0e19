package io.smnode.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.smnode.activation.PostV1;
import io.smnode.api.FakePostService;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.net.Preset;
import io.smnode.core.types.Hash32;
import io.smnode.node.component.PostComponent;
import io.smnode.node.smeshing.LocalProver;
import io.smnode.node.smeshing.PostParams;
import io.smnode.post.init.Initializer;
import io.smnode.post.init.PostMetadata;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.prove.PostDataDirectory;
import io.smnode.testkit.NodeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spacemesh.v1.Metadata;
import spacemesh.v1.NodeRequest;
import spacemesh.v1.Proof;

/**
 * The packaged standalone node with a remote post service: a fake one (grpc-java, in this JVM) dials the node's post
 * listener once the node's PoST data is ready and registers the node's identity; it then hears nothing for more than
 * a minute (the stream must survive idle), until the node's ATX builder needs the epoch's proof. The fake first
 * answers "still proving", is asked again, and then answers a real proof it makes over the node's data. The node
 * publishes the epoch-1 ATX with that proof and its own handler accepts it (so the proof is valid).
 */
class RemotePostIT {
    private static final Duration START = Duration.ofSeconds(60);
    /**
     * 10 s layers, 10 per epoch: round 0 ends at genesis + 100 s, so the service, registered some 10 to 30 s after
     * genesis (the node's start and PoST initialization on a loaded machine), is asked well over a minute later.
     */
    private static final Duration PROOF_ASKED = Duration.ofSeconds(150);
    private static final Pattern LISTENER = Pattern.compile("API post listener on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern PUBLISHED = Pattern.compile("published ATX ([0-9a-f]{64}) for epoch 1");

    @TempDir
    Path tmp;

    @Test
    void aRemotePostServiceProvesForTheBuildersAtxAfterAnIdleMinute() throws Exception {
        Path dir = tmp.resolve("node");
        try (NodeProcess node = NodeProcess.start("run", "--preset", "standalone", "--data-dir", dir.toString(),
                "--set", "network.layer-duration=10s", "--set", "api.public.listen=127.0.0.1:0",
                "--set", "api.private.listen=127.0.0.1:0", "--set", "api.post.listen=127.0.0.1:0")) {
            Matcher port = LISTENER.matcher(node.awaitLine(l -> LISTENER.matcher(l).find(), START));
            assertTrue(port.find());
            node.awaitLine(l -> l.contains("PoST ready"), START);

            Path postDir = PostComponent.dir(dir);
            PostMetadata data = Initializer.status(postDir).metadata().orElseThrow();
            Metadata meta = Metadata.newBuilder().setNodeId(ByteString.copyFrom(data.nodeId().toByteArray()))
                    .setCommitmentAtxId(ByteString.copyFrom(data.commitmentAtxId().toByteArray()))
                    .setNonce(data.nonce().orElseThrow()).setNumUnits((int) data.numUnits())
                    .setLabelsPerUnit(data.labelsPerUnit()).build();
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(port.group(1)))
                    .usePlaintext().build();
            try (FakePostService service = new FakePostService(channel)) {
                assertTrue(service.next(START).hasMetadata());
                service.sendMetadata(meta);
                node.awaitLine(l -> l.contains("a remote post service proves for " + data.nodeId().hex()), START);
                long registered = System.nanoTime();

                NodeRequest asked = service.next(PROOF_ASKED);
                Duration idle = Duration.ofNanos(System.nanoTime() - registered);
                assertTrue(idle.compareTo(Duration.ofSeconds(60)) > 0, "the stream sat idle for " + idle);
                ByteString challenge = asked.getGenProof().getChallenge();
                service.sendStillProving();
                assertEquals(asked, service.next(Duration.ofSeconds(10)), "asked again");

                PostV1 post = prove(postDir, data, Hash32.of(challenge.toByteArray()));
                service.sendProof(challenge, meta, Proof.newBuilder().setNonce((int) post.nonce())
                        .setIndices(ByteString.copyFrom(post.indices().toByteArray())).setPow(post.pow()).build());

                node.awaitLine(l -> l.contains("made by the remote post service"), START);
                Matcher published = PUBLISHED.matcher(node.awaitLine(l -> PUBLISHED.matcher(l).find(), START));
                assertTrue(published.find());
                node.awaitLine(l -> l.contains("ATX " + published.group(1) + " for epoch 1 accepted by the handler"),
                        START);
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            node.terminate();
            node.awaitLine(l -> l.contains("node stopped cleanly"), Duration.ofSeconds(30));
        }
    }

    /** The proof a post service makes over the node's data, with the network's proving parameters. */
    private static PostV1 prove(Path postDir, PostMetadata data, Hash32 challenge) throws Exception {
        NetworkParams.Post params = Preset.byName("standalone").params().post();
        try (RandomX randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1)) {
            return new LocalProver(data.nodeId(), new PostDataDirectory(postDir, data.maxFileSize()),
                    PostParams.proving(params, data.numUnits()), randomX).prove(challenge);
        }
    }
}
