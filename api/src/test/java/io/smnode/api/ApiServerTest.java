package io.smnode.api;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;

/** A listener that cannot bind stops the API component (and so the node), instead of serving fewer ports. */
class ApiServerTest {
    @Test
    void aTakenPortStopsTheComponent() throws Exception {
        try (ApiFixture api = new ApiFixture();
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ApiSettings.Endpoint busy = new ApiSettings.Endpoint("smnode.api.public.listen", "127.0.0.1",
                    taken.getLocalPort());
            ActorRef<ApiServer.Command> server = api.kit.spawn(ApiServer.create(api.node, new ApiSettings(
                    Optional.of(busy), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                    new PrometheusRegistry()), "second-api");
            TestProbe<Object> watcher = api.kit.createTestProbe();
            watcher.expectTerminated(server, Duration.ofSeconds(10));
        }
    }
}
