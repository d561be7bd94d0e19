package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smnode.api.health.HealthCheckRequest;
import io.smnode.api.health.HealthCheckResponse;
import io.smnode.api.health.HealthGrpc;
import java.util.Iterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import spacemesh.v1.EchoRequest;
import spacemesh.v1.MeshServiceGrpc;
import spacemesh.v1.NodeServiceGrpc;
import spacemesh.v1.SimpleString;
import spacemesh.v1.StatusStreamRequest;
import spacemesh.v1.StatusStreamResponse;
import spacemesh.v2alpha1.NetworkInfoRequest;
import spacemesh.v2alpha1.NetworkInfoResponse;
import spacemesh.v2alpha1.NetworkServiceGrpc;
import spacemesh.v2alpha1.NodeStatusRequest;
import spacemesh.v2alpha1.NodeStatusResponse;

/** The public listener driven by grpc-java stubs generated from our protos (no code shared with the server). */
class PublicApiTest {
    private static ApiFixture api;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        channel = api.channel("public");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void v1NodeServiceAnswersEchoVersionStatusAndInfo() {
        NodeServiceGrpc.NodeServiceBlockingStub node = NodeServiceGrpc.newBlockingStub(channel);
        assertEquals("hello", node.echo(EchoRequest.newBuilder()
                .setMsg(SimpleString.newBuilder().setValue("hello")).build()).getMsg().getValue());
        StatusRuntimeException noMsg = assertThrows(StatusRuntimeException.class,
                () -> node.echo(EchoRequest.getDefaultInstance()));
        assertEquals(Status.Code.INVALID_ARGUMENT, noMsg.getStatus().getCode());
        assertEquals("0.1.0-test", node.version(Empty.getDefaultInstance()).getVersionString().getValue());

        spacemesh.v1.NodeStatus status = node.status(spacemesh.v1.StatusRequest.getDefaultInstance()).getStatus();
        assertEquals(2, status.getConnectedPeers());
        assertFalse(status.getIsSynced());
        assertEquals(20, status.getSyncedLayer().getNumber());
        assertEquals(ApiFixture.LAYER, status.getTopLayer().getNumber());
        assertEquals(18, status.getVerifiedLayer().getNumber());

        spacemesh.v1.NodeInfoResponse info = node.nodeInfo(Empty.getDefaultInstance());
        assertEquals("standalone", info.getHrp());
        assertEquals(api.params.time().layersPerEpoch(), info.getEpochSize());
        assertEquals(2 * api.params.time().layersPerEpoch() - 1, info.getEffectiveGenesis());
    }

    @Test
    void v1StatusStreamSendsTheStatusAtOnce() {
        Iterator<StatusStreamResponse> stream = NodeServiceGrpc.newBlockingStub(channel)
                .statusStream(StatusStreamRequest.getDefaultInstance());
        assertEquals(ApiFixture.LAYER, stream.next().getStatus().getTopLayer().getNumber());
    }

    @Test
    void v1MeshServiceAnswersTheNetworksConstants() {
        MeshServiceGrpc.MeshServiceBlockingStub mesh = MeshServiceGrpc.newBlockingStub(channel);
        assertEquals(ApiFixture.GENESIS.getEpochSecond(), mesh.genesisTime(
                spacemesh.v1.GenesisTimeRequest.getDefaultInstance()).getUnixtime().getValue());
        assertEquals(ApiFixture.LAYER, mesh.currentLayer(
                spacemesh.v1.CurrentLayerRequest.getDefaultInstance()).getLayernum().getNumber());
        assertEquals(ApiFixture.LAYER / api.params.time().layersPerEpoch(), mesh.currentEpoch(
                spacemesh.v1.CurrentEpochRequest.getDefaultInstance()).getEpochnum().getNumber());
        assertEquals(ByteString.copyFrom(api.node.genesis().genesisId().toByteArray()), mesh.genesisID(
                spacemesh.v1.GenesisIDRequest.getDefaultInstance()).getGenesisId());
        assertEquals(api.params.time().layersPerEpoch(), mesh.epochNumLayers(
                spacemesh.v1.EpochNumLayersRequest.getDefaultInstance()).getNumlayers().getNumber());
        assertEquals(api.params.time().layerDuration().getSeconds(), mesh.layerDuration(
                spacemesh.v1.LayerDurationRequest.getDefaultInstance()).getDuration().getValue());
        long perSecond = (long) api.params.txs().txsPerProposal() * api.params.ballots().layerAvgSize()
                / api.params.time().layerDuration().getSeconds();
        assertEquals(perSecond, mesh.maxTransactionsPerSecond(
                spacemesh.v1.MaxTransactionsPerSecondRequest.getDefaultInstance()).getMaxTxsPerSecond().getValue());
    }

    @Test
    void v2alpha1NetworkAndNodeStatus() {
        NetworkInfoResponse info = NetworkServiceGrpc.newBlockingStub(channel).info(
                NetworkInfoRequest.getDefaultInstance());
        assertEquals(ApiFixture.GENESIS.getEpochSecond(), info.getGenesisTime().getSeconds());
        assertEquals(api.params.time().layerDuration().getSeconds(), info.getLayerDuration().getSeconds());
        assertEquals("standalone", info.getHrp());
        assertEquals(api.params.post().labelsPerUnit(), info.getLabelsPerUnit());
        assertEquals(api.params.time().layersPerEpoch(), info.getLayersPerEpoch());

        NodeStatusResponse status = spacemesh.v2alpha1.NodeServiceGrpc.newBlockingStub(channel)
                .status(NodeStatusRequest.getDefaultInstance());
        assertEquals(NodeStatusResponse.SyncStatus.SYNC_STATUS_SYNCING, status.getStatus());
        assertEquals(2, status.getConnectedPeers());
        assertEquals(20, status.getLatestLayer());
        assertEquals(19, status.getAppliedLayer());
        assertEquals(18, status.getProcessedLayer());
        assertEquals(ApiFixture.LAYER, status.getCurrentLayer());
    }

    @Test
    void healthServesTheListenersServicesOnly() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.check(HealthCheckRequest.newBuilder()
                .setService("spacemesh.v2alpha1.ActivationService").build()).getStatus());
        StatusRuntimeException other = assertThrows(StatusRuntimeException.class, () -> health.check(
                HealthCheckRequest.newBuilder().setService("spacemesh.v1.SmesherService").build()));
        assertEquals(Status.Code.NOT_FOUND, other.getStatus().getCode());
    }

    @Test
    void privateServicesAreNotOnThePublicListener() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> spacemesh.v1.SmesherServiceGrpc
                .newBlockingStub(channel).isSmeshing(Empty.getDefaultInstance()));
        assertTrue(e.getStatus().getCode() == Status.Code.UNIMPLEMENTED, e.getStatus().toString());
    }
}
