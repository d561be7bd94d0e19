package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smnode.core.address.AddressCodec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import spacemesh.v1.PostInfoServiceGrpc;
import spacemesh.v1.PostSetupStatus;
import spacemesh.v1.PostState;
import spacemesh.v1.PostStatesRequest;
import spacemesh.v1.SmesherServiceGrpc;

/** The private listener of a node whose PoST component is not running: identity, coinbase, setup state. */
class PrivateApiTest {
    @Test
    void smesherServiceAnswersFromTheNodesIdentityAndNetwork() throws Exception {
        try (ApiFixture api = new ApiFixture()) {
            SmesherServiceGrpc.SmesherServiceBlockingStub smesher = SmesherServiceGrpc.newBlockingStub(
                    api.channel("private"));
            assertFalse(smesher.isSmeshing(Empty.getDefaultInstance()).getIsSmeshing());
            assertEquals(List.of(ByteString.copyFrom(ApiFixture.IDENTITY.toByteArray())),
                    smesher.smesherIDs(Empty.getDefaultInstance()).getPublicKeysList());
            assertEquals(AddressCodec.encode(api.params.smeshing().coinbase().orElseThrow(), "standalone"),
                    smesher.coinbase(Empty.getDefaultInstance()).getAccountId().getAddress());
            PostSetupStatus setup = smesher.postSetupStatus(Empty.getDefaultInstance()).getStatus();
            assertEquals(PostSetupStatus.State.STATE_NOT_STARTED, setup.getState());
            assertEquals(4, setup.getOpts().getNumUnits());
            assertEquals("/data/post", setup.getOpts().getDataDir());

            List<PostState> states = PostInfoServiceGrpc.newBlockingStub(api.channel("private"))
                    .postStates(PostStatesRequest.getDefaultInstance()).getStatesList();
            assertEquals(1, states.size());
            assertEquals(PostState.State.IDLE, states.get(0).getState());
            assertEquals("identity.key", states.get(0).getName());
        }
    }

    @Test
    void aNodeWithoutIdentityHasNoSmesherIds() throws Exception {
        try (ApiFixture api = new ApiFixture(Optional.empty())) {
            SmesherServiceGrpc.SmesherServiceBlockingStub smesher = SmesherServiceGrpc.newBlockingStub(
                    api.channel("private"));
            assertEquals(0, smesher.smesherIDs(Empty.getDefaultInstance()).getPublicKeysCount());
            assertFalse(smesher.isSmeshing(Empty.getDefaultInstance()).getIsSmeshing());
            assertEquals(0, PostInfoServiceGrpc.newBlockingStub(api.channel("private"))
                    .postStates(PostStatesRequest.getDefaultInstance()).getStatesCount());
        }
    }

    @Test
    void privateServicesAreOnlyOnThePrivateListener() throws Exception {
        try (ApiFixture api = new ApiFixture()) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> SmesherServiceGrpc
                    .newBlockingStub(api.channel("post")).isSmeshing(Empty.getDefaultInstance()));
            assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
        }
    }
}
