package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smnode.activation.AtxHeader;
import io.smnode.core.address.AddressCodec;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.AtxTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import spacemesh.v2alpha1.Activation;
import spacemesh.v2alpha1.ActivationRequest;
import spacemesh.v2alpha1.ActivationServiceGrpc;
import spacemesh.v2alpha1.ActivationsCountRequest;

/** ActivationService over stored ATX headers: order (epoch, id), filters, windows, counts. */
class ActivationServiceTest {
    private static ApiFixture api;
    private static ActivationServiceGrpc.ActivationServiceBlockingStub atxs;
    /** 30 headers: epochs 1..3, ten each, by two smeshers with two coinbases. */
    private static final List<AtxHeader> HEADERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        WriteBatch.Builder batch = WriteBatch.builder();
        for (int i = 0; i < 30; i++) {
            byte[] id = new byte[32];
            id[0] = (byte) (97 * i); // ids out of epoch order
            id[31] = (byte) i;
            AtxHeader h = new AtxHeader(AtxId.of(id), EpochId.of(1 + i / 10), i, AtxId.ZERO, coinbase(i % 2),
                    4 + i, 0, 100 + i, 7, smesher(i % 2), (4L + i) * (100 + i), AtxHeader.Validity.VALID);
            HEADERS.add(h);
            batch.put(AtxTables.ATX_HEADERS, h.id(), h);
        }
        api.store.write(batch.build());
        HEADERS.sort(Comparator.<AtxHeader>comparingLong(h -> h.publishEpoch().value()).thenComparing(AtxHeader::id));
        atxs = ActivationServiceGrpc.newBlockingStub(api.channel("public"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void listsInEpochThenIdOrderInWindows() {
        List<Activation> all = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 7) {
            all.addAll(atxs.list(ActivationRequest.newBuilder().setOffset(offset).setLimit(7).build())
                    .getActivationsList());
        }
        assertEquals(HEADERS.stream().map(h -> ByteString.copyFrom(h.id().toByteArray())).toList(),
                all.stream().map(Activation::getId).toList());
        Activation first = all.get(0);
        AtxHeader h = HEADERS.get(0);
        assertEquals(h.publishEpoch().value(), first.getPublishEpoch());
        assertEquals(h.weight(), first.getWeight());
        assertEquals(h.tickHeight(), first.getHeight());
        assertEquals(h.numUnits(), first.getNumUnits());
        assertEquals(AddressCodec.encode(h.coinbase(), "standalone"), first.getCoinbase());
        assertEquals(ByteString.copyFrom(h.smesherId().toByteArray()), first.getSmesherId());
    }

    @Test
    void filtersByEpochsSmesherCoinbaseAndIds() {
        assertEquals(HEADERS.stream().filter(x -> x.publishEpoch().value() >= 2).limit(100).count(),
                atxs.list(ActivationRequest.newBuilder().setStartEpoch(2).setLimit(100).build()).getActivationsCount());
        assertEquals(10, atxs.list(ActivationRequest.newBuilder().setStartEpoch(2).setEndEpoch(2).setLimit(100)
                .build()).getActivationsCount());
        assertEquals(15, atxs.list(ActivationRequest.newBuilder().addSmesherId(ByteString.copyFrom(
                smesher(1).toByteArray())).setLimit(100).build()).getActivationsCount());
        assertEquals(15, atxs.list(ActivationRequest.newBuilder().setCoinbase(AddressCodec.encode(coinbase(0),
                "standalone")).setLimit(100).build()).getActivationsCount());
        AtxId wanted = HEADERS.get(13).id();
        List<Activation> one = atxs.list(ActivationRequest.newBuilder().addId(ByteString.copyFrom(
                wanted.toByteArray())).setLimit(1).build()).getActivationsList();
        assertEquals(List.of(ByteString.copyFrom(wanted.toByteArray())), one.stream().map(Activation::getId).toList());
    }

    @Test
    void refusesAnUnboundedOrMalformedRequest() {
        for (ActivationRequest bad : List.of(ActivationRequest.getDefaultInstance(),
                ActivationRequest.newBuilder().setLimit(101).build(),
                ActivationRequest.newBuilder().setLimit(1).setCoinbase("sm1notanaddress").build(),
                ActivationRequest.newBuilder().setLimit(1).addId(ByteString.copyFromUtf8("short")).build())) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> atxs.list(bad));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), bad.toString());
        }
    }

    @Test
    void countsAllOrOneEpoch() {
        assertEquals(30, atxs.activationsCount(ActivationsCountRequest.getDefaultInstance()).getCount());
        assertEquals(10, atxs.activationsCount(ActivationsCountRequest.newBuilder().setEpoch(3).build()).getCount());
        assertEquals(0, atxs.activationsCount(ActivationsCountRequest.newBuilder().setEpoch(9).build()).getCount());
    }

    private static NodeId smesher(int i) {
        return NodeId.ofHex(String.format("%02x", 0xa0 + i).repeat(32));
    }

    private static Address coinbase(int i) {
        return Address.ofHex("00000000" + String.format("%02x", 0xc0 + i).repeat(20)); // 4 reserved zero bytes
    }
}
